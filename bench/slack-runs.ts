/**
 * The Slack figures, against the bot's own process (bench/procs.ts) in Slack HTTP mode: a sweep of rates,
 * then rounds at 50/s interleaved with the bare-Bolt floor (its own process, driven the same way). Each
 * round runs both halves back to back, in alternating order (floor first, then ours first), so drift in
 * the machine's load falls on both sides; the ratio is per round (our ack p99 ÷ that round's floor p99).
 */
import { join } from "node:path";
import type { Provider } from "../src/db/client.ts";
import type { Driver } from "./driver-client.ts";
import { DRAIN_MS, type LoadResult, type Sample } from "./load.ts";
import { takeBase } from "./commands.ts";
import { floorProcess, slackProcess } from "./procs.ts";
import { median, percentile, round } from "./stats.ts";
import { copySqlite, err, seededDb, SEED_NOW, TZ } from "./dbs.ts";

export type Run = { db: Provider; adapter: "console" | "slack"; rate_per_s: number; ack_p50_ms: number | null; ack_p95_ms: number | null; ack_p99_ms: number | null; reply_p50_ms: number | null; reply_p95_ms: number | null; reply_p99_ms: number | null; throughput_per_s: number | null; failed: number; n: number };

/**
 * Percentiles over every command sent: one that failed or was not answered within the drain counts as
 * DRAIN_MS (so a p99 that reaches it is a lower bound), never left out, which would flatter the tail.
 */
export function toRun(db: Provider, adapter: Run["adapter"], rate: number, r: LoadResult): Run {
  const ok = r.samples.filter((s) => s.ok);
  const missing: number[] = Array(Math.max(0, r.sent - ok.length)).fill(DRAIN_MS);
  const acks = [...ok.map((s) => s.ack), ...missing];
  const replies = [...ok.map((s) => s.reply), ...missing];
  return {
    db, adapter, rate_per_s: rate,
    ack_p50_ms: round(percentile(acks, 50)), ack_p95_ms: round(percentile(acks, 95)), ack_p99_ms: round(percentile(acks, 99)),
    reply_p50_ms: round(percentile(replies, 50)), reply_p95_ms: round(percentile(replies, 95)), reply_p99_ms: round(percentile(replies, 99)),
    throughput_per_s: round(ok.length / (r.wallMs / 1000)),
    failed: r.sent - ok.length, n: r.sent,
  };
}

export type WriteCounts = Record<"comment" | "object", { sent: number; new: number; repeat: number; other: number }>;

export function countWrites(samples: Sample[], into: WriteCounts) {
  for (const s of samples) {
    if (s.command !== "comment" && s.command !== "object") continue;
    const c = into[s.command];
    c.sent++;
    c[s.outcome ?? "other"]++;
  }
}

export type SlackFigures = { runs: Run[]; ratios: number[]; floors: number[]; ours: number[]; ackP99: number | null; replyP99: number | null; writes: WriteCounts };

export const ratioSummary = (f: SlackFigures) => ({ median: round(median(f.ratios), 2), worst: round(Math.max(...f.ratios), 2) });

export async function slackFigures(o: { provider: Provider; pgUrl?: string; dir: string; driver: Driver; secret: string; rates: number[]; stepSeconds: (rate: number) => number; rounds: number; roundSeconds: number }): Promise<SlackFigures> {
  const seeded = await seededDb(o.provider, o.pgUrl, o.dir);
  const url = o.provider === "sqlite" ? copySqlite(seeded, o.dir, `slack-${o.provider}`) : seeded.url;
  const env = { DATABASE_URL: url, NOW: SEED_NOW.toISOString(), TIME_ZONE: TZ, SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: o.secret, SLACK_API_URL: o.driver.apiUrl, INBOX_FILE: join(o.dir, `slack-${o.provider}.inbox`) };
  const users = seeded.members.map((c) => `U${c}`);
  const [bot, floor] = await Promise.all([slackProcess(env), floorProcess({ SLACK_SIGNING_SECRET: o.secret, SLACK_API_URL: o.driver.apiUrl })]);
  const writes: WriteCounts = { comment: { sent: 0, new: 0, repeat: 0, other: 0 }, object: { sent: 0, new: 0, repeat: 0, other: 0 } };
  const ours = (rate: number, seconds: number, tag: string) => o.driver.load({ port: bot.port, rate, seconds, users, tag, waitReply: true, base: takeBase(Math.round(rate * seconds)) });
  const bare = (rate: number, seconds: number, tag: string) => o.driver.load({ port: floor.port, rate, seconds, users: ["UFLOOR"], tag, waitReply: false });
  try {
    // Warm-up (JIT, connection pools, caches), not measured.
    await bare(20, 1, `${o.provider}-warm-floor`);
    await ours(20, 1, `${o.provider}-warm`);
    const runs: Run[] = [];
    for (const rate of o.rates) {
      const r = await ours(rate, o.stepSeconds(rate), `${o.provider}-sweep`);
      countWrites(r.samples, writes);
      runs.push(toRun(o.provider, "slack", rate, r));
      err(`${o.provider} slack (bot process) ${rate}/s: ack p99 ${runs.at(-1)!.ack_p99_ms} ms, reply p99 ${runs.at(-1)!.reply_p99_ms} ms, failed ${runs.at(-1)!.failed}/${runs.at(-1)!.n}`);
    }
    const ratios: number[] = [];
    const floors: number[] = [];
    const oursP99: number[] = [];
    const pooled: Sample[] = [];
    for (let k = 0; k < o.rounds; k++) {
      const floorHalf = () => bare(50, o.roundSeconds, `${o.provider}-floor${k}`);
      const oursHalf = () => ours(50, o.roundSeconds, `${o.provider}-round${k}`);
      let fr: LoadResult;
      let or: LoadResult;
      if (k % 2 === 0) { fr = await floorHalf(); or = await oursHalf(); } else { or = await oursHalf(); fr = await floorHalf(); }
      const f = toRun(o.provider, "slack", 50, fr).ack_p99_ms!;
      const run = toRun(o.provider, "slack", 50, or);
      countWrites(or.samples, writes);
      const answered = or.samples.filter((s) => s.ok);
      pooled.push(...answered, ...Array.from({ length: or.sent - answered.length }, (): Sample => ({ ack: DRAIN_MS, reply: DRAIN_MS, ok: false })));
      ratios.push(run.ack_p99_ms! / f);
      floors.push(f);
      oursP99.push(run.ack_p99_ms!);
      err(`${o.provider} round ${k + 1}/${o.rounds} at 50/s (${k % 2 ? "ours first" : "floor first"}): floor ack p99 ${round(f)} ms, ours ${run.ack_p99_ms} ms → ×${round(run.ack_p99_ms! / f, 2)}; reply p99 ${run.reply_p99_ms} ms; failed ${run.failed}/${run.n}`);
    }
    const w = writes;
    err(`${o.provider} writes: /object ${w.object.sent} sent, ${w.object.new} new records, ${w.object.repeat} repeats, ${w.object.other} other; /comment ${w.comment.sent} sent, ${w.comment.new} new, ${w.comment.repeat} repeats, ${w.comment.other} other`);
    return { runs, ratios, floors, ours: oursP99, ackP99: round(percentile(pooled.map((s) => s.ack), 99)), replyP99: round(percentile(pooled.map((s) => s.reply), 99)), writes };
  } finally {
    await Promise.all([bot.stop(), floor.stop()]);
    await seeded.drop();
  }
}
