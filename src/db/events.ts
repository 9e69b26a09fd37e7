/** Events of the forum's Annual Plans (confidence-building measures), proposed or imported. */
import type { Database, Tx } from "./client.ts";
import type { EventRow } from "../domain/types.ts";

export function eventsRepo(db: Database) {
  const p = db.prisma;
  return {
    list: (year?: number): Promise<EventRow[]> =>
      p.cbmEvent.findMany({ where: year ? { year } : {}, orderBy: [{ year: "asc" }, { startsOn: "asc" }, { id: "asc" }] }),
    byId: (id: string): Promise<EventRow | null> => p.cbmEvent.findUnique({ where: { id } }),
    submittedBetween: (from: Date, to: Date): Promise<EventRow[]> =>
      p.cbmEvent.findMany({ where: { submittedAt: { gte: from, lt: to } }, orderBy: { submittedAt: "asc" } }),
    create: (tx: Tx, data: EventRow): Promise<EventRow> => tx.cbmEvent.create({ data }),
  };
}
