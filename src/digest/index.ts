/**
 * The Chair's digest service for the composition root: immediate alerts (hooked into the desk's
 * onEvent) and the daily schedule with its hourly housekeeping (silence procedures that expired).
 */
import type { Logger } from "../log.ts";
import type { DomainEvent } from "../services/positions.ts";
import { allDestinations, recordEnvConfig, type Destination } from "./destinations.ts";
import { deliverDay, workerId, type DigestRuntime } from "./deliver.ts";
import { concludeSilence, createAlerter } from "./alerts.ts";
import { startScheduler, type Timer } from "./scheduler.ts";
import { sendReminders } from "./reminders.ts";

/** Hourly retries of a failed digest stop after this many attempts; the operator can still --send. */
export const MAX_SCHEDULED_ATTEMPTS = 3;

export type DigestServiceOptions = Pick<DigestRuntime, "repos" | "clock" | "timeZone" | "forum" | "digestTime" | "digestTz" | "platforms"> & {
  /** DIGEST_DESTINATIONS, parsed; `/digest to` adds more at run time. */
  envDestinations: Destination[];
  /** REMINDER_DAYS: days before a due date to remind delegations that have not responded (default 7 and 1). */
  reminderDays?: number[];
  log: Logger;
  timer?: Timer;
};

export async function startDigestService(o: DigestServiceOptions) {
  await recordEnvConfig(o.repos, o.clock(), o.envDestinations, `${o.digestTime} ${o.digestTz}`);
  const rt: DigestRuntime = {
    repos: o.repos, clock: o.clock, timeZone: o.timeZone, forum: o.forum, digestTime: o.digestTime, digestTz: o.digestTz,
    platforms: o.platforms, destinations: () => allDestinations(o.repos, o.envDestinations, o.log), worker: workerId(), log: o.log,
  };
  const alerter = createAlerter(rt);
  const scheduler = startScheduler({
    clock: o.clock, digestTime: o.digestTime, digestTz: o.digestTz, timer: o.timer, log: o.log,
    sendDay: (day) => deliverDay(rt, day, { retryFailed: true, maxAttempts: MAX_SCHEDULED_ATTEMPTS }),
    housekeeping: () => concludeSilence(rt).finally(() => sendReminders(rt, o.reminderDays)),
  });
  return {
    rt,
    scheduler,
    onEvent: (e: DomainEvent) => alerter.onEvent(e),
    stop: async () => {
      await scheduler.stop();
      await alerter.idle();
    },
  };
}

export type DigestService = Awaited<ReturnType<typeof startDigestService>>;
export { parseDestinationList } from "./destinations.ts";
