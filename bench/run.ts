/**
 * `npm run bench`: latency and throughput of Delegate Desk, on SQLite and (when reachable) PostgreSQL.
 * The bot runs as users run it, in its own process (compiled `node dist/src/main.js`: run `npm run build`
 * first), in Slack HTTP mode against a local fake Slack whose load generator lives in a worker thread.
 *
 *  1. Console adapter path, in this process, at rising open-loop load (ack = answer: the console has no ack).
 *  2. Slack, against the bot process: a sweep of rates, then rounds at 50/s interleaved with a bare-Bolt
 *     floor process (alternating order), ratio per round (bench/slack-runs.ts).
 *  3. The Chair's digest over a generated year, and over 4× its activity (linearity).
 *  4. The bot process alone: cold start (console: spawn to the answer to a piped command; Slack mode: spawn
 *     to the first ack) and idle VmRSS after start-up has settled.
 *  5. Two Slack-mode processes on one PostgreSQL database at 200 commands/s, after 3 s of warm-up at 100/s.
 *  6. kill -9 during a burst of 1,000 Slack commands: every acked command answered and stored once (bench/kill.ts).
 *  7. Issue 15's targets, each printed pass / MISSED / not measured.
 *  Before all: a CPU reference figure (bench/calibrate.ts), since the machine's model name does not say its speed.
 * Progress and readable figures go to stderr; the last line on stdout is one JSON object.
 *
 *   --quick                  small sizes (about a minute): what test/bench/bench.test.ts runs
 *   BENCH_SECONDS=5          seconds per load step (a step has at least 100 commands)
 *   BENCH_RATES=10,50,200    commands per second
 *   BENCH_DATABASE_URL=postgresql://…   (else TEST_DATABASE_URL) a server where the bench may create
 *                            and drop its own databases; unset or unreachable: SQLite only
 *   BENCH_ROUNDS=6           rounds of (floor, ours) at 50/s, for the ratio per round
 *   BENCH_ROUND_SECONDS=4    seconds per half-round
 *   BENCH_DIGEST_RUNS=5      digest builds per window (median reported)
 *   BENCH_KILL_COMMANDS=1000, BENCH_KILL_RATE=200   the kill -9 burst
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { openApp, type AppCore } from "../src/app.ts";
import type { Provider } from "../src/db/client.ts";
import { consoleActor, renderConsole } from "../src/adapters/console/index.ts";
import { findCoordinators } from "../src/services/coordinators.ts";
import { listDeadlines } from "../src/services/deadlines.ts";
import type { Ctx } from "../src/services/context.ts";
import { translator } from "../src/i18n/index.ts";
import { silentLogger } from "../src/log.ts";
import type { Actor } from "../src/domain/types.ts";
import { openLoop, type LoadResult, type Sample } from "./load.ts";
import { median, now, percentile, round, timeEach } from "./stats.ts";
import { commandFor, takeBase } from "./commands.ts";
import { startDriver, type Driver } from "./driver-client.ts";
import { BOT, consoleStart, idle, rssMb, slackProcess, staleBuild } from "./procs.ts";
import { copySqlite, dropTemplates, err, freshDb, pgServer, seededDb, SEED_NOW, TZ } from "./dbs.ts";
import { ratioSummary, slackFigures, toRun, type Run, type SlackFigures } from "./slack-runs.ts";
import { digestYear, type DigestFigures } from "./digest.ts";
import { killBurst, type KillFigures } from "./kill.ts";
import { cpuReferenceMs } from "./calibrate.ts";
import { printTargets, targets } from "./targets.ts";
import { loadForum } from "../src/forum/load.ts";
const CICA = loadForum("data/cica.yaml");

const QUICK = process.argv.includes("--quick");
const num = (name: string, full: number, quick: number) => Number(process.env[name] ?? (QUICK ? quick : full));
const SECONDS = num("BENCH_SECONDS", 5, 1);
const RATES = (process.env.BENCH_RATES ?? (QUICK ? "50" : "10,50,200")).split(",").map(Number).filter((x) => x > 0);
const ROUNDS = num("BENCH_ROUNDS", 6, 2);
const ROUND_SECONDS = num("BENCH_ROUND_SECONDS", 4, 1);
const DIGEST_RUNS = num("BENCH_DIGEST_RUNS", 5, 1);
/** --quick: a tenth of the year (and 4× that), so the step takes seconds; the JSON says "quick". */
const DIGEST_SCALE = QUICK ? 0.1 : 1;
const KILL_N = num("BENCH_KILL_COMMANDS", 1000, 200);
const KILL_RATE = num("BENCH_KILL_RATE", 200, 200);
const STARTS = QUICK ? 1 : 3;
const SETTLE_MS = QUICK ? 1500 : 3000;
const SECRET = "bench-signing-secret";
const stepSeconds = (rate: number) => (QUICK ? SECONDS : Math.max(SECONDS, 100 / rate));

/** The console adapter's path: resolve who acts (once per session, as /as does), run, render. */
async function consoleLoad(app: AppCore, rate: number, codes: string[]): Promise<LoadResult> {
  const actors = new Map<string, Awaited<ReturnType<typeof consoleActor>>>();
  for (const c of codes) actors.set(c, await consoleActor(app.desk.repos, c));
  const base = takeBase(Math.round(rate * stepSeconds(rate)));
  return openLoop(rate, stepSeconds(rate), async (i): Promise<Sample> => {
    const { command, text, user } = commandFor(base + i);
    const actor = actors.get(codes[(user ?? i) % codes.length]!)!;
    const t0 = now();
    const reply = await app.desk.run({ platform: "console", userId: actor.userId, command, text, actor, requestKey: `bench:console:${rate}:${base + i}` });
    renderConsole(reply);
    const dt = now() - t0;
    return { ack: dt, reply: dt, ok: reply.status === "ok" || reply.status === "info", command };
  });
}

/** /coordinators and /deadlines in the service layer (no adapter, no parsing), 300 calls each. */
async function lookups(app: AppCore): Promise<{ coordinators: number; deadlines: number }> {
  const actor: Actor = { platform: "console", userId: "ind", role: "delegate", stateCode: "IND", lang: "en", via: "console" };
  const ctx: Ctx = { repos: app.repos, clock: () => SEED_NOW, actor, t: translator("en", CICA), lang: "en", settings: { timeZone: TZ, forum: CICA } };
  const queries = [undefined, "terrorism", "ICT", "tourism"];
  const n = QUICK ? 50 : 300;
  const co = await timeEach(n, (i) => findCoordinators(ctx, queries[i % queries.length]));
  const dl = await timeEach(n, (i) => listDeadlines(ctx, i % 2 ? 60 : "all"));
  return { coordinators: percentile(co, 99), deadlines: percentile(dl, 99) };
}

async function consoleRuns(provider: Provider, pgUrl: string | undefined, dir: string) {
  const t = await freshDb(provider, pgUrl, dir);
  const app = await openApp({ databaseUrl: t.url, dataFile: "data/cica.yaml", clock: () => SEED_NOW, timeZone: TZ, forum: CICA, digestTime: "08:30", log: silentLogger });
  try {
    const members = (await app.repos.refData()).states.filter((s) => s.kind === "member").map((s) => s.code);
    const runs: Run[] = [];
    for (const rate of RATES) {
      runs.push(toRun(provider, "console", rate, await consoleLoad(app, rate, members)));
      err(`${provider} console (in the bench process) ${rate}/s: p99 ${runs.at(-1)!.ack_p99_ms} ms, failed ${runs.at(-1)!.failed}/${runs.at(-1)!.n}`);
    }
    const lookup = await lookups(app);
    err(`${provider} lookups p99: /coordinators ${round(lookup.coordinators, 2)} ms, /deadlines ${round(lookup.deadlines, 2)} ms`);
    return { runs, lookup };
  } finally {
    await app.close();
    await t.drop();
  }
}

/** Cold start and idle RSS of the bot's own process, console and Slack mode, on copies of a seeded SQLite file. */
async function startUp(dir: string, driver: Driver) {
  const seeded = await seededDb("sqlite", undefined, dir);
  const env = { NOW: SEED_NOW.toISOString(), TIME_ZONE: TZ };
  const consoleCold: number[] = [];
  const slackCold: number[] = [];
  let consoleRss: number | null = null;
  let slackRss: number | null = null;
  for (let i = 0; i < STARTS; i++) {
    const r = await consoleStart({ ...env, DATABASE_URL: copySqlite(seeded, dir, `cold-${i}`) }, i === STARTS - 1 ? SETTLE_MS : 0);
    consoleCold.push(r.coldMs);
    consoleRss = r.rssMb;
  }
  for (let i = 0; i < STARTS; i++) {
    const bot = await slackProcess({ ...env, DATABASE_URL: copySqlite(seeded, dir, `cold-slack-${i}`), SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: driver.apiUrl, INBOX_FILE: join(dir, `cold-${i}.inbox`) });
    try {
      const r = await driver.load({ port: bot.port, rate: 1, seconds: 1, users: seeded.members.map((c) => `U${c}`), tag: `cold${i}`, waitReply: false, base: takeBase(1) });
      if (!r.samples[0]?.ok) throw new Error("the Slack-mode bot did not ack its first command");
      slackCold.push(now() - bot.spawnedAt);
      if (i === STARTS - 1) {
        await idle(SETTLE_MS);
        slackRss = rssMb(bot.child.pid!);
      }
    } finally {
      await bot.stop();
    }
  }
  err(`bot process (${BOT.label}): cold start to the first console answer ${consoleCold.map((c) => round(c, 0)).join(", ")} ms, to the first Slack ack ${slackCold.map((c) => round(c, 0)).join(", ")} ms; idle RSS console ${round(consoleRss ?? NaN, 0)} MB, Slack mode ${round(slackRss ?? NaN, 0)} MB`);
  return { cold_start_console_ms: round(median(consoleCold), 0), cold_start_slack_ms: round(median(slackCold), 0), rss_idle_console_mb: round(consoleRss ?? NaN, 0), rss_idle_slack_mb: round(slackRss ?? NaN, 0) };
}

/** Two Slack-mode bot processes on one PostgreSQL database, 200 commands/s round-robin. */
async function pgTwo(dir: string, driver: Driver, pgUrl: string) {
  const t = await seededDb("postgresql", pgUrl, dir);
  try {
    const env = { DATABASE_URL: t.url, NOW: SEED_NOW.toISOString(), TIME_ZONE: TZ, SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: driver.apiUrl };
    const bots = await Promise.all([0, 1].map((k) => slackProcess({ ...env, INBOX_FILE: join(dir, `pg2-${k}.inbox`) })));
    try {
      const users = t.members.map((c) => `U${c}`);
      const ports = bots.map((b) => b.port);
      // Warm-up, not measured: the figure is for sustained load, so the two fresh processes get what the
      // one-process figure had before its 200/s step (lower-rate steps): 3 s at 100/s. Their cold start is
      // its own figure (startUp). With 1 s at 50/s, the first 200/s seconds were JIT and pool warm-up.
      const warm = QUICK ? { rate: 50, seconds: 1 } : { rate: 100, seconds: 3 };
      await driver.load({ port: ports[0]!, ports, ...warm, users, tag: "pg2-warm", waitReply: true, base: takeBase(warm.rate * warm.seconds) });
      const seconds = QUICK ? 1 : Math.max(SECONDS, 5);
      const r = await driver.load({ port: ports[0]!, ports, rate: 200, seconds, users, tag: "pg2", waitReply: true, base: takeBase(200 * seconds) });
      const run = toRun("postgresql", "slack", 200, r);
      err(`postgresql, 2 bot processes at 200/s: ack p50/p95/p99 ${run.ack_p50_ms}/${run.ack_p95_ms}/${run.ack_p99_ms} ms, reply p99 ${run.reply_p99_ms} ms, ${run.throughput_per_s}/s answered, failed ${run.failed}/${run.n}`);
      return run;
    } finally {
      await Promise.all(bots.map((b) => b.stop()));
    }
  } finally {
    await t.drop();
  }
}

function table(rows: Run[]) {
  err("db          adapter  rate/s   ack p50/p95/p99 ms        reply p50/p95/p99 ms      thru/s  failed");
  for (const r of rows)
    err(`${r.db.padEnd(11)} ${r.adapter.padEnd(8)} ${String(r.rate_per_s).padStart(6)}   ${`${r.ack_p50_ms}/${r.ack_p95_ms}/${r.ack_p99_ms}`.padEnd(25)} ${`${r.reply_p50_ms}/${r.reply_p95_ms}/${r.reply_p99_ms}`.padEnd(25)} ${String(r.throughput_per_s).padStart(6)}  ${r.failed}/${r.n}`);
}

const perProvider = <T>(providers: Provider[], f: (p: Provider) => T | null | undefined) => Object.fromEntries(providers.map((p) => [p, f(p) ?? null]));

async function main() {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
  const loadStart = loadavg()[0]!;
  const cpuRef = cpuReferenceMs(QUICK ? 1 : 3);
  const dir = mkdtempSync(join(tmpdir(), "dd-bench-"));
  const pgUrl = await pgServer();
  const providers: Provider[] = pgUrl ? ["sqlite", "postgresql"] : ["sqlite"];
  err(`machine: ${machine}; CPU reference workload ${cpuRef ?? "?"} ms (bench/calibrate.ts; lower is faster); load average ${round(loadStart, 2)}; ${QUICK ? "QUICK mode (small sizes); " : ""}rates ${RATES.join(", ")}/s; databases: ${providers.join(", ")}; bot process: ${BOT.label}`);
  if (staleBuild()) err("WARNING: src/ has changed since the last `npm run build`: the bot process runs the older build.");
  const driver = await startDriver(SECRET);
  const runs: Run[] = [];
  const lookup: Partial<Record<Provider, { coordinators: number; deadlines: number }>> = {};
  const slack: Partial<Record<Provider, SlackFigures>> = {};
  const digest: Partial<Record<Provider, { x1: DigestFigures; x4: DigestFigures }>> = {};
  const kill: Partial<Record<Provider, KillFigures>> = {};
  let procs: Awaited<ReturnType<typeof startUp>> | undefined;
  let pg2: Run | undefined;
  try {
    for (const provider of providers) {
      const c = await consoleRuns(provider, pgUrl, dir);
      runs.push(...c.runs);
      lookup[provider] = c.lookup;
      slack[provider] = await slackFigures({ provider, pgUrl, dir, driver, secret: SECRET, rates: RATES, stepSeconds, rounds: ROUNDS, roundSeconds: ROUND_SECONDS });
      runs.push(...slack[provider]!.runs);
      const s = ratioSummary(slack[provider]!);
      err(`${provider} ack p99 ÷ floor p99 per round: ${slack[provider]!.ratios.map((r) => round(r, 2)).join(", ")} (median ${s.median}, worst ${s.worst}); pooled ack p99 ${slack[provider]!.ackP99} ms, reply p99 ${slack[provider]!.replyP99} ms`);
    }
    for (const provider of providers) {
      const x1 = await digestYear(provider, pgUrl, dir, DIGEST_SCALE, DIGEST_RUNS);
      const x4 = await digestYear(provider, pgUrl, dir, DIGEST_SCALE * 4, DIGEST_RUNS);
      digest[provider] = { x1, x4 };
      err(`${provider} digest, year ×${DIGEST_SCALE} (${x1.rows} rows, generated in ${round(x1.generateMs, 0)} ms): one day ${round(x1.dayMs)} ms, 7-day catch-up ${round(x1.weekMs)} ms, whole year ${round(x1.yearMs)} ms (${x1.sections} sections); ×${DIGEST_SCALE * 4} (${x4.rows} rows): whole year ${round(x4.yearMs)} ms → ×${round(x4.yearMs / x1.yearMs, 2)}`);
    }
    procs = await startUp(dir, driver);
    if (pgUrl) pg2 = await pgTwo(dir, driver, pgUrl);
    for (const provider of providers)
      kill[provider] = await killBurst({ provider, pgUrl, dir, driver, secret: SECRET, n: KILL_N, rate: KILL_RATE, replyTimeoutMs: QUICK ? 60_000 : 180_000, quietMs: QUICK ? 5_000 : 15_000 });
  } finally {
    await driver.close();
    await dropTemplates();
    rmSync(dir, { recursive: true, force: true });
  }
  table(runs);
  const d1 = digest.sqlite?.x1;
  const d4 = digest.sqlite?.x4;
  const writes = slack.sqlite?.writes;
  const killList = Object.values(kill);
  const out = {
    runs: runs.map(({ db, adapter, rate_per_s, ack_p50_ms, ack_p95_ms, ack_p99_ms, reply_p99_ms, throughput_per_s }) => ({ db, adapter, rate_per_s, ack_p50_ms, ack_p95_ms, ack_p99_ms, reply_p99_ms, throughput_per_s })),
    floor_ack_p99_ms: round(percentile(slack.sqlite?.floors ?? [], 50)),
    floor_ack_p99_rounds_ms: perProvider(providers, (p) => slack[p]?.floors.map((f) => round(f))),
    ours_ack_p99_rounds_ms: perProvider(providers, (p) => slack[p]?.ours),
    ack_ratio_median: perProvider(providers, (p) => (slack[p] ? ratioSummary(slack[p]!).median : null)),
    ack_ratio_worst: perProvider(providers, (p) => (slack[p] ? ratioSummary(slack[p]!).worst : null)),
    ack_p99_50_ms: perProvider(providers, (p) => slack[p]?.ackP99),
    reply_p99_50_ms: perProvider(providers, (p) => slack[p]?.replyP99),
    object_new_share: writes && writes.object.sent ? round(writes.object.new / writes.object.sent, 3) : null,
    writes: perProvider(providers, (p) => slack[p]?.writes),
    digest_year_ms: d1 ? round(d1.yearMs) : null,
    digest_day_ms: d1 ? round(d1.dayMs) : null,
    digest_4x_ms: d4 ? round(d4.yearMs) : null,
    digest_4x_ratio: d1 && d4 ? round(d4.yearMs / d1.yearMs, 2) : null,
    digest_year_pg_ms: digest.postgresql ? round(digest.postgresql.x1.yearMs) : null,
    digest_4x_pg_ms: digest.postgresql ? round(digest.postgresql.x4.yearMs) : null,
    digest_scale: DIGEST_SCALE,
    lookup_p99_ms: lookup.sqlite ? round(Math.max(lookup.sqlite.coordinators, lookup.sqlite.deadlines), 2) : null,
    rss_idle_mb: procs ? Math.max(procs.rss_idle_console_mb ?? 0, procs.rss_idle_slack_mb ?? 0) || null : null,
    rss_idle_console_mb: procs?.rss_idle_console_mb ?? null,
    rss_idle_slack_mb: procs?.rss_idle_slack_mb ?? null,
    cold_start_ms: procs?.cold_start_console_ms ?? null,
    cold_start_console_ms: procs?.cold_start_console_ms ?? null,
    cold_start_slack_ms: procs?.cold_start_slack_ms ?? null,
    pg2_200_ack_p99_ms: pg2?.ack_p99_ms ?? null,
    pg2_200_reply_p99_ms: pg2?.reply_p99_ms ?? null,
    pg2_200_throughput_per_s: pg2?.throughput_per_s ?? null,
    kill9: perProvider(providers, (p) => kill[p]),
    // An acked command never answered, or an acked write not in the database, is lost.
    kill9_lost: killList.length ? killList.reduce((n, k) => n + k.lost + k.writes_missing, 0) : null,
    rss_peak_bench_mb: round(process.resourceUsage().maxRSS / 1024, 0),
    bot_process: BOT.label,
    quick: QUICK,
    machine,
    cpu_ref_ms: cpuRef,
    load_average: [round(loadStart, 2), round(loadavg()[0]!, 2)],
  };
  const verdicts = targets({ ...out, ack_ratio_median: out.ack_ratio_median, reply_p99_50_ms: out.reply_p99_50_ms }, providers);
  printTargets(verdicts, err);
  err(`load average ${out.load_average.join(" → ")} on ${cpus().length} cores${out.load_average.some((l) => (l ?? 0) > cpus().length) ? ": the machine was loaded, so timings are inflated" : ""}`);
  process.stdout.write(`${JSON.stringify({ ...out, targets: Object.fromEntries(verdicts.map((v) => [v.name, v.verdict])) })}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    err(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
