import type { Repos } from "../db/repos.ts";
import { isUniqueViolation } from "../db/repos.ts";

/**
 * The delivery ledger: a row per (day, destination) — or (alert key, destination) — is claimed before
 * anything is sent and marked sent after. The unique constraint decides between workers; a claim whose
 * holder died is taken over once its lease has run out, so a crash delays a digest instead of losing it.
 */
export const LEASE_MS = 10 * 60_000;

export type Claim =
  | { kind: "claimed"; id: number; attempts: number }
  /** Already delivered: never send again. */
  | { kind: "sent" }
  /** Another worker holds a live claim. */
  | { kind: "busy"; by: string | null }
  /** Failed before and the caller did not ask to retry failures. */
  | { kind: "failed"; error: string | null };

export type ClaimOptions = {
  leaseMs?: number;
  /** Take a failed row again (the scheduler's hourly retry, the operator's --send). */
  retryFailed?: boolean;
  /** With retryFailed: give up once the row has been tried this many times. */
  maxAttempts?: number;
};

export async function claim(repos: Repos, day: string, destination: string, worker: string, now: Date, o: ClaimOptions = {}): Promise<Claim> {
  const lease = o.leaseMs ?? LEASE_MS;
  for (let round = 0; round < 3; round++) {
    const row = await repos.digests.get(day, destination);
    if (!row) {
      try {
        const created = await repos.digests.create(day, destination, worker, now);
        return { kind: "claimed", id: created.id, attempts: created.attempts };
      } catch (e) {
        if (isUniqueViolation(e)) continue; // someone else created it in between: look again
        throw e;
      }
    }
    if (row.status === "sent") return { kind: "sent" };
    if (row.status === "failed" && (!o.retryFailed || row.attempts >= (o.maxAttempts ?? Number.POSITIVE_INFINITY))) return { kind: "failed", error: row.lastError };
    if (row.status === "claimed" && now.getTime() - row.claimedAt.getTime() < lease) return { kind: "busy", by: row.claimedBy };
    if (await repos.digests.reclaim(row.id, row, worker, now)) return { kind: "claimed", id: row.id, attempts: row.attempts + 1 };
  }
  return { kind: "busy", by: null };
}

/** Marks our claim sent; false means the lease was lost to another worker (logged by the caller). */
export const markSent = (repos: Repos, id: number, worker: string, at: Date) => repos.digests.finish(id, worker, { status: "sent", sentAt: at, lastError: null });

export const markFailed = (repos: Repos, id: number, worker: string, error: string) =>
  repos.digests.finish(id, worker, { status: "failed", lastError: error.slice(0, 1000) });
