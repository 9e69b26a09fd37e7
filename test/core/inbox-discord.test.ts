/**
 * The durable inbox on Discord: a command recorded (and deferred) before a crash, with no outcome, is
 * completed when the bot starts again and answered through the interaction's follow-up webhook; one
 * older than Discord's 15 minutes is not carried out and the user is told so in a direct message.
 * The real bot (src/main.ts) runs as its own process against the local Discord fake.
 */
import { afterEach, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testApp, SEED_NOW } from "../helpers/app.ts";
import { startFakeDiscord, type FakeDiscord } from "../fakes/discord.ts";
import { openDatabase } from "../../src/db/client.ts";
import { openInbox } from "../../src/core/inbox.ts";

const USER = "700000000000000042";

/** The bot in Discord mode; resolves `recovered` with the counts it logs after completing its inbox. */
function startBot(env: Record<string, string>): { child: ChildProcess; recovered: Promise<{ answered: number; expired: number; failed: number }>; stderr: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, ...env, LOG_LEVEL: "info", CONSOLE: "0", HOST: "127.0.0.1", PORT: "0", NOW: SEED_NOW },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  const recovered = new Promise<{ answered: number; expired: number; failed: number }>((res, rej) => {
    createInterface({ input: child.stderr! }).on("line", (l) => {
      err += `${l}\n`;
      try {
        const j = JSON.parse(l) as { msg?: string; answered?: number; expired?: number; failed?: number };
        if (j.msg === "inbox recovered") res({ answered: j.answered ?? 0, expired: j.expired ?? 0, failed: j.failed ?? 0 });
      } catch { /* not a log line */ }
    });
    child.once("exit", (c) => rej(new Error(`bot exited ${c}:\n${err}`)));
  });
  return { child, recovered, stderr: () => err };
}

/** An interaction the crashed bot had received, recorded and deferred ("thinking…"), but never answered. */
async function deferredInteraction(fake: FakeDiscord, text: string): Promise<{ id: string; token: string }> {
  const id = fake.command("comment", { document: "DRAFT/4", para: "1.10", text }, { userId: USER });
  const token = fake.tokenOf(id);
  const r = await fetch(`${fake.api}/v10/interactions/${id}/${token}/callback`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: 5, data: { flags: 64 } }) });
  expect(r.status).toBe(204);
  return { id, token };
}

describe("the durable inbox on Discord", () => {
  const cleanup: (() => Promise<unknown> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanup.reverse()) await c();
    cleanup.length = 0;
  });

  async function setUp() {
    const app = await testApp();
    await app.as("secretariat", `/link user discord:${USER} India`);
    const dir = mkdtempSync(join(tmpdir(), "dd-inbox-discord-"));
    const fake = await startFakeDiscord();
    cleanup.push(app.close, () => fake.close(), () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, "inbox.jsonl");
    const env = { DATABASE_URL: app.url, DISCORD_TOKEN: "discord-test-token", DISCORD_APPLICATION_ID: fake.appId, DISCORD_GUILD_ID: fake.guildId, DISCORD_API_URL: fake.api, INBOX_FILE: file };
    return { app, fake, file, env };
  }

  const comments = async (url: string, text: string) => {
    const db = await openDatabase(url);
    try {
      return await db.prisma.comment.count({ where: { text, stateCode: "IND" } });
    } finally {
      await db.close();
    }
  };

  it("GIVEN a recorded Discord /comment with no outcome WHEN the bot starts THEN it is carried out once and answered by editing the deferred reply through the follow-up webhook", async () => {
    const { app, fake, file, env } = await setUp();
    const text = "Recorded before the crash, answered after it";
    const { id, token } = await deferredInteraction(fake, text);
    const inbox = await openInbox(file);
    await inbox.record({
      key: `discord:${id}`, at: Date.now() - 2 * 60_000,
      inv: { platform: "discord", userId: USER, channelId: fake.channelId, roleIds: [], locale: "en-US", command: "comment", options: { document: "DRAFT/4", para: "1.10", text }, requestKey: `discord:${id}` },
      reply: { platform: "discord", applicationId: fake.appId, token, userId: USER },
    });
    await inbox.close();

    const bot = startBot(env);
    cleanup.push(() => { bot.child.kill("SIGTERM"); });
    expect(await bot.recovered).toEqual({ answered: 1, expired: 0, failed: 0 });
    const edit = fake.requests.find((r) => r.method === "PATCH" && r.path === `/webhooks/${fake.appId}/${token}/messages/@original`);
    expect(edit, bot.stderr()).toBeDefined();
    const shown = JSON.stringify(edit!.body);
    expect(shown).toMatch(/filed for India/);
    expect(shown).toMatch(/Completed after a restart/);
    expect(await comments(app.url, text)).toBe(1);
    // Answered means done: the inbox holds nothing for the next start.
    bot.child.kill("SIGTERM");
    await new Promise((r) => bot.child.once("exit", r));
    const after = await openInbox(file);
    expect(after.pending()).toEqual([]);
    await after.close();
  }, 90_000);

  it("GIVEN a recorded Discord command older than Discord's 15 minutes THEN it is not carried out and the user is told in a direct message that it expired", async () => {
    const { app, fake, file, env } = await setUp();
    const text = "Too late to carry out on Discord";
    const { id, token } = await deferredInteraction(fake, text);
    const inbox = await openInbox(file);
    await inbox.record({
      key: `discord:${id}`, at: Date.now() - 16 * 60_000,
      inv: { platform: "discord", userId: USER, channelId: fake.channelId, roleIds: [], locale: "en-US", command: "comment", options: { document: "DRAFT/4", para: "1.10", text }, requestKey: `discord:${id}` },
      reply: { platform: "discord", applicationId: fake.appId, token, userId: USER },
    });
    await inbox.close();

    const bot = startBot(env);
    cleanup.push(() => { bot.child.kill("SIGTERM"); });
    expect(await bot.recovered).toEqual({ answered: 0, expired: 1, failed: 0 });
    const dm = fake.dmChannels.get(USER);
    expect(dm, bot.stderr()).toBeDefined();
    const sent = fake.requests.find((r) => r.method === "POST" && r.path === `/channels/${dm}/messages`);
    expect(sent?.body?.content).toMatch(/\/comment .* could not be completed in time after a restart/);
    expect(fake.requests.some((r) => r.path.startsWith(`/webhooks/${fake.appId}/${token}`))).toBe(false);
    expect(await comments(app.url, text)).toBe(0);
  }, 90_000);
});
