/** A platform failure, classified so callers know whether and when to try again. */
export class DeliveryError extends Error {
    retryAfterMs;
    permanent;
    constructor(message, 
    /** From the platform's Retry-After, when it gave one. */
    retryAfterMs, 
    /** True when trying again cannot help (not_in_channel, unknown channel, bad token). */
    permanent = false) {
        super(message);
        this.retryAfterMs = retryAfterMs;
        this.permanent = permanent;
        this.name = "DeliveryError";
    }
}
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Retries `fn` with exponential backoff, honouring Retry-After; permanent failures are thrown at once. */
export async function withRetry(fn, o = {}) {
    const attempts = o.attempts ?? 5;
    const base = o.baseMs ?? 500;
    const max = o.maxMs ?? 60_000;
    const wait = o.sleep ?? sleep;
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (e) {
            const permanent = e instanceof DeliveryError && e.permanent;
            if (permanent || attempt >= attempts)
                throw e;
            const backoff = Math.min(max, base * 2 ** (attempt - 1));
            const ms = e instanceof DeliveryError && e.retryAfterMs !== undefined ? Math.min(max, Math.max(e.retryAfterMs, 0)) : backoff;
            o.onRetry?.(attempt, ms, e);
            await wait(ms);
        }
    }
}
//# sourceMappingURL=retry.js.map