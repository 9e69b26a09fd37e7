import { addDays, calendarDate, zonedTime } from "../domain/dates.js";
import { silentLogger } from "../log.js";
export const realTimer = (fn, ms) => {
    const h = setTimeout(fn, ms);
    return () => clearTimeout(h);
};
/** The latest day whose send time has come: today after DIGEST_TIME, else yesterday. */
export function dueDay(now, time, tz) {
    const today = calendarDate(now, tz);
    return zonedTime(today, time, tz).getTime() <= now.getTime() ? today : addDays(today, -1);
}
/** The next send instant strictly after `now`, computed per calendar day so DST shifts are honoured. */
export function nextSendAt(now, time, tz) {
    const today = calendarDate(now, tz);
    const t = zonedTime(today, time, tz);
    return t.getTime() > now.getTime() ? t : zonedTime(addDays(today, 1), time, tz);
}
export const HOUSEKEEPING_MS = 3_600_000;
/**
 * Wakes at each DIGEST_TIME in DIGEST_TZ and at least hourly. The first wake-up is immediate, which is
 * the catch-up after downtime: only the latest due day is sent, so a long outage gives one digest.
 * Each wake-up re-reads the clock instead of trusting the timer, so sleep, clock jumps and DST are safe.
 */
export function startScheduler(o) {
    const log = o.log ?? silentLogger;
    const every = o.housekeepingMs ?? HOUSEKEEPING_MS;
    const timer = o.timer ?? realTimer;
    let lastHousekeeping = Number.NEGATIVE_INFINITY;
    let cancel;
    let stopped = false;
    let chain = Promise.resolve();
    let nextAt;
    async function work() {
        const now = o.clock();
        if (o.housekeeping && now.getTime() - lastHousekeeping >= every) {
            lastHousekeeping = now.getTime();
            await o.housekeeping().catch((error) => log.error("housekeeping failed", { error }));
        }
        const day = dueDay(now, o.digestTime, o.digestTz);
        await o.sendDay(day).catch((error) => log.error("digest run failed", { day, error }));
    }
    function arm() {
        if (stopped)
            return;
        const now = o.clock().getTime();
        const send = nextSendAt(new Date(now), o.digestTime, o.digestTz).getTime();
        const wake = Math.min(send, o.housekeeping ? lastHousekeeping + every : send);
        nextAt = new Date(Math.max(wake, now + 1000));
        cancel = timer(() => void tick(), nextAt.getTime() - now);
    }
    function tick() {
        cancel?.();
        chain = chain.then(work).then(arm);
        return chain;
    }
    tick();
    return {
        /** Runs a wake-up now (also what the timer calls). */
        tick,
        /** Resolves when the wake-up under way has finished. */
        idle: () => chain,
        /** When the scheduler will next wake up. */
        nextAt: () => nextAt,
        stop: async () => {
            stopped = true;
            cancel?.();
            await chain;
        },
    };
}
//# sourceMappingURL=scheduler.js.map