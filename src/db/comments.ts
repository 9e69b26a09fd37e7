/** Comments on documents and paragraphs, with the versions an edit replaced. */
import type { Database, Tx } from "./client.ts";
import type { CommentRow, CommentVersionRow } from "../domain/types.ts";

export function commentsRepo(db: Database) {
  const p = db.prisma;
  return {
    byKey: (requestKey: string): Promise<CommentRow | null> => p.comment.findUnique({ where: { requestKey } }),
    byId: (id: number): Promise<CommentRow | null> => p.comment.findUnique({ where: { id } }),
    list: (documentId: number, paragraphId?: number | null): Promise<CommentRow[]> =>
      p.comment.findMany({
        where: { documentId, ...(paragraphId !== undefined ? { paragraphId } : {}) },
        orderBy: { createdAt: "asc" },
        take: 200,
      }),
    since: (from: Date, to: Date): Promise<CommentRow[]> =>
      p.comment.findMany({ where: { createdAt: { gte: from, lt: to } }, orderBy: { createdAt: "asc" } }),
    ofState: (stateCode: string): Promise<CommentRow[]> =>
      p.comment.findMany({ where: { stateCode }, orderBy: { createdAt: "desc" }, take: 100 }),
    create: (tx: Tx, data: Omit<CommentRow, "id"> & { requestKey?: string | null }): Promise<CommentRow> => tx.comment.create({ data }),
    edit: async (tx: Tx, c: CommentRow, text: string, kind: string, at: Date): Promise<CommentRow> => {
      await tx.commentVersion.create({ data: { commentId: c.id, kind: c.kind, text: c.text, replacedAt: at } });
      return tx.comment.update({ where: { id: c.id }, data: { text, kind, updatedAt: at } });
    },
    versions: (commentId: number): Promise<CommentVersionRow[]> => p.commentVersion.findMany({ where: { commentId }, orderBy: { replacedAt: "asc" } }),
  };
}
