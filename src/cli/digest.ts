/**
 * `npm run digest -- --date YYYY-MM-DD [--format text|md] [--lang en|ru] [--send]`
 * Prints the Chair's digest for a day (the window from the previous day's DIGEST_TIME to that day's, in
 * DIGEST_TZ), or with --send delivers it to the destinations through the ledger: at most once per
 * destination, whatever else is running. Like main.ts, an entry point: it alone reads the environment.
 */
import { parseArgs } from "node:util";
import { checkDatabaseLocation, readEnv, configuredPlatforms, type Env } from "../config.ts";
import { PLATFORM_NAMES } from "../platforms.ts";
import { openApp, type AppCore } from "../app.ts";
import { isIsoDate, offsetClock } from "../domain/dates.ts";
import { createLogger, type Logger } from "../log.ts";
import type { ChatPlatform } from "../core/platform.ts";
import { consolePlatform } from "../adapters/console/platform.ts";
import { allDestinations, parseDestinationList } from "../digest/destinations.ts";
import { deliverDay, digestFor, workerId, type DigestRuntime } from "../digest/deliver.ts";
import { formatReply } from "../digest/format.ts";
import { dueDay } from "../digest/scheduler.ts";

const USAGE = "usage: npm run digest -- [--date YYYY-MM-DD] [--format text|md] [--lang en|ru] [--send]\n";

/** Platforms for --send: posting only (Slack listens on a loopback ephemeral port so a running bot's port stays free). */
async function startPlatforms(env: Env, app: AppCore, log: Logger): Promise<ChatPlatform[]> {
  const out: ChatPlatform[] = [consolePlatform(process.stdout)];
  for (const m of configuredPlatforms(env)) {
    try {
      out.push(await m.poster({ desk: app.desk, log, env }));
    } catch (e) {
      process.stderr.write(`${m.name} could not start: ${(e as Error).message}\n`);
    }
  }
  return out;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { date: { type: "string" }, format: { type: "string", default: "text" }, lang: { type: "string", default: "en" }, send: { type: "boolean", default: false } },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const format = values.format;
  const lang = values.lang;
  if ((format !== "text" && format !== "md") || (lang !== "en" && lang !== "ru") || (values.date !== undefined && !isIsoDate(values.date))) {
    process.stderr.write(USAGE);
    return 2;
  }
  const env = readEnv(process.env);
  checkDatabaseLocation(env.DATABASE_URL);
  const log = createLogger(env.LOG_LEVEL);
  const clock = env.NOW ? offsetClock(new Date(env.NOW)) : () => new Date();
  const day = values.date ?? dueDay(clock(), env.DIGEST_TIME, env.DIGEST_TZ);
  const app = await openApp({ databaseUrl: env.DATABASE_URL, dataFile: env.DATA_FILE, clock, timeZone: env.TIME_ZONE, forum: env.forum, digestTime: env.DIGEST_TIME, log });
  const platforms = values.send ? await startPlatforms(env, app, log) : [];
  try {
    const fromEnv = parseDestinationList(env.DIGEST_DESTINATIONS, PLATFORM_NAMES);
    const rt: DigestRuntime = {
      repos: app.repos, clock, timeZone: env.TIME_ZONE, forum: env.forum, digestTime: env.DIGEST_TIME, digestTz: env.DIGEST_TZ,
      platforms, destinations: () => allDestinations(app.repos, fromEnv, log), worker: `cli:${workerId()}`, log,
    };
    if (!values.send) {
      process.stdout.write(formatReply(await digestFor(rt, day, lang), format));
      return 0;
    }
    const results = await deliverDay(rt, day, { retryFailed: true });
    if (!results.length) {
      process.stderr.write("No destination: set DIGEST_DESTINATIONS or use /digest to … (nothing was sent).\n");
      return 1;
    }
    for (const r of results)
      process.stdout.write(`${day} → ${r.destination}: ${r.outcome.replace("_", " ")}${r.messages ? ` (${r.messages} message(s))` : ""}${r.error ? ` — ${r.error}` : ""}\n`);
    return results.every((r) => r.outcome === "sent" || r.outcome === "already_sent") ? 0 : 1;
  } finally {
    await Promise.allSettled(platforms.map((p) => p.stop()));
    await app.close();
  }
}

main().then((c) => process.exit(c), (e) => { process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`); process.exit(1); });
