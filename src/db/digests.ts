/** The digest/alert ledger: one row per (day or alert key, destination); see src/digest/ledger.ts. */
import type { Database } from "./client.ts";
import type { DigestDeliveryRow } from "../domain/types.ts";

export function digestsRepo(db: Database) {
  const p = db.prisma;
  return {
    get: (day: string, destination: string): Promise<DigestDeliveryRow | null> => p.digestDelivery.findUnique({ where: { day_destination: { day, destination } } }),
    /** Throws a unique violation when another worker created the row first. */
    create: (day: string, destination: string, claimedBy: string, at: Date): Promise<DigestDeliveryRow> =>
      p.digestDelivery.create({ data: { day, destination, status: "claimed", attempts: 1, claimedBy, claimedAt: at } }),
    /** Compare-and-set: takes the row over only if it is still in the state the caller saw. */
    reclaim: async (id: number, seen: { status: string; claimedAt: Date }, claimedBy: string, at: Date): Promise<boolean> =>
      (await p.digestDelivery.updateMany({
        where: { id, status: seen.status, claimedAt: seen.claimedAt },
        data: { status: "claimed", claimedBy, claimedAt: at, attempts: { increment: 1 }, lastError: null },
      })).count === 1,
    finish: async (id: number, claimedBy: string, data: { status: "sent" | "failed"; sentAt?: Date; lastError?: string | null }): Promise<boolean> =>
      (await p.digestDelivery.updateMany({ where: { id, status: "claimed", claimedBy }, data })).count === 1,
    lastSent: (destination: string, beforeDay: string): Promise<DigestDeliveryRow | null> =>
      p.digestDelivery.findFirst({ where: { destination, status: "sent", day: { lt: beforeDay } }, orderBy: { day: "desc" } }),
    recent: (take: number): Promise<DigestDeliveryRow[]> => p.digestDelivery.findMany({ orderBy: [{ claimedAt: "desc" }, { id: "desc" }], take }),
  };
}
