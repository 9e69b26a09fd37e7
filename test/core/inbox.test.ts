import { afterEach, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { testApp, SEED_NOW } from "../helpers/app.ts";
import { startFakeSlack, type FakeSlack } from "../fakes/slack-api.ts";
import { sendCommand, triggerId } from "../fakes/slack-client.ts";
import { openDatabase } from "../../src/db/client.ts";
import { openInbox } from "../../src/core/inbox.ts";

const SECRET = "inbox-signing-secret";

/** The real bot (src/main.ts) in Slack HTTP mode, as its own process. */
function startBot(env: Record<string, string>): { child: ChildProcess; port: Promise<number>; stderr: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, ...env, LOG_LEVEL: "info", CONSOLE: "0", HOST: "127.0.0.1", PORT: "0", NOW: SEED_NOW },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  const port = new Promise<number>((res, rej) => {
    createInterface({ input: child.stderr! }).on("line", (l) => {
      err += `${l}\n`;
      try {
        const j = JSON.parse(l) as { msg?: string; port?: number };
        if (j.msg === "running" && j.port) res(j.port);
      } catch { /* not a log line */ }
    });
    child.once("exit", (c) => rej(new Error(`bot exited ${c}:\n${err}`)));
  });
  return { child, port, stderr: () => err };
}

describe("the durable inbox", () => {
  const cleanup: (() => Promise<unknown> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup.length = 0;
  });

  it("GIVEN a burst of Slack commands WHEN the bot is killed with SIGKILL mid-burst THEN after a restart every acknowledged command is stored once and answered", async () => {
    const app = await testApp();
    await app.as("secretariat", "/link user slack:U0IND India");
    const url = app.url;
    // The bot process owns the database from here; the test's copy is dropped at the end.
    const dropDb = app.close;
    const dir = mkdtempSync(join(tmpdir(), "dd-inbox-"));
    const fake: FakeSlack = await startFakeSlack();
    cleanup.push(dropDb, () => fake.close(), () => rmSync(dir, { recursive: true, force: true }));
    const env = { DATABASE_URL: url, SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, INBOX_FILE: join(dir, "inbox.jsonl") };

    const first = startBot(env);
    cleanup.push(() => { first.child.kill("SIGKILL"); });
    const port = await first.port;
    const N = 60;
    const acked: { id: string; text: string }[] = [];
    let killedAt: number | undefined;
    const unansweredAtKill: string[] = [];
    await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const id = randomUUID();
        const text = `Burst remark ${i} ${id.slice(0, 8)}`;
        try {
          const ack = await sendCommand(`http://127.0.0.1:${port}/slack/events`, SECRET, { command: "/comment", text: `DRAFT/4 para 1.10 ${text}`, user_id: "U0IND", channel_id: "C0GENERAL", trigger_id: triggerId(), response_url: fake.responseUrl(id) });
          if (ack.status !== 200) return;
        } catch {
          return; // the connection died with the process: Slack shows the user an error, nothing was promised
        }
        if (killedAt !== undefined) return; // an ack that raced the kill is still an ack, but we count only those seen before
        acked.push({ id, text });
        if (acked.length === 20) {
          killedAt = Date.now();
          unansweredAtKill.push(...acked.filter((a) => fake.responsesTo(a.id).length === 0).map((a) => a.id));
          first.child.kill("SIGKILL");
        }
      }),
    );
    await new Promise((r) => first.child.exitCode !== null || first.child.signalCode ? r(null) : first.child.once("exit", r));
    expect(acked.length).toBe(20);
    // Some acknowledged commands had no answer yet when the process died: those are what the inbox must save.
    expect(unansweredAtKill.length).toBeGreaterThan(0);

    const second = startBot(env);
    cleanup.push(() => { second.child.kill("SIGTERM"); });
    await second.port;
    for (const a of acked) await fake.waitFor(() => fake.responsesTo(a.id).length > 0, 150_000);
    for (const id of unansweredAtKill) expect(JSON.stringify(fake.responsesTo(id).at(-1)?.body)).toMatch(/filed for India|already on file/);

    const db = await openDatabase(url);
    try {
      const texts = (await db.prisma.comment.findMany({ where: { stateCode: "IND" } })).map((c) => c.text);
      for (const a of acked) expect(texts.filter((t) => t === a.text)).toHaveLength(1);
    } finally {
      await db.close();
    }
    // What was answered is marked done: a third start would not answer it again.
    second.child.kill("SIGTERM");
    await new Promise((r) => second.child.once("exit", r));
    const inbox = await openInbox(env.INBOX_FILE);
    const left = inbox.pending().map((e) => e.inv.text ?? "");
    expect(acked.filter((a) => left.some((t) => t.endsWith(a.text)))).toEqual([]);
    await inbox.close();
  }, 300_000);

  it("GIVEN a recorded command older than Slack's 30 minutes THEN it is not carried out and the user is told it expired", async () => {
    const app = await testApp();
    await app.as("secretariat", "/link user slack:U0IND India");
    const url = app.url;
    const dir = mkdtempSync(join(tmpdir(), "dd-inbox-"));
    const fake = await startFakeSlack();
    cleanup.push(app.close, () => fake.close(), () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, "inbox.jsonl");
    const inbox = await openInbox(file);
    const id = randomUUID();
    await inbox.record({
      key: "old-1", at: Date.now() - 31 * 60_000,
      inv: { platform: "slack", userId: "U0IND", channelId: "C0GENERAL", command: "comment", text: "DRAFT/4 para 1.10 Too late to carry out", requestKey: "old-1" },
      reply: { platform: "slack", responseUrl: fake.responseUrl(id), userId: "U0IND", channelId: "C0GENERAL" },
    });
    await inbox.close();
    const bot = startBot({ DATABASE_URL: url, SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, INBOX_FILE: file });
    cleanup.push(() => { bot.child.kill("SIGTERM"); });
    await bot.port;
    const dm = await fake.waitFor(() => fake.callsOf("chat.postMessage").find((c) => c.args.channel === "U0IND"), 30_000);
    expect(dm.args.text).toMatch(/could not be completed in time after a restart/);
    expect(fake.responsesTo(id)).toHaveLength(0);
    const db = await openDatabase(url);
    try {
      expect(await db.prisma.comment.count({ where: { text: "Too late to carry out" } })).toBe(0);
    } finally {
      await db.close();
    }
  }, 60_000);
});
