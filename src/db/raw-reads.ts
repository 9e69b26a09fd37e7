/**
 * Reads written as SQL for the digest's largest result sets (issue 15): a year's window returns thousands of
 * positions and comments, and Prisma's per-row mapping of a findMany cost more than the database's own work.
 * The SQL is the same on SQLite and PostgreSQL but for placeholders and how a DateTime is stored. On SQLite
 * it runs straight through better-sqlite3 (Database.rows) on the reader thread, or with `bulk` on the
 * writer's connection between transactions; on PostgreSQL through Prisma's $queryRawUnsafe.
 */
import type { Database } from "./client.ts";
import type { PositionRow } from "../domain/types.ts";

export type RawReader = {
  /** `?` placeholders in `sql` become `$1, $2 …` on PostgreSQL; Date arguments are stored-format instants. */
  rows: (sql: string, ...args: unknown[]) => Promise<Record<string, unknown>[]>;
  /** The same, for a large read that may run on a second connection beside the others (SQLite: the writer's, between transactions). */
  bulk: (sql: string, ...args: unknown[]) => Promise<Record<string, unknown>[]>;
  /** `(?, ?, …)` for a list of n values. */
  list: (n: number) => string;
};

export const num = (x: unknown) => Number(x);
export const date = (x: unknown) => (x instanceof Date ? x : new Date(String(x)));
export const dateOrNull = (x: unknown) => (x === null || x === undefined ? null : date(x));
export const strOrNull = (x: unknown) => (x === null || x === undefined ? null : String(x));

export function rawReader(db: Database): RawReader {
  const pg = db.provider === "postgresql";
  // SQLite keeps DateTime as ISO text (adapter timestampFormat iso8601, "+00:00"), PostgreSQL as timestamp.
  const arg = (a: unknown) => (a instanceof Date && !pg ? a.toISOString().replace("Z", "+00:00") : a);
  const read = (sql: string, args: unknown[], bulk: boolean) => {
    if (db.rows) return db.rows(sql, args.map(arg), bulk);
    let n = 0;
    const text = pg ? sql.replace(/\?/g, () => `$${++n}`) : sql;
    return db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(text, ...args.map(arg));
  };
  return {
    rows: (sql, ...args) => read(sql, args, false),
    bulk: (sql, ...args) => read(sql, args, true),
    list: (n) => `(${Array.from({ length: n }, () => "?").join(", ")})`,
  };
}

export const POSITION_COLUMNS = `"id", "stateCode", "stance", "targetType", "targetRef", "paragraphRef", "reason", "createdAt", "withdrawnAt", "withdrawnBy", "platform", "userId", "requestKey", "source"`;

/** A row as findMany gives it (every column, requestKey included), so either read can stand for the other. */
export const positionFrom = (r: Record<string, unknown>): PositionRow & { requestKey: string | null } => ({
  id: num(r.id), stateCode: String(r.stateCode), stance: String(r.stance), targetType: String(r.targetType), targetRef: String(r.targetRef),
  paragraphRef: strOrNull(r.paragraphRef), reason: String(r.reason), createdAt: date(r.createdAt), withdrawnAt: dateOrNull(r.withdrawnAt),
  withdrawnBy: strOrNull(r.withdrawnBy), platform: String(r.platform), userId: String(r.userId), requestKey: strOrNull(r.requestKey), source: String(r.source),
});
