/** Documents' paragraphs and the per-paragraph counts shown beside them. */
import type { Database } from "./client.ts";
import type { DocumentRow, ParagraphRow } from "../domain/types.ts";

export function documentsRepo(db: Database) {
  const p = db.prisma;
  return {
    paragraphs: (documentId: number): Promise<ParagraphRow[]> => p.paragraph.findMany({ where: { documentId }, orderBy: { ord: "asc" } }),
    /** Paragraph refs of several documents in one query (the digest names paragraphs of every commented draft). */
    paragraphRefs: (documentIds: number[]): Promise<{ id: number; ref: string }[]> =>
      documentIds.length ? p.paragraph.findMany({ where: { documentId: { in: documentIds } }, select: { id: true, ref: true } }) : Promise.resolve([]),
    /** Comment and open-position counts per paragraph, in two grouped queries (never one per row). */
    counts: async (doc: DocumentRow) => {
      const [comments, positions] = await Promise.all([
        p.comment.groupBy({ by: ["paragraphId"], where: { documentId: doc.id }, _count: { _all: true } }),
        p.position.groupBy({
          by: ["paragraphRef", "stance"],
          where: { targetType: { in: ["document", "paragraph"] }, targetRef: doc.symbol, withdrawnAt: null },
          _count: { _all: true },
        }),
      ]);
      return {
        comments: comments.map((c) => ({ paragraphId: c.paragraphId, n: c._count._all })),
        positions: positions.map((c) => ({ paragraphRef: c.paragraphRef, stance: c.stance, n: c._count._all })),
      };
    },
  };
}
