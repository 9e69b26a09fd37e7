import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * `npm run bench -- --quick` runs end to end and its last stdout line is the JSON object with every field
 * issue 15 asks for. No timing is asserted here (speed is judged by the bench itself, on a quiet machine):
 * only that each figure was measured (a number) where the database it needs is available.
 */
const ALWAYS = [
  "floor_ack_p99_ms", "digest_year_ms", "digest_day_ms", "digest_4x_ms", "digest_4x_ratio", "lookup_p99_ms", "object_new_share",
  "rss_idle_mb", "rss_idle_console_mb", "rss_idle_slack_mb", "cold_start_ms", "cold_start_console_ms", "cold_start_slack_ms", "kill9_lost", "rss_peak_bench_mb", "cpu_ref_ms",
] as const;
const PG_ONLY = ["pg2_200_ack_p99_ms", "pg2_200_reply_p99_ms", "pg2_200_throughput_per_s", "digest_year_pg_ms", "digest_4x_pg_ms"] as const;
const PER_DB = ["ack_ratio_median", "ack_ratio_worst", "ack_p99_50_ms", "reply_p99_50_ms", "floor_ack_p99_rounds_ms", "ours_ack_p99_rounds_ms", "writes", "kill9"] as const;
const KILL = ["sent", "acked", "acked_before_kill", "completed", "lost", "lost_by_command", "answered_unacked", "writes_acked", "writes_stored", "writes_missing", "writes_duplicated", "restart_ms", "inbox_recovered_logged"] as const;

function quickBench(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Asynchronously: a blocking child would starve the test worker's connection to vitest.
    const child = spawn("npm", ["run", "--silent", "bench", "--", "--quick"], { env: process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run bench -- --quick", () => {
  it("GIVEN the quick bench THEN it exits 0 and its JSON line has every figure, the targets judged, and the kill -9 counts", async () => {
    const r = await quickBench();
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
    const pg = !!process.env.TEST_DATABASE_URL || !!process.env.BENCH_DATABASE_URL;
    const dbs = pg ? ["sqlite", "postgresql"] : ["sqlite"];
    expect(out.quick).toBe(true);
    expect(out.bot_process).toMatch(/^node /);
    expect(out.machine).toEqual(expect.any(String));
    expect(out.load_average).toHaveLength(2);
    for (const k of ALWAYS) expect(out[k], k).toEqual(expect.any(Number));
    for (const k of PG_ONLY) {
      expect(out, k).toHaveProperty(k);
      if (pg) expect(out[k], k).toEqual(expect.any(Number));
      else expect(out[k], k).toBeNull();
    }
    for (const k of PER_DB) expect(Object.keys(out[k]).sort(), k).toEqual([...dbs].sort());
    for (const db of dbs) {
      expect(out.ack_ratio_median[db]).toEqual(expect.any(Number));
      expect(out.reply_p99_50_ms[db]).toEqual(expect.any(Number));
      for (const k of KILL) expect(out.kill9[db], `kill9.${db}.${k}`).toHaveProperty(k);
      expect(out.kill9[db].acked).toBeGreaterThan(0);
      // The burst did kill the bot mid-way: some commands were acked before the kill.
      expect(out.kill9[db].acked_before_kill).toBeGreaterThan(0);
      expect(out.writes[db].object.sent).toBeGreaterThan(0);
    }
    expect(out.runs.some((x: { adapter: string }) => x.adapter === "console")).toBe(true);
    expect(out.runs.some((x: { adapter: string }) => x.adapter === "slack")).toBe(true);
    // Every target of issue 15 is judged: pass, MISSED or (only without PostgreSQL) not measured.
    const verdicts = Object.entries(out.targets as Record<string, string>);
    expect(verdicts.length).toBe(12);
    for (const [name, v] of verdicts) expect(pg || /postgresql|PostgreSQL/.test(name) ? ["pass", "MISSED", "not measured"] : ["pass", "MISSED"], name).toContain(v);
    if (pg) for (const [name, v] of verdicts) expect(v, name).not.toBe("not measured");
    expect(r.stderr).toMatch(/targets \(issue 15\):/);
  }, 600_000);
});
