import { addDays, calendarDate, zonedTime, type Clock } from "../domain/dates.ts";
import type { Logger } from "../log.ts";
import { silentLogger } from "../log.ts";

/** Starts a one-shot timer and returns how to cancel it; injectable so tests drive time themselves. */
export type Timer = (fn: () => void, ms: number) => () => void;

export const realTimer: Timer = (fn, ms) => {
  const h = setTimeout(fn, ms);
  return () => clearTimeout(h);
};

/** The latest day whose send time has come: today after DIGEST_TIME, else yesterday. */
export function dueDay(now: Date, time: string, tz: string): string {
  const today = calendarDate(now, tz);
  return zonedTime(today, time, tz).getTime() <= now.getTime() ? today : addDays(today, -1);
}

/** The next send instant strictly after `now`, computed per calendar day so DST shifts are honoured. */
export function nextSendAt(now: Date, time: string, tz: string): Date {
  const today = calendarDate(now, tz);
  const t = zonedTime(today, time, tz);
  return t.getTime() > now.getTime() ? t : zonedTime(addDays(today, 1), time, tz);
}

export const HOUSEKEEPING_MS = 3_600_000;

export type SchedulerOptions = {
  clock: Clock;
  digestTime: string;
  digestTz: string;
  /** Sends the digest of a day; called for the due day on every wake-up, the ledger makes repeats no-ops. */
  sendDay: (day: string) => Promise<unknown>;
  /** Hourly work: concluding expired silence procedures and the alerts that go with it. */
  housekeeping?: () => Promise<unknown>;
  housekeepingMs?: number;
  timer?: Timer;
  log?: Logger;
};

/**
 * Wakes at each DIGEST_TIME in DIGEST_TZ and at least hourly. The first wake-up is immediate, which is
 * the catch-up after downtime: only the latest due day is sent, so a long outage gives one digest.
 * Each wake-up re-reads the clock instead of trusting the timer, so sleep, clock jumps and DST are safe.
 */
export function startScheduler(o: SchedulerOptions) {
  const log = o.log ?? silentLogger;
  const every = o.housekeepingMs ?? HOUSEKEEPING_MS;
  const timer = o.timer ?? realTimer;
  let lastHousekeeping = Number.NEGATIVE_INFINITY;
  let cancel: (() => void) | undefined;
  let stopped = false;
  let chain: Promise<void> = Promise.resolve();
  let nextAt: Date | undefined;

  async function work(): Promise<void> {
    const now = o.clock();
    if (o.housekeeping && now.getTime() - lastHousekeeping >= every) {
      lastHousekeeping = now.getTime();
      await o.housekeeping().catch((error) => log.error("housekeeping failed", { error }));
    }
    const day = dueDay(now, o.digestTime, o.digestTz);
    await o.sendDay(day).catch((error) => log.error("digest run failed", { day, error }));
  }

  function arm(): void {
    if (stopped) return;
    const now = o.clock().getTime();
    const send = nextSendAt(new Date(now), o.digestTime, o.digestTz).getTime();
    const wake = Math.min(send, o.housekeeping ? lastHousekeeping + every : send);
    nextAt = new Date(Math.max(wake, now + 1000));
    cancel = timer(() => void tick(), nextAt.getTime() - now);
  }

  function tick(): Promise<void> {
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

export type Scheduler = ReturnType<typeof startScheduler>;
