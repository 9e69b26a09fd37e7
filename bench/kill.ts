/**
 * kill -9 during a Slack burst: `n` commands posted at `rate` to the bot's own process; after 40 % have
 * been acknowledged the process gets SIGKILL and is started again on the same port, database and inbox
 * file, while the burst goes on (posts meanwhile fail, as Slack's would: nothing was promised for them).
 * Then every acknowledged command must be answered at its response_url (by the first process, or by the
 * second from the inbox), and every acknowledged write must be in the database exactly once.
 */
import { join } from "node:path";
import type { Provider } from "../src/db/client.ts";
import { openDatabase } from "../src/db/client.ts";
import type { Driver } from "./driver-client.ts";
import { takeBase } from "./commands.ts";
import { freePort, slackProcess, type BotProcess } from "./procs.ts";
import { now, round } from "./stats.ts";
import { copySqlite, err, seededDb, SEED_NOW, TZ } from "./dbs.ts";

export type KillFigures = { sent: number; acked: number; acked_before_kill: number; completed: number; lost: number; lost_by_command: Record<string, number>; answered_unacked: number; writes_acked: number; writes_stored: number; writes_missing: number; writes_duplicated: number; restart_ms: number | null; inbox_recovered_logged: boolean };

export async function killBurst(o: { provider: Provider; pgUrl?: string; dir: string; driver: Driver; secret: string; n: number; rate: number; replyTimeoutMs: number; quietMs: number }): Promise<KillFigures> {
  const seeded = await seededDb(o.provider, o.pgUrl, o.dir);
  const url = o.provider === "sqlite" ? copySqlite(seeded, o.dir, `kill-${o.provider}`) : seeded.url;
  const port = await freePort();
  const env = { DATABASE_URL: url, NOW: SEED_NOW.toISOString(), TIME_ZONE: TZ, SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: o.secret, SLACK_API_URL: o.driver.apiUrl, INBOX_FILE: join(o.dir, `kill-${o.provider}.inbox`), PORT: String(port) };
  const first = await slackProcess(env);
  let second: Promise<BotProcess> | undefined;
  let restartMs: number | null = null;
  let recovered = false;
  const base = takeBase(o.n);
  try {
    const r = await o.driver.burst({ port, n: o.n, rate: o.rate, killAfter: Math.ceil(o.n * 0.4), users: seeded.members.map((c) => `U${c}`), tag: `kill-${o.provider}`, base, replyTimeoutMs: o.replyTimeoutMs, quietMs: o.quietMs }, () => {
      second = first.kill9().then(async () => {
        const t0 = now();
        const b = await slackProcess(env);
        restartMs = now() - t0;
        // The bench waits for answers only once the restarted bot says it has worked through its inbox
        // (src/core/recover.ts logs "inbox recovered"), or after a minute if it never does.
        recovered = await b.logged("inbox recovered", 60_000);
        return b;
      });
      return second;
    });
    const bot = await second;
    await bot?.stop();
    // What the database holds for each acknowledged write (its text carries the command's index).
    const db = await openDatabase(url);
    const seen = new Map<number, number>();
    try {
      const texts = [
        ...(await db.prisma.comment.findMany({ where: { platform: "slack" }, select: { text: true } })).map((c) => c.text),
        ...(await db.prisma.position.findMany({ where: { platform: "slack" }, select: { reason: true } })).map((p) => p.reason ?? ""),
      ];
      for (const t of texts) {
        const m = /(?:Bench remark|General remark|Needs more work) (\d+)/.exec(t);
        if (m) seen.set(Number(m[1]), (seen.get(Number(m[1])) ?? 0) + 1);
      }
    } finally {
      await db.close();
    }
    const stored = r.ackedWrites.filter((w) => (seen.get(w.i) ?? 0) >= 1).length;
    const out: KillFigures = {
      sent: r.sent, acked: r.acked, acked_before_kill: r.ackedBeforeKill, completed: r.completed, lost: r.acked - r.completed, lost_by_command: r.lostByCommand, answered_unacked: r.answeredUnacked,
      writes_acked: r.ackedWrites.length, writes_stored: stored, writes_missing: r.ackedWrites.length - stored, writes_duplicated: r.ackedWrites.filter((w) => (seen.get(w.i) ?? 0) > 1).length,
      restart_ms: round(restartMs ?? Number.NaN, 0), inbox_recovered_logged: recovered,
    };
    err(`${o.provider} kill -9 burst: ${out.sent} sent at ${o.rate}/s, killed after ${out.acked_before_kill} acks, restarted in ${out.restart_ms} ms; acked ${out.acked}, completed ${out.completed}, lost ${out.lost}${out.lost ? ` (${Object.entries(out.lost_by_command).map(([c, n]) => `/${c} ${n}`).join(", ")})` : ""} (answered though not acked: ${out.answered_unacked}); acked writes ${out.writes_acked}: stored ${out.writes_stored}, missing ${out.writes_missing}, stored twice ${out.writes_duplicated}`);
    return out;
  } finally {
    await first.kill9();
    await (await second?.catch(() => undefined))?.stop();
    await seeded.drop();
  }
}
