/**
 * A second (and third) bot process for the multi-process tests: started with `node --import tsx`,
 * it does one thing against the database URL it is given and prints one JSON line per result.
 *   leader <url> [pollMs]                           — competes for the Discord-gateway lock, prints {"elected":pid}
 *   run <url> <requestKey> <startAtMs> <command> <text> — India runs one command (a retried Slack request)
 *   digest <url> <sentLog> <startAtMs> <day>…       — delivers the digest for each day to one destination
 *   slack <url> <apiUrl> <signingSecret>            — runs the Slack HTTP adapter on a free port, prints {"port":n}
 */
import { appendFileSync } from "node:fs";
import { openApp } from "../../src/app.ts";
import { startLeadership, LOCK_KEYS } from "../../src/core/leader.ts";
import { deliverDay, workerId, type DigestRuntime } from "../../src/digest/deliver.ts";
import type { ChatPlatform } from "../../src/core/platform.ts";
import { createLogger, silentLogger } from "../../src/log.ts";
import { CICA } from "../helpers/forum.ts";

const [mode, url, ...rest] = process.argv.slice(2);
const say = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);
/** Both processes start the racy part at the same wall-clock instant, after their slow start-up. */
const waitUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));
const SEED_NOW = new Date("2023-08-23T09:00:00+05:00");

async function main() {
  if (!url) throw new Error("usage: worker <mode> <url> …");
  if (mode === "leader") {
    const l = await startLeadership({
      databaseUrl: url, key: LOCK_KEYS.discordGateway, log: createLogger("silent"),
      pollMs: rest[0] ? Number(rest[0]) : undefined,
      onElected: () => { say({ elected: process.pid }); },
      onDeposed: () => { say({ deposed: process.pid }); },
    });
    say({ ready: process.pid, leader: l.isLeader() });
    await new Promise<void>((r) => process.once("SIGTERM", () => r()));
    await l.stop();
    return;
  }
  const app = await openApp({ databaseUrl: url, clock: () => SEED_NOW, timeZone: "Asia/Almaty", forum: CICA, digestTime: "08:30", log: silentLogger });
  try {
    if (mode === "run") {
      const [requestKey, startAt, command, text] = rest;
      const actor = { platform: "slack" as const, userId: "U-IND", role: "delegate" as const, stateCode: "IND", via: "console" as const };
      await waitUntil(Number(startAt));
      const r = await app.desk.run({ platform: "slack", userId: "U-IND", command: command!, text, requestKey, actor });
      say({ pid: process.pid, status: r.status, summary: r.summary });
    } else if (mode === "slack") {
      const [apiUrl, signingSecret] = rest;
      const { startSlack } = await import("../../src/adapters/slack/index.ts");
      const slack = await startSlack({ desk: app.desk, log: silentLogger, botToken: "xoxb-test", signingSecret: signingSecret!, apiUrl, port: 0, host: "127.0.0.1", retry: { attempts: 1 } });
      say({ port: slack.port });
      await new Promise<void>((r) => process.once("SIGTERM", () => r()));
      await slack.stop();
    } else if (mode === "digest") {
      const [sentLog, startAt, ...days] = rest;
      const console: ChatPlatform = {
        platform: "console",
        post: async (channelId, reply) => { appendFileSync(sentLog!, `${JSON.stringify({ pid: process.pid, channelId, summary: reply.summary })}\n`); },
        stop: async () => {},
      };
      const rt: DigestRuntime = {
        repos: app.repos, clock: () => SEED_NOW, timeZone: "Asia/Almaty", forum: CICA, digestTime: "08:30", digestTz: "Asia/Almaty",
        platforms: [console], destinations: async () => [{ platform: "console", channelId: "chair", lang: "en" }], worker: workerId(),
      };
      await waitUntil(Number(startAt));
      for (const day of days) say({ pid: process.pid, day, results: await deliverDay(rt, day) });
    } else throw new Error(`unknown mode ${mode}`);
  } finally {
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
