/**
 * The composition root: the only module that reads the environment and the command line.
 * With no platform credentials it runs the console on the embedded SQLite database.
 */
import { parseArgs } from "node:util";
import { readEnv, slackConfigured, discordConfigured } from "./config.ts";
import { openApp } from "./app.ts";
import { startLeadership, LOCK_KEYS } from "./core/leader.ts";
import { offsetClock } from "./domain/dates.ts";
import { createLogger } from "./log.ts";
import { runConsole } from "./adapters/console/index.ts";
import type { ChatPlatform } from "./core/platform.ts";
import type { Lang } from "./domain/types.ts";
import { parseDestinationList, startDigestService, type DigestService } from "./digest/index.ts";
import { consolePlatform } from "./adapters/console/platform.ts";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { as: { type: "string" }, lang: { type: "string" } },
    allowPositionals: false,
    strict: true,
  });
  const env = readEnv(process.env);
  const log = createLogger(env.LOG_LEVEL);
  const clock = env.NOW ? offsetClock(new Date(env.NOW)) : () => new Date();
  // Alerts need the platforms, which need the desk: the hook is bound now and the service set once they run.
  let digest: DigestService | undefined;
  const app = await openApp({ databaseUrl: env.DATABASE_URL, dataFile: env.DATA_FILE, clock, timeZone: env.TIME_ZONE, publicUrl: env.PUBLIC_URL, digestTime: env.DIGEST_TIME, log, onEvent: (e) => digest?.onEvent(e) });
  const platforms: ChatPlatform[] = [];
  if (slackConfigured(env)) {
    const { startSlack } = await import("./adapters/slack/index.ts");
    const { calendarRoute } = await import("./http/calendar.ts");
    const calendar = calendarRoute({ repos: app.repos, clock, settings: { timeZone: env.TIME_ZONE, publicUrl: env.PUBLIC_URL }, onError: (e) => log.error("calendar feed failed", { error: e }) });
    platforms.push(await startSlack({ desk: app.desk, log, botToken: env.SLACK_BOT_TOKEN!, signingSecret: env.SLACK_SIGNING_SECRET!, appToken: env.SLACK_APP_TOKEN, apiUrl: env.SLACK_API_URL, port: env.PORT, host: env.HOST, calendarRoute: calendar }));
  }
  if (discordConfigured(env)) {
    const { createDiscord } = await import("./adapters/discord/index.ts");
    const make = () => createDiscord({ desk: app.desk, log, token: env.DISCORD_TOKEN!, applicationId: env.DISCORD_APPLICATION_ID!, guildId: env.DISCORD_GUILD_ID, apiUrl: env.DISCORD_API_URL });
    let discord = make();
    // One gateway session per bot token (and shard): on PostgreSQL only the leader process connects
    // (src/core/leader.ts) and another takes over if it dies; every process can still post through REST.
    const leadership = await startLeadership({
      databaseUrl: env.DATABASE_URL, key: LOCK_KEYS.discordGateway, log,
      onElected: () => discord.login(),
      onDeposed: async () => { await discord.destroy(); discord = make(); },
    });
    platforms.push({ platform: "discord", post: (channelId, reply) => discord.platform.post(channelId, reply), stop: () => leadership.stop() });
  }
  // Always started: destinations can be added by /digest to at any time, and expired silence procedures
  // must be concluded (hourly) whether or not anyone receives the digest.
  digest = await startDigestService({
    repos: app.repos, clock, timeZone: env.TIME_ZONE, digestTime: env.DIGEST_TIME, digestTz: env.DIGEST_TZ,
    platforms: [...platforms, consolePlatform(process.stdout)], envDestinations: parseDestinationList(env.DIGEST_DESTINATIONS), log,
  });
  const shutdown = async () => {
    await digest?.stop();
    await Promise.allSettled(platforms.map((p) => p.stop()));
    await app.close();
  };
  const wantConsole = env.CONSOLE === "1" || (env.CONSOLE !== "0" && platforms.length === 0);
  if (!wantConsole) {
    log.info("running", { platforms: platforms.map((p) => p.platform) });
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await shutdown();
    return 0;
  }
  const interactive = !!process.stdin.isTTY;
  if (interactive) process.stdout.write(`Delegate Desk console. Type /help, /as <state|chair|secretariat>, /quit.${env.NOW ? ` Clock: ${env.NOW}.` : ""}\n`);
  await runConsole({ desk: app.desk, input: process.stdin, output: process.stdout, as: values.as ?? "secretariat", lang: values.lang === "ru" ? "ru" : values.lang === "en" ? "en" : (undefined as Lang | undefined), interactive });
  await shutdown();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
