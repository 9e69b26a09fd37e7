import { allDestinations, recordEnvConfig } from "./destinations.js";
import { deliverDay, workerId } from "./deliver.js";
import { concludeSilence, createAlerter } from "./alerts.js";
import { startScheduler } from "./scheduler.js";
import { sendReminders } from "./reminders.js";
/** Hourly retries of a failed digest stop after this many attempts; the operator can still --send. */
export const MAX_SCHEDULED_ATTEMPTS = 3;
export async function startDigestService(o) {
    await recordEnvConfig(o.repos, o.clock(), o.envDestinations, `${o.digestTime} ${o.digestTz}`);
    const rt = {
        repos: o.repos, clock: o.clock, timeZone: o.timeZone, digestTime: o.digestTime, digestTz: o.digestTz,
        platforms: o.platforms, destinations: () => allDestinations(o.repos, o.envDestinations), worker: workerId(), log: o.log,
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
        onEvent: (e) => alerter.onEvent(e),
        stop: async () => {
            await scheduler.stop();
            await alerter.idle();
        },
    };
}
export { parseDestinationList } from "./destinations.js";
//# sourceMappingURL=index.js.map