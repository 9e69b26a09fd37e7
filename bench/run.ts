/**
 * `npm run bench`: latency and throughput of the real command pipeline, on SQLite and (when reachable)
 * PostgreSQL, through the console adapter path and the Slack HTTP adapter against a local fake Slack,
 * at rising open-loop load; a bare Bolt app that only acks, in this same process, is the floor.
 * Then: service-layer lookup latency, and the digest over a generated year of activity.
 * Progress and a readable table go to stderr; the last line on stdout is the JSON the README quotes.
 *
 *   BENCH_SECONDS=5          seconds per load step (a step has at least 100 commands)
 *   BENCH_RATES=10,50,200    commands per second
 *   BENCH_DATABASE_URL=postgresql://…   (else TEST_DATABASE_URL) a server where the bench may create
 *                            and drop its own databases; unset or unreachable: SQLite only
 *   BENCH_ROUNDS=5           rounds of (floor, then ours) at 50/s, for the ratio per round
 *   BENCH_ROUND_SECONDS=4    seconds per half-round
 *   BENCH_DIGEST_RUNS=5      digest builds per window (median reported)
 *
 * The floor is measured in every round right before our run, on the same machine state, so a noisy
 * neighbour moves both; the ratio per round (our ack p99 ÷ the floor's) is reported as median and worst.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { App, HTTPReceiver, LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { AddressInfo } from "node:net";
import { openApp, type AppCore } from "../src/app.ts";
import { openDatabase, providerOf, type Provider } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";
import { createRepos } from "../src/db/repos.ts";
import { consoleActor, renderConsole } from "../src/adapters/console/index.ts";
import { startSlack } from "../src/adapters/slack/index.ts";
import { findCoordinators } from "../src/services/coordinators.ts";
import { listDeadlines } from "../src/services/deadlines.ts";
import { buildDigest } from "../src/services/digest.ts";
import type { Ctx } from "../src/services/context.ts";
import { translator } from "../src/i18n/index.ts";
import { zonedTime } from "../src/domain/dates.ts";
import { silentLogger } from "../src/log.ts";
import type { Actor } from "../src/domain/types.ts";
import { openLoop, type LoadResult, type Sample } from "./load.ts";
import { now, percentile, round, timeEach } from "./stats.ts";
import { Worker } from "node:worker_threads";
import { commandFor } from "./commands.ts";
import type { LoadRequest } from "./driver.ts";
import { generateYear, YEAR } from "./year.ts";
import { BOT, consoleStart, idle, rssMb, slackProcess } from "./procs.ts";
import { copyFileSync } from "node:fs";
import { loadForum } from "../src/forum/load.ts";
const CICA = loadForum("data/cica.yaml");

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const RATES = (process.env.BENCH_RATES ?? "10,50,200").split(",").map(Number).filter((x) => x > 0);
const SEED_NOW = new Date("2023-08-23T09:00:00+05:00");
const TZ = "Asia/Almaty";
const SECRET = "bench-signing-secret";

const err = (s: string) => process.stderr.write(`${s}\n`);
const stepSeconds = (rate: number) => Math.max(SECONDS, 100 / rate);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 4);
/** Digest timings per window (median reported); fewer on a loaded machine. */
const DIGEST_RUNS = Number(process.env.BENCH_DIGEST_RUNS ?? 5);
/** Every run takes its command indexes from here, so no write repeats an earlier one. */
let nextBase = 0;
const takeBase = (n: number) => { const b = nextBase; nextBase += n + 10; return b; };

type DbTarget = { provider: Provider; url: string; drop: () => Promise<void> };

async function pgServer(): Promise<string | undefined> {
  const url = [process.env.BENCH_DATABASE_URL, process.env.TEST_DATABASE_URL].find((u) => u && providerOf(u) === "postgresql");
  if (!url) return undefined;
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query("SELECT 1");
    return url;
  } catch (e) {
    err(`PostgreSQL at ${new URL(url).host} not reachable (${(e as Error).message}): SQLite only.`);
    return undefined;
  } finally {
    await c.end().catch(() => {});
  }
}

async function freshDb(provider: Provider, pgUrl: string | undefined, dir: string): Promise<DbTarget> {
  if (provider === "sqlite") {
    const file = join(dir, `bench-${randomBytes(4).toString("hex")}.db`);
    return { provider, url: `file:${file}`, drop: async () => {} };
  }
  const name = `ddbench_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    try { await c.query(sql); } finally { await c.end(); }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const u = new URL(pgUrl!);
  u.pathname = `/${name}`;
  return { provider, url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

type Run = { db: Provider; adapter: "console" | "slack"; rate_per_s: number; ack_p50_ms: number | null; ack_p95_ms: number | null; ack_p99_ms: number | null; reply_p99_ms: number | null; throughput_per_s: number | null };

function toRun(db: Provider, adapter: Run["adapter"], rate: number, r: LoadResult): Run & { reply_p50_ms: number | null; reply_p95_ms: number | null; failed: number; n: number } {
  const ok = r.samples.filter((s) => s.ok);
  const acks = ok.map((s) => s.ack);
  const replies = ok.map((s) => s.reply);
  return {
    db, adapter, rate_per_s: rate,
    ack_p50_ms: round(percentile(acks, 50)), ack_p95_ms: round(percentile(acks, 95)), ack_p99_ms: round(percentile(acks, 99)),
    reply_p99_ms: round(percentile(replies, 99)),
    throughput_per_s: round(ok.length / (r.wallMs / 1000)),
    reply_p50_ms: round(percentile(replies, 50)), reply_p95_ms: round(percentile(replies, 95)),
    failed: r.failed + (r.samples.length - ok.length), n: r.sent,
  };
}

/** The console adapter's path: resolve who acts (once per session, as /as does), run, render. */
async function consoleLoad(app: AppCore, rate: number, codes: string[]): Promise<LoadResult> {
  const actors = new Map<string, Awaited<ReturnType<typeof consoleActor>>>();
  for (const c of codes) actors.set(c, await consoleActor(app.desk.repos, c));
  const base = takeBase(Math.round(rate * stepSeconds(rate)));
  return openLoop(rate, stepSeconds(rate), async (i): Promise<Sample> => {
    const { command, text, user } = commandFor(base + i);
    const actor = actors.get(codes[(user ?? i) % codes.length]!)!;
    const t0 = now();
    const reply = await app.desk.run({ platform: "console", userId: actor.userId, command, text, actor, requestKey: `bench:console:${rate}:${i}:${t0}` });
    renderConsole(reply);
    const dt = now() - t0;
    // The console has no separate acknowledgement: the answer is the ack.
    return { ack: dt, reply: dt, ok: reply.status === "ok" || reply.status === "info" };
  });
}

/** The Slack side runs in a worker thread (bench/driver.ts): the fake Slack and the load generator. */
type Driver = { apiUrl: string; load: (r: Omit<LoadRequest, "type" | "secret">) => Promise<LoadResult>; close: () => Promise<void> };

async function startDriver(): Promise<Driver> {
  // A worker does not inherit tsx's loader, and Node refuses a .ts entry before any loader runs: register
  // tsx inside the worker first, then import the TypeScript entry.
  const entry = new URL("./driver.ts", import.meta.url).href;
  const w = new Worker(`import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
  const next = () =>
    new Promise<any>((resolve, reject) => {
      const fail = (e: Error) => { w.off("message", ok); reject(e); };
      const ok = (m: unknown) => { w.off("error", fail); resolve(m); };
      w.once("message", ok);
      w.once("error", fail);
    });
  const ready = await next();
  return {
    apiUrl: ready.apiUrl as string,
    load: async (r) => {
      const done = next();
      w.postMessage({ type: "load", secret: SECRET, ...r });
      return (await done).result as LoadResult;
    },
    close: async () => {
      w.postMessage({ type: "close" });
      await new Promise((r) => w.once("exit", r));
    },
  };
}

async function slackLoad(app: AppCore, driver: Driver, rate: number, codes: string[], tag: string, seconds = stepSeconds(rate)): Promise<LoadResult> {
  const slack = await startSlack({ desk: app.desk, log: silentLogger, botToken: "xoxb-bench", signingSecret: SECRET, apiUrl: driver.apiUrl, port: 0, host: "127.0.0.1" });
  try {
    return await driver.load({ port: slack.port!, rate, seconds, users: codes.map((c) => `U${c}`), tag: `${tag}${nextBase}`, waitReply: true, base: takeBase(Math.round(rate * seconds)) });
  } finally {
    await slack.stop();
  }
}

const quietBolt: BoltLogger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

/** The floor: Bolt with nothing behind it but ack(), in this process, driven the same way. */
async function floorLoad(driver: Driver, rate: number, seconds = stepSeconds(rate)): Promise<LoadResult> {
  const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: "/slack/events", logger: quietBolt });
  const app = new App({ token: "xoxb-bench", receiver, logger: quietBolt, clientOptions: { slackApiUrl: driver.apiUrl } });
  app.command(/.*/, async ({ ack }) => { await ack(); });
  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as { address: () => AddressInfo };
  try {
    return await driver.load({ port: server.address().port, rate, seconds, users: ["UFLOOR"], tag: `floor${seconds}`, waitReply: false });
  } finally {
    await app.stop();
  }
}

function delegateCtx(app: AppCore, stateCode: string): Ctx {
  const actor: Actor = { platform: "console", userId: stateCode.toLowerCase(), role: "delegate", stateCode, lang: "en", via: "console" };
  return { repos: app.repos, clock: () => SEED_NOW, actor, t: translator("en", CICA), lang: "en", settings: { timeZone: TZ, forum: CICA } };
}

/** /coordinators and /deadlines in the service layer (no adapter, no parsing), 300 calls each. */
async function lookups(app: AppCore): Promise<{ coordinators: number; deadlines: number }> {
  const ctx = delegateCtx(app, "IND");
  const queries = [undefined, "terrorism", "ICT", "tourism"];
  const co = await timeEach(300, (i) => findCoordinators(ctx, queries[i % queries.length]));
  const dl = await timeEach(300, (i) => listDeadlines(ctx, i % 2 ? 60 : "all"));
  return { coordinators: percentile(co, 99), deadlines: percentile(dl, 99) };
}

/** The Chair's digest over the generated year: the last morning's (one day), a 7-day catch-up, and one covering the whole year. */
async function digestYear(t: DbTarget, scale = 1): Promise<{ generateMs: number; dayMs: number; weekMs: number; yearMs: number; sections: number }> {
  const db = await openDatabase(t.url);
  try {
    await migrate(db);
    const g0 = now();
    await generateYear(db, scale);
    const generateMs = now() - g0;
    const repos = createRepos(db);
    const until = zonedTime("2023-12-31", "08:30", TZ);
    const ctx: Ctx = { repos, clock: () => until, actor: { platform: "console", userId: "chair", role: "chair", lang: "en", via: "console" }, t: translator("en", CICA), lang: "en", settings: { timeZone: TZ, forum: CICA } };
    await buildDigest(ctx, zonedTime("2023-12-30", "08:30", TZ), until); // warm the caches, as a running bot has them
    const day = await timeEach(DIGEST_RUNS, () => buildDigest(ctx, zonedTime("2023-12-30", "08:30", TZ), until), 0);
    // The longest window delivery ever builds: a catch-up after downtime is capped at 7 days.
    const week = await timeEach(DIGEST_RUNS, () => buildDigest(ctx, zonedTime("2023-12-24", "08:30", TZ), until), 0);
    let sections = 0;
    const year = await timeEach(DIGEST_RUNS, async () => { sections = (await buildDigest(ctx, zonedTime("2022-12-31", "08:30", TZ), until)).sections.length; }, 0);
    return { generateMs, dayMs: percentile(day, 50), weekMs: percentile(week, 50), yearMs: percentile(year, 50), sections };
  } finally {
    await db.close();
  }
}

/**
 * The bot in its own processes: cold start to the first console reply (median of 3) and idle RSS of the
 * console and of the Slack-mode process, on a copy of a seeded SQLite file; then two Slack processes on
 * one PostgreSQL database at 200 commands/s.
 */
async function processes(dir: string, driver: Driver, pgUrl: string | undefined) {
  const seeded = await freshDb("sqlite", undefined, dir);
  const app = await openApp({ databaseUrl: seeded.url, dataFile: "data/cica.yaml", clock: () => SEED_NOW, timeZone: TZ, forum: CICA, digestTime: "08:30", log: silentLogger });
  await app.close();
  const env = { DATABASE_URL: seeded.url, NOW: SEED_NOW.toISOString(), TIME_ZONE: TZ };
  const colds: number[] = [];
  let consoleRss: number | null = null;
  for (let i = 0; i < 3; i++) {
    const copy = join(dir, `cold-${i}.db`);
    copyFileSync(seeded.url.replace(/^file:/, ""), copy);
    const r = await consoleStart({ ...env, DATABASE_URL: `file:${copy}` });
    colds.push(r.coldMs);
    consoleRss = r.rssMb;
  }
  const slack = await slackProcess({ ...env, SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: driver.apiUrl, INBOX_FILE: join(dir, "idle.inbox") });
  await idle(3000);
  const slackRss = rssMb(slack.child.pid!);
  await slack.stop();
  err(`bot process (${BOT.label}): cold start to first console reply ${colds.map((c) => round(c, 0)).join(", ")} ms; idle RSS console ${round(consoleRss ?? NaN, 0)} MB, Slack mode ${round(slackRss ?? NaN, 0)} MB`);
  let pg2: number | null = null;
  if (pgUrl) {
    const t = await freshDb("postgresql", pgUrl, dir);
    try {
      const seed = await openApp({ databaseUrl: t.url, dataFile: "data/cica.yaml", clock: () => SEED_NOW, timeZone: TZ, forum: CICA, digestTime: "08:30", log: silentLogger });
      const members = (await seed.repos.refData()).states.filter((s) => s.kind === "member").map((s) => s.code);
      await seed.db.prisma.identity.createMany({ data: members.map((code) => ({ platform: "slack", userId: `U${code}`, role: "delegate", stateCode: code })) });
      await seed.close();
      const bots = await Promise.all([0, 1].map((k) => slackProcess({ ...env, DATABASE_URL: t.url, SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: driver.apiUrl, INBOX_FILE: join(dir, `pg2-${k}.inbox`) })));
      try {
        const seconds = Math.max(SECONDS, 5);
        const r = await driver.load({ port: bots[0]!.port, ports: bots.map((b) => b.port), rate: 200, seconds, users: members.map((c) => `U${c}`), tag: "pg2-", waitReply: true, base: takeBase(200 * seconds) });
        const run = toRun("postgresql", "slack", 200, r);
        pg2 = run.ack_p99_ms;
        err(`postgresql, 2 processes at 200/s: ack p50/p95/p99 ${run.ack_p50_ms}/${run.ack_p95_ms}/${run.ack_p99_ms} ms, reply p99 ${run.reply_p99_ms} ms, ${run.throughput_per_s}/s answered, failed ${run.failed}/${run.n}`);
      } finally {
        await Promise.all(bots.map((b) => b.stop()));
      }
    } finally {
      await t.drop();
    }
  }
  const sortedCold = [...colds].sort((a, b) => a - b);
  return { cold_start_ms: round(sortedCold[1] ?? sortedCold[0]!, 0), rss_idle_mb: round(Math.max(consoleRss ?? 0, slackRss ?? 0), 0), rss_idle_console_mb: round(consoleRss ?? NaN, 0), rss_idle_slack_mb: round(slackRss ?? NaN, 0), pg2_200_ack_p99_ms: pg2 };
}

function table(rows: ReturnType<typeof toRun>[]) {
  err("db          adapter  rate/s   ack p50/p95/p99 ms        reply p50/p95/p99 ms      thru/s  failed");
  for (const r of rows)
    err(`${r.db.padEnd(11)} ${r.adapter.padEnd(8)} ${String(r.rate_per_s).padStart(6)}   ${`${r.ack_p50_ms}/${r.ack_p95_ms}/${r.ack_p99_ms}`.padEnd(25)} ${`${r.reply_p50_ms}/${r.reply_p95_ms}/${r.reply_p99_ms}`.padEnd(25)} ${String(r.throughput_per_s).padStart(6)}  ${r.failed}/${r.n}`);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "dd-bench-"));
  const pgUrl = await pgServer();
  const providers: Provider[] = pgUrl ? ["sqlite", "postgresql"] : ["sqlite"];
  err(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}; rates ${RATES.join(", ")}/s; ≥${SECONDS} s per step; databases: ${providers.join(", ")}`);
  const driver = await startDriver();
  const runs: ReturnType<typeof toRun>[] = [];
  const floor: Record<number, number> = {};
  const lookup: Record<string, { coordinators: number; deadlines: number }> = {};
  const digest: Record<string, Awaited<ReturnType<typeof digestYear>>> = {};
  const ratioMedian: Record<string, number> = {};
  const ratioWorst: Record<string, number> = {};
  const replyP99: Record<string, number> = {};
  let digest4x: Awaited<ReturnType<typeof digestYear>> | undefined;
  let procs: { cold_start_ms: number | null; rss_idle_mb: number | null; rss_idle_console_mb: number | null; rss_idle_slack_mb: number | null; pg2_200_ack_p99_ms: number | null } | undefined;
  try {
    await floorLoad(driver, 20, 1); // warm-up (JIT, connection pools), not measured
    for (const rate of RATES) {
      const r = await floorLoad(driver, rate);
      floor[rate] = percentile(r.samples.map((s) => s.ack), 99);
      err(`floor (bare Bolt, ack only) at ${rate}/s: ack p99 ${round(floor[rate]!)} ms`);
    }
    for (const provider of providers) {
      const t = await freshDb(provider, pgUrl, dir);
      try {
        const app = await openApp({ databaseUrl: t.url, dataFile: "data/cica.yaml", clock: () => SEED_NOW, timeZone: TZ, forum: CICA, digestTime: "08:30", log: silentLogger });
        try {
          const members = (await app.repos.refData()).states.filter((s) => s.kind === "member").map((s) => s.code);
          // Slack users are linked to their delegations, as /link would do.
          await app.db.prisma.identity.createMany({ data: members.map((code) => ({ platform: "slack", userId: `U${code}`, role: "delegate", stateCode: code })) });
          for (const rate of RATES) {
            runs.push(toRun(provider, "console", rate, await consoleLoad(app, rate, members)));
            err(`${provider} console ${rate}/s done`);
          }
          for (const rate of RATES) {
            runs.push(toRun(provider, "slack", rate, await slackLoad(app, driver, rate, members, provider)));
            err(`${provider} slack ${rate}/s done`);
          }
          // Interleaved rounds at 50/s: the floor, then ours, in each round.
          const ratios: number[] = [];
          for (let r = 0; r < ROUNDS; r++) {
            const f = percentile((await floorLoad(driver, 50, ROUND_SECONDS)).samples.map((x) => x.ack), 99);
            const ours = toRun(provider, "slack", 50, await slackLoad(app, driver, 50, members, `${provider}-round${r}-`, ROUND_SECONDS));
            ratios.push(ours.ack_p99_ms! / f);
            replyP99[provider] = Math.max(replyP99[provider] ?? 0, ours.reply_p99_ms ?? 0);
            err(`${provider} round ${r + 1}/${ROUNDS} at 50/s: floor ack p99 ${round(f)} ms, ours ${ours.ack_p99_ms} ms → ×${round(ours.ack_p99_ms! / f, 2)}; reply p99 ${ours.reply_p99_ms} ms; failed ${ours.failed}/${ours.n}`);
          }
          const sorted = [...ratios].sort((a, b) => a - b);
          ratioMedian[provider] = round(sorted[Math.floor((sorted.length - 1) / 2)]!, 2)!;
          ratioWorst[provider] = round(sorted.at(-1)!, 2)!;
          const objections = await app.db.prisma.position.count({ where: { platform: { in: ["slack", "console"] } } });
          err(`${provider}: ${objections} objections recorded by the bench's /object commands (each a new record)`);
          lookup[provider] = await lookups(app);
          err(`${provider} lookups p99: /coordinators ${round(lookup[provider]!.coordinators, 2)} ms, /deadlines ${round(lookup[provider]!.deadlines, 2)} ms (after ${await app.db.prisma.comment.count()} comments)`);
        } finally {
          await app.close();
        }
      } finally {
        await t.drop();
      }
      const y = await freshDb(provider, pgUrl, dir);
      try {
        digest[provider] = await digestYear(y);
        const d = digest[provider]!;
        err(`${provider} year (${YEAR.comments} comments, ${YEAR.objections} objections, ${YEAR.events} events) generated in ${round(d.generateMs, 0)} ms; digest (median of 5): one day ${round(d.dayMs)} ms, 7-day catch-up ${round(d.weekMs)} ms, whole year ${round(d.yearMs)} ms (${d.sections} sections)`);
      } finally {
        await y.drop();
      }
      if (provider === "sqlite") {
        const y4 = await freshDb(provider, pgUrl, dir);
        try {
          digest4x = await digestYear(y4, 4);
          err(`sqlite year ×4 generated in ${round(digest4x.generateMs, 0)} ms; digest over the whole year ${round(digest4x.yearMs)} ms (×${round(digest4x.yearMs / digest.sqlite!.yearMs, 2)} the 1× year)`);
        } finally {
          await y4.drop();
        }
      }
    }
    procs = await processes(dir, driver, pgUrl);
  } finally {
    await driver.close();
    rmSync(dir, { recursive: true, force: true });
  }
  table(runs);
  const floorRate = RATES.includes(50) ? 50 : RATES[0]!;
  const sqliteDigest = digest.sqlite!;
  const out = {
    runs: runs.map(({ db, adapter, rate_per_s, ack_p50_ms, ack_p95_ms, ack_p99_ms, reply_p99_ms, throughput_per_s }) => ({ db, adapter, rate_per_s, ack_p50_ms, ack_p95_ms, ack_p99_ms, reply_p99_ms, throughput_per_s })),
    floor_ack_p99_ms: round(floor[floorRate]!),
    // The harder of the two: a digest whose window covers the whole year (a daily one reads far less).
    digest_year_ms: round(Math.max(sqliteDigest.yearMs, sqliteDigest.dayMs)),
    lookup_p99_ms: round(Math.max(lookup.sqlite!.coordinators, lookup.sqlite!.deadlines), 2),
    rss_peak_mb: round(process.resourceUsage().maxRSS / 1024, 0),
    ack_ratio_median: ratioMedian,
    ack_ratio_worst: ratioWorst,
    reply_p99_50_ms: replyP99,
    digest_4x_ms: digest4x ? round(digest4x.yearMs) : null,
    rss_idle_mb: procs?.rss_idle_mb ?? null,
    rss_idle_console_mb: procs?.rss_idle_console_mb ?? null,
    rss_idle_slack_mb: procs?.rss_idle_slack_mb ?? null,
    cold_start_ms: procs?.cold_start_ms ?? null,
    pg2_200_ack_p99_ms: procs?.pg2_200_ack_p99_ms ?? null,
    bot_process: BOT.label,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    err(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
