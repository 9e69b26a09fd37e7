/**
 * The digest's comment reads, aggregated by the database: counts per (document, paragraph, delegation)
 * in one GROUP BY, and only the first five comments of each group (the ones the digest prints), chosen
 * with a window function. A year of comments is then two small result sets, not every row with its text.
 */
import type { Database } from "./client.ts";
import type { CommentRow } from "../domain/types.ts";

export type CommentGroupCount = { documentId: number; paragraphId: number | null; stateCode: string; n: number; firstAt: Date; firstId: number };

const num = (x: unknown) => Number(x);
const date = (x: unknown) => (x instanceof Date ? x : new Date(String(x)));

export function digestReads(db: Database) {
  const p = db.prisma;
  const $ = (n: number) => (db.provider === "postgresql" ? `$${n}` : "?");
  // SQLite keeps DateTime as ISO text (adapter timestampFormat iso8601), PostgreSQL as timestamp.
  const at = (d: Date) => (db.provider === "postgresql" ? d : d.toISOString().replace("Z", "+00:00"));
  return {
    /** Comment counts in [from, to) per document, paragraph and delegation, with each one's first comment (for ordering). */
    commentCounts: async (from: Date, to: Date): Promise<CommentGroupCount[]> =>
      (await p.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT "documentId" AS d, "paragraphId" AS p, "stateCode" AS s, COUNT(*) AS n, MIN("createdAt") AS f, MIN("id") AS i
         FROM "Comment" WHERE "createdAt" >= ${$(1)} AND "createdAt" < ${$(2)} GROUP BY "documentId", "paragraphId", "stateCode"`,
        at(from), at(to),
      )).map((r) => ({ documentId: num(r.d), paragraphId: r.p === null ? null : num(r.p), stateCode: String(r.s), n: num(r.n), firstAt: date(r.f), firstId: num(r.i) })),
    /** The first `per` comments (by time) of each document/paragraph group in [from, to), read in one query (no id list). */
    firstComments: async (from: Date, to: Date, per: number): Promise<CommentRow[]> =>
      (await p.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT "id", "documentId", "paragraphId", "stateCode", "kind", "text", "createdAt" FROM (
           SELECT "id", "documentId", "paragraphId", "stateCode", "kind", "text", "createdAt",
                  ROW_NUMBER() OVER (PARTITION BY "documentId", "paragraphId" ORDER BY "createdAt", "id") AS rn
           FROM "Comment" WHERE "createdAt" >= ${$(1)} AND "createdAt" < ${$(2)}) x
         WHERE rn <= ${$(3)} ORDER BY "createdAt", "id"`,
        at(from), at(to), per,
      )).map((r) => ({
        id: num(r.id), documentId: num(r.documentId), paragraphId: r.paragraphId === null ? null : num(r.paragraphId),
        stateCode: String(r.stateCode), kind: String(r.kind), text: String(r.text), createdAt: date(r.createdAt),
      }) as CommentRow),
  };
}
