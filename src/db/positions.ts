/** Positions (objections, reservations, "needs more time", support) on any target; withdrawal keeps the row. */
import type { Database, Tx } from "./client.ts";
import type { PositionRow } from "../domain/types.ts";
import { BLOCKING_STANCES } from "../domain/rules.ts";
import { date, num, POSITION_COLUMNS, positionFrom, rawReader, strOrNull } from "./raw-reads.ts";

export type BlockingRow = Pick<PositionRow, "id" | "stateCode" | "stance" | "targetType" | "targetRef" | "paragraphRef" | "createdAt">;

export function positionsRepo(db: Database) {
  const p = db.prisma;
  const raw = rawReader(db);
  return {
    byId: (id: number): Promise<PositionRow | null> => p.position.findUnique({ where: { id } }),
    byKey: (requestKey: string): Promise<PositionRow | null> => p.position.findUnique({ where: { requestKey } }),
    onTarget: (targetType: string | string[], targetRef: string, includeWithdrawn = false): Promise<PositionRow[]> =>
      p.position.findMany({
        where: {
          targetType: Array.isArray(targetType) ? { in: targetType } : targetType,
          targetRef,
          ...(includeWithdrawn ? {} : { withdrawnAt: null }),
        },
        orderBy: { createdAt: "asc" },
      }),
    onTargets: (targetType: string, refs: string[]): Promise<PositionRow[]> =>
      refs.length
        ? p.position.findMany({ where: { targetType, targetRef: { in: refs }, withdrawnAt: null }, orderBy: { createdAt: "asc" } })
        : Promise.resolve([]),
    openOf: (stateCode: string): Promise<PositionRow[]> =>
      p.position.findMany({ where: { stateCode, withdrawnAt: null }, orderBy: { createdAt: "desc" }, take: 100 }),
    /** Open positions of a delegation whose id or target starts with `q`, for autocomplete (indexed, capped). */
    searchOpenOf: (stateCode: string, take: number): Promise<PositionRow[]> =>
      p.position.findMany({ where: { stateCode, withdrawnAt: null }, orderBy: { createdAt: "desc" }, take }),
    openBlocking: (): Promise<PositionRow[]> =>
      p.position.findMany({ where: { withdrawnAt: null, stance: { in: [...BLOCKING_STANCES] } }, orderBy: { createdAt: "asc" } }),
    /**
     * Open objections and reservations recorded before `before`, with only what the digest's "still blocked"
     * lines print (no reasons, no authors): the filter and the columns are the database's work.
     */
    blockingBefore: async (before: Date): Promise<BlockingRow[]> =>
      (await raw.rows(
        `SELECT "id", "stateCode", "stance", "targetType", "targetRef", "paragraphRef", "createdAt" FROM "Position"
         WHERE "withdrawnAt" IS NULL AND "stance" IN ${raw.list(BLOCKING_STANCES.length)} AND "createdAt" < ? ORDER BY "createdAt", "id"`,
        ...BLOCKING_STANCES, before,
      )).map((r) => ({ id: num(r.id), stateCode: String(r.stateCode), stance: String(r.stance), targetType: String(r.targetType), targetRef: String(r.targetRef), paragraphRef: strOrNull(r.paragraphRef), createdAt: date(r.createdAt) })),
    /** Positions recorded or withdrawn in [from, to), oldest first (SQL: a year's window is thousands of rows; src/db/raw-reads.ts). */
    changedBetween: async (from: Date, to: Date): Promise<PositionRow[]> =>
      (await raw.rows(
        `SELECT ${POSITION_COLUMNS} FROM "Position"
         WHERE ("createdAt" >= ? AND "createdAt" < ?) OR ("withdrawnAt" >= ? AND "withdrawnAt" < ?) ORDER BY "createdAt", "id"`,
        from, to, from, to,
      )).map(positionFrom),
    create: (tx: Tx, data: Omit<PositionRow, "id" | "withdrawnAt" | "withdrawnBy"> & { requestKey?: string | null }): Promise<PositionRow> =>
      tx.position.create({ data }),
    /** Withdraws open positions by id in one statement; already withdrawn ones are left as they were. */
    withdraw: async (tx: Tx, ids: number[], at: Date, by: string): Promise<{ count: number }> =>
      ({ count: (await tx.position.updateMany({ where: { id: { in: ids }, withdrawnAt: null }, data: { withdrawnAt: at, withdrawnBy: by } })).count }),
  };
}
