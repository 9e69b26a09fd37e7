/** A platform failure, classified so callers know whether and when to try again. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    /** From the platform's Retry-After, when it gave one. */
    public readonly retryAfterMs?: number,
    /** True when trying again cannot help (not_in_channel, unknown channel, bad token). */
    public readonly permanent = false,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

export type RetryOptions = {
  attempts?: number;
  baseMs?: number;
  maxMs?: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (attempt: number, waitMs: number, error: unknown) => void;
};

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Retries `fn` with exponential backoff, honouring Retry-After; permanent failures are thrown at once. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, o: RetryOptions = {}): Promise<T> {
  const attempts = o.attempts ?? 5;
  const base = o.baseMs ?? 500;
  const max = o.maxMs ?? 60_000;
  const wait = o.sleep ?? sleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      const permanent = e instanceof DeliveryError && e.permanent;
      if (permanent || attempt >= attempts) throw e;
      const backoff = Math.min(max, base * 2 ** (attempt - 1));
      const ms = e instanceof DeliveryError && e.retryAfterMs !== undefined ? Math.min(max, Math.max(e.retryAfterMs, 0)) : backoff;
      o.onRetry?.(attempt, ms, e);
      await wait(ms);
    }
  }
}
