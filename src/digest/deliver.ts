import type { Forum } from "../domain/forum.ts";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { Repos } from "../db/repos.ts";
import type { ChatPlatform } from "../core/platform.ts";
import { withRetry, type RetryOptions } from "../core/retry.ts";
import { addDays, fixedClock, zonedTime, type Clock } from "../domain/dates.ts";
import type { Lang, Platform } from "../domain/types.ts";
import { translator } from "../i18n/index.ts";
import type { Ctx } from "../services/context.ts";
import type { Reply } from "../services/reply.ts";
import { buildDigest, digestReply } from "../services/digest.ts";
import type { Logger } from "../log.ts";
import { silentLogger } from "../log.ts";
import { destinationKey, type Destination } from "./destinations.ts";
import { claim, markFailed, markSent, type ClaimOptions } from "./ledger.ts";
import { UNLIMITED, splitReply } from "./split.ts";

/** Everything digest delivery and alerts need at run time; main.ts builds one, tests build their own. */
export type DigestRuntime = {
  repos: Repos;
  clock: Clock;
  /** The Secretariat's calendar (TIME_ZONE): dates shown in the digest. */
  timeZone: string;
  /** The forum the digest reports on (its rules and wording). */
  forum: Forum;
  /** DIGEST_TIME and DIGEST_TZ: when the digest goes out, hence the window it covers. */
  digestTime: string;
  digestTz: string;
  platforms: ChatPlatform[];
  destinations: () => Promise<Destination[]>;
  /** Names this process in the ledger (claimedBy). */
  worker: string;
  log?: Logger;
  retry?: RetryOptions;
  leaseMs?: number;
};

export const workerId = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** A digest is never allowed to reach further back than this, however long the bot was down. */
export const MAX_CATCH_UP_DAYS = 7;

export type Outcome = "sent" | "already_sent" | "busy" | "failed" | "skipped";
export type DeliveryResult = { destination: string; outcome: Outcome; messages?: number; error?: string };

/** A context for building texts as the Chair would see them, in the destination's language. */
export function digestCtx(rt: Pick<DigestRuntime, "repos" | "timeZone" | "forum">, lang: Lang, clock: Clock): Ctx {
  return {
    repos: rt.repos,
    clock,
    actor: { platform: "console", userId: "digest", role: "chair", lang, via: "console" },
    t: translator(lang, rt.forum),
    lang,
    settings: { timeZone: rt.timeZone, forum: rt.forum },
  };
}

/** The digest for `day` in `lang`, covering [since, that morning's send time). */
export async function digestFor(rt: Pick<DigestRuntime, "repos" | "timeZone" | "forum" | "digestTime" | "digestTz">, day: string, lang: Lang, since?: Date): Promise<Reply> {
  const until = zonedTime(day, rt.digestTime, rt.digestTz);
  const from = since ?? zonedTime(addDays(day, -1), rt.digestTime, rt.digestTz);
  // Days left are counted from the digest's own morning, also when an old day is printed or caught up.
  const ctx = digestCtx(rt, lang, fixedClock(until));
  const dg = await buildDigest(ctx, from, until);
  dg.day = day;
  return { ...digestReply(ctx, dg), ephemeral: false };
}

/**
 * Where the window starts for a destination: the last digest it received, so a catch-up after downtime
 * reports everything since then in one digest (bounded by MAX_CATCH_UP_DAYS).
 */
async function windowStart(rt: DigestRuntime, dest: Destination, day: string): Promise<Date> {
  const last = await rt.repos.digests.lastSent(destinationKey(dest), day);
  const floor = addDays(day, -MAX_CATCH_UP_DAYS);
  const from = last && last.day > floor ? last.day : last ? floor : addDays(day, -1);
  return zonedTime(from, rt.digestTime, rt.digestTz);
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Posts a reply as one or more messages that fit the platform, each with retries. */
async function post(rt: DigestRuntime, p: ChatPlatform, dest: Destination, r: Reply, what: string): Promise<number> {
  const parts = splitReply(r, p.limits ?? UNLIMITED, (title) => translator(dest.lang, rt.forum)("dg_continued", { title }));
  let sent = 0;
  try {
    for (const part of parts) {
      await withRetry(() => p.post(dest.channelId, part), {
        ...rt.retry,
        onRetry: (attempt, waitMs, error) => (rt.log ?? silentLogger).warn(`${what} retry`, { destination: destinationKey(dest), attempt, waitMs, error: errorText(error) }),
      });
      sent++;
    }
  } catch (e) {
    throw new Error(parts.length > 1 ? `after ${sent} of ${parts.length} messages: ${errorText(e)}` : errorText(e));
  }
  return sent;
}

const platformOf = (rt: DigestRuntime, p: Platform) => rt.platforms.find((x) => x.platform === p);

/**
 * Sends a ledger-guarded message to one destination: claimed first, sent, then marked. Returns what
 * happened; a final failure is logged and stays in the ledger for `/digest status`.
 */
export async function deliverOnce(
  rt: DigestRuntime, key: string, dest: Destination, make: () => Promise<Reply>, what: string, o: ClaimOptions = {},
): Promise<DeliveryResult> {
  const log = rt.log ?? silentLogger;
  const destination = destinationKey(dest);
  const p = platformOf(rt, dest.platform);
  // Not claimed: another process that runs this platform may still deliver it.
  if (!p) {
    log.warn(`${what} skipped`, { key, destination, reason: `${dest.platform} is not running in this process` });
    return { destination, outcome: "skipped", error: `${dest.platform} is not running in this process` };
  }
  const c = await claim(rt.repos, key, destination, rt.worker, rt.clock(), { leaseMs: rt.leaseMs, ...o });
  if (c.kind === "sent") return { destination, outcome: "already_sent" };
  if (c.kind === "busy") return { destination, outcome: "busy" };
  if (c.kind === "failed") return { destination, outcome: "failed", error: c.error ?? undefined };
  let messages: number;
  try {
    messages = await post(rt, p, dest, await make(), what);
  } catch (e) {
    const error = errorText(e);
    await markFailed(rt.repos, c.id, rt.worker, error).catch((e2: unknown) => { log.error(`${what} failure not recorded`, { key, destination, error: e2 }); return false; });
    log.error(`${what} failed`, { key, destination, error });
    return { destination, outcome: "failed", error };
  }
  // Delivered: recording it must not turn into "failed" (that would send it again), so it is retried.
  try {
    const mine = await withRetry(() => markSent(rt.repos, c.id, rt.worker, rt.clock()), { ...rt.retry, attempts: 5 });
    if (!mine) log.warn(`${what} sent after its claim was taken over`, { key, destination });
  } catch (error) {
    log.error(`${what} sent but not recorded; it may be sent again after the lease`, { key, destination, error });
  }
  log.info(`${what} sent`, { key, destination, messages, attempt: c.attempts });
  return { destination, outcome: "sent", messages };
}

/** Sends the digest for `day` to every destination, at most once each (the ledger decides). */
export async function deliverDay(rt: DigestRuntime, day: string, o: ClaimOptions = {}): Promise<DeliveryResult[]> {
  const out: DeliveryResult[] = [];
  for (const dest of await rt.destinations())
    out.push(await deliverOnce(rt, day, dest, async () => digestFor(rt, day, dest.lang, await windowStart(rt, dest, day)), "digest", o));
  return out;
}
