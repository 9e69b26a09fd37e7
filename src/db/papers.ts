/** Reads behind the circulated papers (compilation, matrix) and the calendar subscription tokens. */
import type { Database, Tx } from "./client.ts";
import type { CommentRow } from "../domain/types.ts";

export type CalendarTokenRow = { id: number; tokenHash: string; platform: string; userId: string; role: string; stateCode: string | null; lang: string; createdAt: Date; revokedAt: Date | null };

export function papersRepo(p: Database["prisma"]) {
  return {
    /** Every comment on a document, oldest first: a compilation leaves none out (the /comments list stops at 200). */
    allComments: (documentId: number): Promise<CommentRow[]> =>
      p.comment.findMany({ where: { documentId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    calendar: {
      byHash: (tokenHash: string): Promise<CalendarTokenRow | null> => p.calendarToken.findUnique({ where: { tokenHash } }),
      activeOf: (platform: string, userId: string): Promise<CalendarTokenRow[]> =>
        p.calendarToken.findMany({ where: { platform, userId, revokedAt: null }, orderBy: { id: "asc" } }),
      create: (tx: Tx, data: Omit<CalendarTokenRow, "id" | "revokedAt">) => tx.calendarToken.create({ data }),
      /** Revokes every live token of the user in one statement. */
      revokeAll: async (tx: Tx, platform: string, userId: string, at: Date) =>
        (await tx.calendarToken.updateMany({ where: { platform, userId, revokedAt: null }, data: { revokedAt: at } })).count,
    },
  };
}
