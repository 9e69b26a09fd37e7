import type { Database } from "./client.ts";
import { POSITION_COLUMNS, positionFrom, rawReader } from "./raw-reads.ts";
import type { EventRow, PositionRow } from "../domain/types.ts";

/** Reads for derived, dated state (issue 12): whole histories, so a status can be computed for any day. */
export function timeRepos(db: Database) {
  const p = db.prisma;
  const raw = rawReader(db);
  return {
    /** Every position on these refs, withdrawn ones too: a withdrawn objection still broke a silence procedure. */
    positionsOn: async (refs: string[]): Promise<PositionRow[]> =>
      refs.length ? (await raw.rows(`SELECT ${POSITION_COLUMNS} FROM "Position" WHERE "targetRef" IN ${raw.list(refs.length)} ORDER BY "createdAt", "id"`, ...refs)).map(positionFrom) : [],
    /** Paragraph refs and texts of several documents in one query (a document's status derives from them). */
    paragraphsOf: (documentIds: number[]): Promise<{ documentId: number; ref: string; text: string }[]> =>
      documentIds.length ? p.paragraph.findMany({ where: { documentId: { in: documentIds } }, select: { documentId: true, ref: true, text: true }, orderBy: { ord: "asc" } }) : Promise.resolve([]),
    /** Which delegations commented on these documents (by document id), in one grouped query. */
    commenters: async (documentIds: number[]): Promise<{ documentId: number; stateCode: string }[]> =>
      documentIds.length
        ? (await p.comment.groupBy({ by: ["documentId", "stateCode"], where: { documentId: { in: documentIds } }, _count: { _all: true } })).map((g) => ({ documentId: g.documentId, stateCode: g.stateCode }))
        : [],
    /** Event proposals per plan year and submitter (the Annual Plan's respondents). */
    planProposals: (years: number[]): Promise<Pick<EventRow, "year" | "organisers" | "submittedBy" | "submittedAt">[]> =>
      years.length ? p.cbmEvent.findMany({ where: { year: { in: years } }, select: { year: true, organisers: true, submittedBy: true, submittedAt: true } }) : Promise.resolve([]),
  };
}
