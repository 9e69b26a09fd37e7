import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { withRetry } from "../core/retry.js";
import { addDays, fixedClock, zonedTime } from "../domain/dates.js";
import { translator } from "../i18n/index.js";
import { buildDigest, digestReply } from "../services/digest.js";
import { silentLogger } from "../log.js";
import { destinationKey } from "./destinations.js";
import { claim, markFailed, markSent } from "./ledger.js";
import { MESSAGE_LIMITS, splitReply } from "./split.js";
export const workerId = () => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
/** A digest is never allowed to reach further back than this, however long the bot was down. */
export const MAX_CATCH_UP_DAYS = 7;
/** A context for building texts as the Chair would see them, in the destination's language. */
export function digestCtx(rt, lang, clock) {
    return {
        repos: rt.repos,
        clock,
        actor: { platform: "console", userId: "digest", role: "chair", lang, via: "console" },
        t: translator(lang),
        lang,
        settings: { timeZone: rt.timeZone },
    };
}
/** The digest for `day` in `lang`, covering [since, that morning's send time). */
export async function digestFor(rt, day, lang, since) {
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
async function windowStart(rt, dest, day) {
    const last = await rt.repos.digests.lastSent(destinationKey(dest), day);
    const floor = addDays(day, -MAX_CATCH_UP_DAYS);
    const from = last && last.day > floor ? last.day : last ? floor : addDays(day, -1);
    return zonedTime(from, rt.digestTime, rt.digestTz);
}
const errorText = (e) => (e instanceof Error ? e.message : String(e));
/** Posts a reply as one or more messages that fit the platform, each with retries. */
async function post(rt, p, dest, r, what) {
    const parts = splitReply(r, MESSAGE_LIMITS[dest.platform], (title) => translator(dest.lang)("dg_continued", { title }));
    let sent = 0;
    try {
        for (const part of parts) {
            await withRetry(() => p.post(dest.channelId, part), {
                ...rt.retry,
                onRetry: (attempt, waitMs, error) => (rt.log ?? silentLogger).warn(`${what} retry`, { destination: destinationKey(dest), attempt, waitMs, error: errorText(error) }),
            });
            sent++;
        }
    }
    catch (e) {
        throw new Error(parts.length > 1 ? `after ${sent} of ${parts.length} messages: ${errorText(e)}` : errorText(e));
    }
    return sent;
}
const platformOf = (rt, p) => rt.platforms.find((x) => x.platform === p);
/**
 * Sends a ledger-guarded message to one destination: claimed first, sent, then marked. Returns what
 * happened; a final failure is logged and stays in the ledger for `/digest status`.
 */
export async function deliverOnce(rt, key, dest, make, what, o = {}) {
    const log = rt.log ?? silentLogger;
    const destination = destinationKey(dest);
    const p = platformOf(rt, dest.platform);
    // Not claimed: another process that runs this platform may still deliver it.
    if (!p) {
        log.warn(`${what} skipped`, { key, destination, reason: `${dest.platform} is not running in this process` });
        return { destination, outcome: "skipped", error: `${dest.platform} is not running in this process` };
    }
    const c = await claim(rt.repos, key, destination, rt.worker, rt.clock(), { leaseMs: rt.leaseMs, ...o });
    if (c.kind === "sent")
        return { destination, outcome: "already_sent" };
    if (c.kind === "busy")
        return { destination, outcome: "busy" };
    if (c.kind === "failed")
        return { destination, outcome: "failed", error: c.error ?? undefined };
    let messages;
    try {
        messages = await post(rt, p, dest, await make(), what);
    }
    catch (e) {
        const error = errorText(e);
        await markFailed(rt.repos, c.id, rt.worker, error).catch(() => false);
        log.error(`${what} failed`, { key, destination, error });
        return { destination, outcome: "failed", error };
    }
    // Delivered: recording it must not turn into "failed" (that would send it again), so it is retried.
    try {
        const mine = await withRetry(() => markSent(rt.repos, c.id, rt.worker, rt.clock()), { ...rt.retry, attempts: 5 });
        if (!mine)
            log.warn(`${what} sent after its claim was taken over`, { key, destination });
    }
    catch (error) {
        log.error(`${what} sent but not recorded; it may be sent again after the lease`, { key, destination, error });
    }
    log.info(`${what} sent`, { key, destination, messages, attempt: c.attempts });
    return { destination, outcome: "sent", messages };
}
/** Sends the digest for `day` to every destination, at most once each (the ledger decides). */
export async function deliverDay(rt, day, o = {}) {
    const out = [];
    for (const dest of await rt.destinations())
        out.push(await deliverOnce(rt, day, dest, async () => digestFor(rt, day, dest.lang, await windowStart(rt, dest, day)), "digest", o));
    return out;
}
//# sourceMappingURL=deliver.js.map