/** Repository functions of the consultation cycle (issue 11): offers, circulation, decisions, dated items. */
import type { Database, Tx } from "./client.ts";
import type { DeadlineRow } from "../domain/types.ts";

export type DecisionRow = {
  id: number; symbol: string | null; body: string; targetType: string; targetRef: string; outcome: string; decidedOn: string;
  note: string; override: string | null; overridden: string; recordedAt: Date; platform: string; userId: string; source: string;
};
export type NewOffer = {
  id: string; areaId: string; stateCode: string; role: string; tenure: string | null; submittedOn: string; note: string;
  createdAt: Date; platform: string; userId: string; requestKey: string | null;
};
export type NewDocument = {
  symbol: string; title: string; date: string; revision: number; status: string; restricted: boolean; commentsDue: string | null;
  body: string; revisionOf: string | null; circulatedAt: Date; source: string;
};

export function createCycleRepos(db: Database) {
  const p = db.prisma;
  return {
    offerByKey: (requestKey: string) => p.offer.findUnique({ where: { requestKey } }),
    offerIds: async (prefix: string) => (await p.offer.findMany({ where: { id: { startsWith: prefix } }, select: { id: true } })).map((o) => o.id),
    createOffer: (tx: Tx, o: NewOffer) => tx.offer.create({ data: { ...o, status: "pending", source: `${o.platform}:${o.userId}` } }),
    withdrawOffer: (tx: Tx, id: string, at: Date) => tx.offer.updateMany({ where: { id, status: "pending" }, data: { status: "withdrawn", withdrawnAt: at } }),
    decideOffer: (tx: Tx, id: string, status: string, decidedOn: string, decision: string | null) =>
      tx.offer.updateMany({ where: { id, status: "pending" }, data: { status, decidedOn, decision } }),
    offersBetween: (from: Date, to: Date) =>
      p.offer.findMany({ where: { OR: [{ createdAt: { gte: from, lt: to } }, { withdrawnAt: { gte: from, lt: to } }] }, orderBy: { createdAt: "asc" } }),

    createAppointment: (tx: Tx, a: { id: string; areaId: string; stateCode: string; role: string; fromDate: string | null; untilDate: string | null; tenure: string | null; decision: string | null; offerId: string | null; source: string }) =>
      tx.appointment.create({ data: a }),
    changeAppointment: (tx: Tx, id: string, data: { untilDate: string; tenure?: string | null; decision?: string | null }) => tx.appointment.update({ where: { id }, data }),
    appointmentIdsLike: async (prefix: string) => (await p.appointment.findMany({ where: { id: { startsWith: prefix } }, select: { id: true } })).map((a) => a.id),

    documentBySymbol: (symbol: string) => p.document.findUnique({ where: { symbol } }),
    createDocument: async (tx: Tx, d: NewDocument, paragraphs: { ref: string; text: string }[]) => {
      const doc = await tx.document.create({ data: d });
      if (paragraphs.length) await tx.paragraph.createMany({ data: paragraphs.map((x, i) => ({ documentId: doc.id, ref: x.ref, ord: i + 1, text: x.text })) });
      return doc;
    },
    setDocumentStatus: (tx: Tx, symbol: string, status: string) => tx.document.update({ where: { symbol }, data: { status } }),
    circulatedBetween: (from: Date, to: Date) => p.document.findMany({ where: { circulatedAt: { gte: from, lt: to } }, orderBy: { circulatedAt: "asc" } }),

    setNominationStatus: (tx: Tx, id: string, status: string) => tx.nomination.update({ where: { id }, data: { status } }),

    decisionByKey: (requestKey: string) => p.decision.findUnique({ where: { requestKey } }) as Promise<DecisionRow | null>,
    createDecision: (tx: Tx, d: Omit<DecisionRow, "id"> & { requestKey: string | null }) => tx.decision.create({ data: d }) as Promise<DecisionRow>,
    decisions: (where: { symbol?: string; targetType?: string; targetRef?: string; year?: string } = {}): Promise<DecisionRow[]> =>
      p.decision.findMany({
        where: {
          ...(where.symbol ? { symbol: where.symbol } : {}),
          ...(where.targetType ? { targetType: where.targetType } : {}),
          ...(where.targetRef ? { targetRef: where.targetRef } : {}),
          ...(where.year ? { decidedOn: { startsWith: where.year } } : {}),
        },
        orderBy: [{ decidedOn: "asc" }, { id: "asc" }],
        take: 200,
      }),
    decisionsBetween: (from: Date, to: Date): Promise<DecisionRow[]> => p.decision.findMany({ where: { recordedAt: { gte: from, lt: to } }, orderBy: { id: "asc" } }),
    decisionSymbols: async (): Promise<string[]> => {
      const [d, a] = await Promise.all([
        p.decision.findMany({ where: { symbol: { not: null } }, select: { symbol: true }, distinct: ["symbol"] }),
        p.appointment.findMany({ where: { decision: { not: null } }, select: { decision: true }, distinct: ["decision"] }),
      ]);
      return [...new Set([...d.map((x) => x.symbol!), ...a.map((x) => x.decision!)])].sort();
    },

    savePreview: (token: string, payload: string, userId: string, at: Date) =>
      p.circulationPreview.upsert({ where: { token }, create: { token, payload, userId, createdAt: at }, update: {} }),
    preview: (token: string) => p.circulationPreview.findUnique({ where: { token } }),
    dropPreview: (tx: Tx, token: string) => tx.circulationPreview.deleteMany({ where: { token } }),

    deadline: (id: string) => p.deadline.findUnique({ where: { id } }),
    createDeadline: (tx: Tx, d: DeadlineRow & { time: string | null; createdAt: Date }) => tx.deadline.create({ data: d }),
    moveDeadline: (tx: Tx, id: string, due: string, time: string | null | undefined) =>
      tx.deadline.update({ where: { id }, data: { due, ...(time !== undefined ? { time } : {}) } }),
    cancelDeadline: (tx: Tx, id: string, at: Date) => tx.deadline.updateMany({ where: { id, cancelledAt: null }, data: { cancelledAt: at } }),
    deadlinesChanged: (from: Date, to: Date) => p.deadline.findMany({ where: { OR: [{ createdAt: { gte: from, lt: to } }, { cancelledAt: { gte: from, lt: to } }] } }),
  };
}
export type CycleRepos = ReturnType<typeof createCycleRepos>;
