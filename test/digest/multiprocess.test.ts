import { afterEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { testApp, SEED_NOW, type TestApp } from "../helpers/app.ts";

const WORKER = join(process.cwd(), "test", "digest", "worker.ts");

function runWorker(args: string[], onLine?: (line: string, kill: () => void) => void): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      for (const line of d.toString().split("\n").filter(Boolean)) onLine?.(line, () => child.kill("SIGKILL"));
    });
    child.stderr.on("data", (d: Buffer) => { err += d.toString(); });
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

const posts = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : []);

describe("exactly once across processes", () => {
  let app: TestApp;
  afterEach(async () => app?.close());

  it("GIVEN two bot processes on the same database WHEN both deliver the same five days at the same instant THEN every (day, destination) is posted exactly once", async () => {
    app = await testApp({ now: SEED_NOW });
    const postsFile = join(tmpdir(), `dd-posts-${process.pid}-${Date.now()}`);
    const days = ["2023-08-19", "2023-08-20", "2023-08-21", "2023-08-22", "2023-08-23"];
    const startAt = String(Date.now() + 2500);
    const [a, b] = await Promise.all([
      runWorker([app.file, postsFile, "A", "send", "600000", startAt, ...days]),
      runWorker([app.file, postsFile, "B", "send", "600000", startAt, ...days]),
    ]);
    expect(a.err).toBe("");
    expect(b.err).toBe("");
    expect([a.code, b.code]).toEqual([0, 0]);
    const lines = posts(postsFile);
    expect(lines).toHaveLength(10);
    const keys = lines.map((l) => l.split(" ").slice(1).join(" ")).sort();
    expect(new Set(keys).size).toBe(10);
    const results = [...JSON.parse(a.out.trim()), ...JSON.parse(b.out.trim())] as { outcome: string }[];
    expect(results.filter((r) => r.outcome === "sent")).toHaveLength(10);
    const rows = await app.db.prisma.digestDelivery.findMany();
    expect(rows.map((r) => r.status)).toEqual(Array(10).fill("sent"));
  });

  it("GIVEN a process killed while sending WHEN another process runs after the lease THEN the digest is sent once, by the survivor", async () => {
    app = await testApp({ now: SEED_NOW });
    const postsFile = join(tmpdir(), `dd-posts-${process.pid}-${Date.now()}`);
    const crashed = await runWorker([app.file, postsFile, "crashing", "hang", "600000", "0", "2023-08-23"], (line, kill) => { if (line === "posting") kill(); });
    expect(crashed.code).toBe(null);
    expect(posts(postsFile)).toEqual([]);
    expect((await app.repos.digests.get("2023-08-23", "slack:C-CHAIR"))).toMatchObject({ status: "claimed", claimedBy: "crashing" });
    // Within the lease the survivor leaves the claim alone…
    const waiting = await runWorker([app.file, postsFile, "survivor", "send", "600000", "0", "2023-08-23"]);
    expect(JSON.parse(waiting.out.trim())[0]).toMatchObject({ destination: "slack:C-CHAIR", outcome: "busy" });
    // …and once the lease is over (a 1 ms lease here) it takes over and sends.
    const after = await runWorker([app.file, postsFile, "survivor", "send", "1", "0", "2023-08-23"]);
    expect(JSON.parse(after.out.trim())[0]).toMatchObject({ destination: "slack:C-CHAIR", outcome: "sent" });
    expect(posts(postsFile).filter((l) => l.includes("C-CHAIR"))).toEqual(["survivor C-CHAIR Daily digest for the Chair, 23 August 2023"]);
    expect(await app.repos.digests.get("2023-08-23", "slack:C-CHAIR")).toMatchObject({ status: "sent", claimedBy: "survivor", attempts: 2 });
  });
});
