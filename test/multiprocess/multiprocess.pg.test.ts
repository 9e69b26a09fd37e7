/**
 * Several bot processes on one PostgreSQL. Each test starts real child processes (test/multiprocess/
 * worker.ts) against a database of its own. These guarantees rest on PostgreSQL (advisory locks, unique
 * constraints seen across connections); on SQLite one process is assumed, so the file (*.pg.test.ts) is collected only in the
 * PostgreSQL pass of the suite (TEST_DATABASE_URL=postgresql://…; .ci/run and `npm test` do that pass).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { freshDatabase } from "../helpers/app.ts";
import type { Database } from "../../src/db/client.ts";
import { runWorker, startWorker, type Worker } from "./helpers.ts";
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { startFakeSlack } from "../fakes/slack-api.ts";
import { startFakeDiscord } from "../fakes/discord.ts";
import { sendCommand } from "../fakes/slack-client.ts";

const SECRET = "multiprocess-signing-secret";

/** Child processes need a second or two to load tsx and Prisma; the race starts after that, for both at once. */
const startAt = () => String(Date.now() + 4_000);

describe("GIVEN two bot processes on one PostgreSQL database", () => {
  let fresh: { db: Database; file: string; close: () => Promise<void> };
  const workers: Worker[] = [];
  beforeEach(async () => { fresh = await freshDatabase(); });
  afterEach(async () => {
    for (const w of workers.splice(0)) if (w.child.exitCode === null) { w.child.kill("SIGKILL"); await w.exited; }
    await fresh.close();
  });

  it("WHEN Slack delivers a slash command to one replica and its retry to another at once THEN one comment is recorded and both answers say so", async () => {
    const fake = await startFakeSlack();
    try {
      await fresh.db.prisma.identity.create({ data: { platform: "slack", userId: "U0IND", role: "delegate", stateCode: "IND" } });
      const a = startWorker(["slack", fresh.file, fake.apiUrl, SECRET]);
      const b = startWorker(["slack", fresh.file, fake.apiUrl, SECRET]);
      workers.push(a, b);
      const ports = await Promise.all([a, b].map((w) => w.next((l) => "port" in l).then((l) => Number(l.port))));
      // The same request twice, as Slack retries one it thinks timed out: same body, same trigger_id.
      const command = { command: "/comment", text: "MC/2023/DRAFT/4 para 1.10 We propose three years", user_id: "U0IND", team_id: "T0DD", trigger_id: "1.retry.trigger", response_url: fake.responseUrl("r1") };
      const acks = await Promise.all([
        sendCommand(`http://127.0.0.1:${ports[0]}/slack/events`, SECRET, command),
        sendCommand(`http://127.0.0.1:${ports[1]}/slack/events`, SECRET, command, { headers: { "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout" } }),
      ]);
      expect(acks.map((x) => x.status)).toEqual([200, 200]);
      const answers = await fake.waitFor(() => fake.responsesTo("r1").length >= 2 && fake.responsesTo("r1"), 20_000);
      const texts = answers.map((r) => String(r.body.text)).sort();
      expect(texts[0]).toMatch(/^Comment #\d+ filed for India on MC\/2023\/DRAFT\/4 para 1\.10/);
      expect(texts[1]).toMatch(/^Comment #\d+ is already on file for India/);
      expect(await fresh.db.prisma.comment.count({ where: { stateCode: "IND" } })).toBe(1);
      expect(await fresh.db.prisma.auditLog.count({ where: { action: "comment" } })).toBe(1);
    } finally {
      await fake.close();
    }
  });

  it("WHEN both run the same retried comment at the same instant THEN the unique request key lets exactly one in", async () => {
    const at = startAt();
    const args = ["run", fresh.file, "slack:T1:retry-abc", at, "comment", "MC/2023/DRAFT/4 para 1.10 We propose three years"];
    const [a, b] = await Promise.all([runWorker(args), runWorker(args)]);
    const summaries = [a![0]!.summary, b![0]!.summary].map(String).sort();
    expect(summaries[0]).toMatch(/^Comment #\d+ filed for India on MC\/2023\/DRAFT\/4 para 1\.10/);
    expect(summaries[1]).toMatch(/^Comment #\d+ is already on file for India/);
    expect(await fresh.db.prisma.comment.count({ where: { requestKey: "slack:T1:retry-abc" } })).toBe(1);
    expect(await fresh.db.prisma.auditLog.count({ where: { action: "comment" } })).toBe(1);
  });

  it("WHEN both receive the same retried objection at once THEN one position is recorded, never two", async () => {
    const at = startAt();
    const args = ["run", fresh.file, "slack:T1:retry-obj", at, "object", "MC/2023/DRAFT/4 para 1.10 Not ready"];
    const outs = (await Promise.all([runWorker(args), runWorker(args), runWorker(args)])).map((l) => l[0]!);
    expect(outs.map((o) => o.status).sort()).toEqual(["info", "info", "ok"]);
    expect(await fresh.db.prisma.position.count({ where: { requestKey: "slack:T1:retry-obj" } })).toBe(1);
  });

  it("WHEN both deliver the digests of the same days at once THEN each day reaches the destination exactly once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dd-digest-"));
    const sentLog = join(dir, "sent.jsonl");
    const days = ["2023-08-23", "2023-08-24", "2023-08-25", "2023-08-26", "2023-08-27"];
    const at = startAt();
    const [a, b] = await Promise.all([runWorker(["digest", fresh.file, sentLog, at, ...days]), runWorker(["digest", fresh.file, sentLog, at, ...days])]);
    const sent = existsSync(sentLog) ? readFileSync(sentLog, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { pid: number; title: string }) : [];
    expect(sent).toHaveLength(days.length);
    const outcomes = [...a!, ...b!].flatMap((l) => (l.results as { outcome: string }[]).map((r) => r.outcome));
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(days.length);
    expect(outcomes.filter((o) => o !== "sent").every((o) => o === "busy" || o === "already_sent")).toBe(true);
    const ledger = await fresh.db.prisma.digestDelivery.findMany({ where: { destination: "console:chair" } });
    expect(ledger.map((r) => [r.day, r.status]).sort()).toEqual(days.map((d) => [d, "sent"]));
  });

  it("WHEN the process holding the Discord gateway is killed THEN exactly one other process takes over within 30 s", async () => {
    const a = startWorker(["leader", fresh.file]);
    workers.push(a);
    await a.next((l) => "ready" in l);
    const b = startWorker(["leader", fresh.file]);
    const c = startWorker(["leader", fresh.file]);
    workers.push(b, c);
    await Promise.all([b.next((l) => "ready" in l), c.next((l) => "ready" in l)]);
    // The first process started alone, so it leads; the other two must be waiting.
    expect(a.lines.some((l) => l.elected === a.child.pid)).toBe(true);
    expect([...b.lines, ...c.lines].some((l) => "elected" in l)).toBe(false);

    const killedAt = Date.now();
    a.child.kill("SIGKILL");
    const winner = await Promise.race([b, c].map((w) => w.next((l) => "elected" in l).then(() => w)));
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    // Give the loser more than a full poll interval to (wrongly) claim it too.
    await new Promise((r) => setTimeout(r, 6_000));
    const loser = winner === b ? c : b;
    expect(loser.lines.some((l) => "elected" in l)).toBe(false);
    expect(winner.lines.some((l) => "deposed" in l)).toBe(false);
  }, 60_000);

  it("WHEN two whole bots (src/main.ts) with Discord configured share the database THEN one gateway session is open, and after the leader is killed the other opens one within 30 s", async () => {
    const discord = await startFakeDiscord();
    const bots: { child: ChildProcess; logs: { msg: string; pid?: number }[] }[] = [];
    const until = async (check: () => boolean, ms: number, what: string) => {
      const end = Date.now() + ms;
      while (!check()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const startBot = () => {
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        stdio: ["ignore", "ignore", "pipe"],
        env: {
          PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: fresh.file, LOG_LEVEL: "info", CONSOLE: "0", PORT: "0", HOST: "127.0.0.1",
          DISCORD_TOKEN: "fake-bot-token", DISCORD_APPLICATION_ID: discord.appId, DISCORD_API_URL: discord.api, DIGEST_DESTINATIONS: "",
        },
      });
      const bot = { child, logs: [] as { msg: string; pid?: number }[] };
      createInterface({ input: child.stderr! }).on("line", (l) => { try { bot.logs.push(JSON.parse(l)); } catch { /* not a log line */ } });
      bots.push(bot);
      return bot;
    };
    try {
      const a = startBot();
      const b = startBot();
      await until(() => [a, b].every((x) => x.logs.some((l) => l.msg === "running")), 30_000, "both bots to run");
      await until(() => discord.gatewaySessions() === 1, 10_000, "one gateway session");
      const leaders = [a, b].filter((x) => x.logs.some((l) => l.msg === "leadership acquired"));
      expect(leaders).toHaveLength(1);
      // More than a poll interval later there is still exactly one session.
      await new Promise((r) => setTimeout(r, 6_000));
      expect(discord.gatewaySessions()).toBe(1);

      const [leader] = leaders;
      const other = leader === a ? b : a;
      const killedAt = Date.now();
      leader!.child.kill("SIGKILL");
      await until(() => other.logs.some((l) => l.msg === "leadership acquired") && discord.gatewaySessions() === 1, 30_000, "the other bot to take over");
      expect(Date.now() - killedAt).toBeLessThan(30_000);
      expect(discord.gatewaySessions()).toBe(1);
    } finally {
      for (const x of bots) if (x.child.exitCode === null && x.child.signalCode === null) { x.child.kill("SIGKILL"); await new Promise((r) => x.child.once("exit", r)); }
      await discord.close();
    }
  }, 90_000);
});
