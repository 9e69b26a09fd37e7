/**
 * Issue 15's targets, judged on the figures the bench measured. A figure that was not measured (no
 * PostgreSQL, a step that failed) is "not measured", never a pass.
 */
export type Verdict = "pass" | "MISSED" | "not measured";
export type Target = { name: string; value: number | null; target: string; verdict: Verdict };

const judge = (value: number | null | undefined, ok: (v: number) => boolean): Verdict => (value === null || value === undefined || !Number.isFinite(value) ? "not measured" : ok(value) ? "pass" : "MISSED");

export type Figures = {
  ack_ratio_median: Record<string, number | null>;
  reply_p99_50_ms: Record<string, number | null>;
  pg2_200_ack_p99_ms: number | null;
  digest_year_ms: number | null;
  digest_4x_ratio: number | null;
  rss_idle_console_mb: number | null;
  rss_idle_slack_mb: number | null;
  cold_start_console_ms: number | null;
  cold_start_slack_ms: number | null;
  kill9_lost: number | null;
};

export function targets(f: Figures, providers: string[]): Target[] {
  const t: Target[] = [];
  const add = (name: string, value: number | null | undefined, target: string, ok: (v: number) => boolean) => t.push({ name, value: value ?? null, target, verdict: judge(value, ok) });
  for (const p of ["sqlite", "postgresql"]) {
    const measured = providers.includes(p);
    add(`Slack ack p99 ÷ interleaved floor p99 at 50/s, median of rounds (${p})`, measured ? f.ack_ratio_median[p] : null, "≤ 1.5", (v) => v <= 1.5);
    add(`final reply p99 at 50/s (${p})`, measured ? f.reply_p99_50_ms[p] : null, "≤ 150 ms", (v) => v <= 150);
  }
  add("2 bot processes on PostgreSQL at 200/s: ack p99", f.pg2_200_ack_p99_ms, "< 100 ms", (v) => v < 100);
  add("digest for the generated year (whole-year window, SQLite)", f.digest_year_ms, "< 100 ms", (v) => v < 100);
  add("digest at 4× the data ÷ digest at 1×", f.digest_4x_ratio, "≤ 4.5", (v) => v <= 4.5);
  add("idle RSS of the console bot process", f.rss_idle_console_mb, "< 150 MB", (v) => v < 150);
  add("idle RSS of the Slack-mode bot process", f.rss_idle_slack_mb, "< 150 MB", (v) => v < 150);
  add("cold start to the first console reply", f.cold_start_console_ms, "< 1200 ms", (v) => v < 1200);
  add("cold start to the first Slack ack", f.cold_start_slack_ms, "< 1200 ms", (v) => v < 1200);
  add("kill -9 mid-burst: acknowledged commands without an outcome", f.kill9_lost, "= 0", (v) => v === 0);
  return t;
}

export function printTargets(t: Target[], write: (s: string) => void) {
  write("targets (issue 15):");
  for (const x of t) write(`  ${x.verdict === "pass" ? "pass  " : x.verdict === "MISSED" ? "MISSED" : "n/m   "}  ${x.name}: ${x.value ?? "—"} (target ${x.target})`);
  const missed = t.filter((x) => x.verdict === "MISSED").length;
  const nm = t.filter((x) => x.verdict === "not measured").length;
  write(`  ${t.length - missed - nm} of ${t.length} met, ${missed} missed, ${nm} not measured`);
}
