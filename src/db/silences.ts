/** Silence procedures: started, broken by an objection, or concluded. */
import type { Database, Tx } from "./client.ts";
import type { SilenceRow } from "../domain/types.ts";

export function silencesRepo(db: Database) {
  const p = db.prisma;
  return {
    all: (): Promise<SilenceRow[]> => p.silenceProcedure.findMany({ orderBy: { expiresOn: "asc" } }),
    byId: (id: string): Promise<SilenceRow | null> => p.silenceProcedure.findUnique({ where: { id } }),
    running: (): Promise<SilenceRow[]> => p.silenceProcedure.findMany({ where: { outcome: "running" } }),
    /** The procedures named by id, or on one of these matters (a document symbol, an offer id): what one position can touch. */
    about: (refs: string[]): Promise<SilenceRow[]> =>
      refs.length
        ? p.silenceProcedure.findMany({ where: { OR: [{ id: { in: refs } }, { targetRef: { in: refs } }] }, orderBy: { expiresOn: "asc" } })
        : Promise.resolve([]),
    create: (tx: Tx, data: Omit<SilenceRow, "brokenBy" | "brokenAt" | "concludedAt">): Promise<SilenceRow> => tx.silenceProcedure.create({ data }),
    breakBy: async (tx: Tx, id: string, stateCode: string, at: Date): Promise<{ count: number }> =>
      ({ count: (await tx.silenceProcedure.updateMany({ where: { id, outcome: "running" }, data: { outcome: "broken", brokenBy: stateCode, brokenAt: at } })).count }),
    conclude: async (tx: Tx, id: string, at: Date): Promise<{ count: number }> =>
      ({ count: (await tx.silenceProcedure.updateMany({ where: { id, outcome: "running" }, data: { outcome: "concluded", concludedAt: at } })).count }),
  };
}
