import { isUniqueViolation } from "../db/repos.js";
/**
 * The delivery ledger: a row per (day, destination) — or (alert key, destination) — is claimed before
 * anything is sent and marked sent after. The unique constraint decides between workers; a claim whose
 * holder died is taken over once its lease has run out, so a crash delays a digest instead of losing it.
 */
export const LEASE_MS = 10 * 60_000;
export async function claim(repos, day, destination, worker, now, o = {}) {
    const lease = o.leaseMs ?? LEASE_MS;
    for (let round = 0; round < 3; round++) {
        const row = await repos.digests.get(day, destination);
        if (!row) {
            try {
                const created = await repos.digests.create(day, destination, worker, now);
                return { kind: "claimed", id: created.id, attempts: created.attempts };
            }
            catch (e) {
                if (isUniqueViolation(e))
                    continue; // someone else created it in between: look again
                throw e;
            }
        }
        if (row.status === "sent")
            return { kind: "sent" };
        if (row.status === "failed" && (!o.retryFailed || row.attempts >= (o.maxAttempts ?? Number.POSITIVE_INFINITY)))
            return { kind: "failed", error: row.lastError };
        if (row.status === "claimed" && now.getTime() - row.claimedAt.getTime() < lease)
            return { kind: "busy", by: row.claimedBy };
        if (await repos.digests.reclaim(row.id, row, worker, now))
            return { kind: "claimed", id: row.id, attempts: row.attempts + 1 };
    }
    return { kind: "busy", by: null };
}
/** Marks our claim sent; false means the lease was lost to another worker (logged by the caller). */
export const markSent = (repos, id, worker, at) => repos.digests.finish(id, worker, { status: "sent", sentAt: at, lastError: null });
export const markFailed = (repos, id, worker, error) => repos.digests.finish(id, worker, { status: "failed", lastError: error.slice(0, 1000) });
//# sourceMappingURL=ledger.js.map