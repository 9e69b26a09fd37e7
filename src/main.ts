/**
 * The composition root: the only module that reads the environment and the command line.
 * With no platform credentials it runs the console on the embedded SQLite database.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { readEnv, checkDatabaseLocation, configuredPlatforms, httpPort, ConfigError, EXIT_CONFIG } from "./config.ts";
import { openApp } from "./app.ts";
import { offsetClock } from "./domain/dates.ts";
import { createLogger } from "./log.ts";
import { runConsole } from "./adapters/console/index.ts";
import type { ChatPlatform } from "./core/platform.ts";
import type { Lang } from "./domain/types.ts";
import { parseDestinationList, startDigestService, type DigestService } from "./digest/index.ts";
import { parseReminderDays } from "./digest/reminders.ts";
import { consolePlatform } from "./adapters/console/platform.ts";
import { createHttpServer } from "./http/server.ts";
import { registerHealthRoutes, type ReadinessCheck } from "./http/health.ts";
import { databaseAnswers } from "./db/health.ts";
import { defaultInboxFile, openInbox } from "./core/inbox.ts";
import { recoverInbox, type FollowUpSender } from "./core/recover.ts";
import { PLATFORM_NAMES } from "./platforms.ts";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { as: { type: "string" }, lang: { type: "string" } },
    allowPositionals: false,
    strict: true,
  });
  // `.env` in the working directory, when present; variables already in the environment win.
  if (existsSync(".env")) process.loadEnvFile(".env");
  const env = readEnv(process.env);
  checkDatabaseLocation(env.DATABASE_URL);
  const log = createLogger(env.LOG_LEVEL);
  const clock = env.NOW ? offsetClock(new Date(env.NOW)) : () => new Date();
  // Alerts need the platforms, which need the desk: the hook is bound now and the service set once they run.
  let digest: DigestService | undefined;
  const run = configuredPlatforms(env);
  // The platforms' libraries load while the database opens (issue 15: cold start to the first ack); a failure
  // here is the same one `start` reports below, so it is not reported twice.
  for (const m of run) void m.preload?.().catch(() => {});
  const app = await openApp({ databaseUrl: env.DATABASE_URL, dataFile: env.DATA_FILE, clock, timeZone: env.TIME_ZONE, forum: env.forum, publicUrl: env.PUBLIC_URL, digestTime: env.DIGEST_TIME, log, onEvent: (e) => digest?.onEvent(e) });
  const platforms: ChatPlatform[] = [];
  const senders: Record<string, FollowUpSender> = {};
  const inbox = run.length ? await openInbox(env.INBOX_FILE ?? defaultInboxFile(env.DATABASE_URL, httpPort(env)), log, env.INBOX_SYNC) : undefined;
  // /healthz and /readyz wherever the bot runs as a service; the console alone listens only when PORT is
  // set, so a terminal session never takes a port.
  const http = run.length || env.PORT !== undefined ? createHttpServer(log) : undefined;
  // Every platform this process runs is listed from the start, down until it has connected.
  const up = new Map<string, () => boolean>();
  const checks: ReadinessCheck[] = [
    { name: "database", check: () => databaseAnswers(app.db) },
    ...run.map((m) => ({ name: m.name, check: () => up.get(m.name)?.() ?? false })),
  ];
  if (http) {
    registerHealthRoutes(http, () => checks);
    // Calendar subscriptions (/deadlines subscribe) are served wherever the bot listens.
    const { registerCalendarRoute } = await import("./http/calendar.ts");
    registerCalendarRoute(http, { repos: app.repos, clock, settings: { timeZone: env.TIME_ZONE, forum: env.forum, publicUrl: env.PUBLIC_URL }, onError: (e) => log.error("calendar feed failed", { error: e }) });
    await http.listen(httpPort(env), env.HOST);
  }
  const info: Record<string, unknown> = {};
  for (const m of run) {
    const p = await m.start({ desk: app.desk, log, env, inbox, http, port: httpPort(env), host: env.HOST, databaseUrl: env.DATABASE_URL });
    up.set(m.name, p.ready);
    platforms.push(p.chat);
    senders[m.name] = p.followUp;
    Object.assign(info, p.info);
  }
  // Commands acknowledged before a crash and never answered: complete them now, in the background.
  if (inbox) void recoverInbox({ inbox, desk: app.desk, senders, log }).catch((e: unknown) => log.error("inbox recovery failed", { error: e }));
  // Always started: destinations can be added by /digest to at any time, and expired silence procedures
  // must be concluded (hourly) whether or not anyone receives the digest.
  digest = await startDigestService({
    repos: app.repos, clock, timeZone: env.TIME_ZONE, forum: env.forum, digestTime: env.DIGEST_TIME, digestTz: env.DIGEST_TZ,
    platforms: [...platforms, consolePlatform(process.stdout)], envDestinations: parseDestinationList(env.DIGEST_DESTINATIONS, PLATFORM_NAMES), log,
    reminderDays: parseReminderDays(env.REMINDER_DAYS),
  });
  const shutdown = async () => {
    await digest?.stop();
    await Promise.allSettled(platforms.map((p) => p.stop()));
    await http?.close();
    await inbox?.close();
    await app.close();
  };
  const wantConsole = env.CONSOLE === "1" || (env.CONSOLE !== "0" && platforms.length === 0);
  if (!wantConsole) {
    log.info("running", { platforms: platforms.map((p) => p.platform), ...info });
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
    // A refused configuration is one line and EX_CONFIG (78), so a supervisor shows why and stops retrying.
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(e instanceof ConfigError ? EXIT_CONFIG : 1);
  },
);
