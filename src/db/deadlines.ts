/** Deadlines between two dates (cancelled ones left out). */
import type { Database, Tx } from "./client.ts";
import type { DeadlineRow } from "../domain/types.ts";

export function deadlinesRepo(db: Database) {
  const p = db.prisma;
  return {
    between: (from: string, to: string | undefined): Promise<DeadlineRow[]> =>
      p.deadline.findMany({ where: { due: to ? { gte: from, lte: to } : { gte: from }, cancelledAt: null }, orderBy: { due: "asc" } }),
    upsert: (tx: Tx, d: DeadlineRow): Promise<DeadlineRow> => tx.deadline.upsert({ where: { id: d.id }, create: d, update: d }),
  };
}
