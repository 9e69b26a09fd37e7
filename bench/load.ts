import { now } from "./stats.ts";

/** `outcome` of a write, from its final reply: a new record, a repeat ("already on record"), or anything else. */
export type Sample = { ack: number; reply: number; ok: boolean; command?: string; outcome?: Outcome };
export type Outcome = "new" | "repeat" | "other";
export type LoadResult = { samples: Sample[]; sent: number; failed: number; wallMs: number };

/**
 * Open-loop load: command i starts at i/rate seconds whatever happened to the earlier ones, as users
 * do; a closed loop would slow its own arrivals and hide queueing. `send` resolves with its own ack and
 * final-reply times (ms since its start). Waits for the stragglers, up to `drainMs`.
 */
/** How long a step waits for its stragglers; a command unanswered by then counts as taking this long. */
export const DRAIN_MS = 30_000;

export async function openLoop(rate: number, seconds: number, send: (i: number) => Promise<Sample>, drainMs = DRAIN_MS): Promise<LoadResult> {
  const total = Math.max(1, Math.round(rate * seconds));
  const t0 = now();
  const pending: Promise<unknown>[] = [];
  const samples: Sample[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(i).then((s) => { samples.push(s); }, () => {}));
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(pending), new Promise<void>((r) => { timer = setTimeout(r, drainMs); })]);
  clearTimeout(timer);
  // Commands still unanswered after the drain count as failed, like those whose request failed.
  const done = [...samples];
  return { samples: done, sent: total, failed: total - done.length, wallMs: now() - t0 };
}
