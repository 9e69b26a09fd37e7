/**
 * The digest's comment reads, aggregated by the database: counts per (document, paragraph, delegation)
 * in one GROUP BY, and only the first five comments of each group (the ones the digest prints), chosen
 * with a window function. A year of comments is then two small result sets, not every row with its text.
 * Both are answered from the index on (createdAt, documentId, paragraphId, stateCode); only the chosen
 * comments' rows are read for their text.
 */
import type { Database } from "./client.ts";
import type { CommentRow } from "../domain/types.ts";
import { date, num, rawReader } from "./raw-reads.ts";

/** Comments of one delegation on one document or paragraph in a window. */
export type CommentGroupCount = { documentId: number; paragraphId: number | null; stateCode: string; n: number };

export function digestReads(db: Database) {
  const raw = rawReader(db);
  return {
    /** Comment counts in [from, to) per document, paragraph and delegation, in the order of each one's first comment (time, then id). */
    commentCounts: async (from: Date, to: Date): Promise<CommentGroupCount[]> =>
      (await raw.bulk(
        `SELECT "documentId" AS d, "paragraphId" AS p, "stateCode" AS s, COUNT(*) AS n
         FROM "Comment" WHERE "createdAt" >= ? AND "createdAt" < ? GROUP BY "documentId", "paragraphId", "stateCode"
         ORDER BY MIN("createdAt"), MIN("id")`,
        from, to,
      )).map((r) => ({ documentId: num(r.d), paragraphId: r.p === null ? null : num(r.p), stateCode: String(r.s), n: num(r.n) })),
    /** The first `per` comments (by time) of each document/paragraph group in [from, to), read in one query (no id list). */
    firstComments: async (from: Date, to: Date, per: number): Promise<CommentRow[]> =>
      (await raw.bulk(
        `SELECT c."id", c."documentId", c."paragraphId", c."stateCode", c."kind", c."text", c."createdAt" FROM (
           SELECT "id", ROW_NUMBER() OVER (PARTITION BY "documentId", "paragraphId" ORDER BY "createdAt", "id") AS rn
           FROM "Comment" WHERE "createdAt" >= ? AND "createdAt" < ?) x
         JOIN "Comment" c ON c."id" = x."id"
         WHERE x.rn <= ? ORDER BY c."createdAt", c."id"`,
        from, to, per,
      )).map((r) => ({
        id: num(r.id), documentId: num(r.documentId), paragraphId: r.paragraphId === null ? null : num(r.paragraphId),
        stateCode: String(r.stateCode), kind: String(r.kind), text: String(r.text), createdAt: date(r.createdAt),
      }) as CommentRow),
  };
}
