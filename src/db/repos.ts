import type { Database, Tx } from "./client.ts";
import type {
  AppointmentRow, AreaRow, CommentRow, DeadlineRow, DimensionRow, DocumentRow, EventRow, NominationRow, OfferRow,
  ParagraphRow, PositionRow, Role, SilenceRow, StateRow, Platform,
} from "../domain/types.ts";
import { normalise } from "../domain/text.ts";
import { BLOCKING_STANCES } from "../domain/rules.ts";
import { createTrustRepos } from "./trust.ts";
import { timeRepos } from "./time.ts";
import { papersRepo } from "./papers.ts";
import { digestReads } from "./digest-reads.ts";
import { createCycleRepos } from "./cycle.ts";

/** Who caused a write, for the append-only audit log. */
export type Author = { platform: Platform | "import" | "system"; userId: string; role: Role | "system"; stateCode?: string };

export type AuditEntry = { action: string; entity: string; entityId: string; details?: unknown };

/** Reference data changes rarely (imports); caching it keeps lookups well under 10 ms. */
type RefData = {
  states: StateRow[];
  dimensions: DimensionRow[];
  areas: AreaRow[];
  documents: DocumentRow[];
  /** Written only by imports (which invalidate), read by every /coordinators and /deadlines. */
  appointments: AppointmentRow[];
  offers: OfferRow[];
  loadedAt: number;
};
const REF_TTL_MS = 30_000;

export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  return code === "P2002" || /UNIQUE constraint failed|unique constraint|duplicate key/i.test(String((e as Error)?.message ?? ""));
}

export function createRepos(db: Database) {
  const p = db.prisma;
  let ref: RefData | undefined;

  async function refData(): Promise<RefData> {
    if (ref && Date.now() - ref.loadedAt < REF_TTL_MS) return ref;
    const [states, aliases, dimensions, areas, documents, appointments, offers] = await Promise.all([
      p.state.findMany({ orderBy: { nameEn: "asc" } }),
      p.stateAlias.findMany(),
      p.dimension.findMany(),
      p.priorityArea.findMany({ orderBy: { nameEn: "asc" } }),
      p.document.findMany({ orderBy: { symbol: "asc" } }),
      p.appointment.findMany({ orderBy: [{ areaId: "asc" }, { role: "asc" }] }),
      p.offer.findMany({ orderBy: { id: "asc" } }),
    ]);
    const byState = new Map<string, string[]>();
    for (const a of aliases) byState.set(a.stateCode, [...(byState.get(a.stateCode) ?? []), a.alias]);
    ref = {
      states: states.map((s) => ({ ...s, aliases: byState.get(s.code) ?? [] })),
      dimensions,
      areas,
      documents,
      appointments,
      offers,
      loadedAt: Date.now(),
    };
    return ref;
  }

  /** Runs `fn` and its audit rows in one transaction: nothing is reported done that is not committed. */
  async function write<T>(
    author: Author,
    fn: (tx: Tx) => Promise<{ result: T; audit: AuditEntry[] }>,
    at: Date,
    timeoutMs = 10_000,
  ): Promise<T> {
    return p.$transaction(async (tx) => {
      const { result, audit } = await fn(tx);
      if (audit.length)
        await tx.auditLog.createMany({
          data: audit.map((a) => ({
            at,
            platform: author.platform,
            userId: author.userId,
            stateCode: author.stateCode ?? null,
            role: author.role,
            action: a.action,
            entity: a.entity,
            entityId: a.entityId,
            details: JSON.stringify(a.details ?? {}),
          })),
        });
      return result;
    }, { timeout: timeoutMs, maxWait: 10_000 });
  }

  return {
    provider: db.provider,
    write,
    invalidate: () => { ref = undefined; },
    refData,

    identities: {
      find: (platform: string, userId: string) => p.identity.findUnique({ where: { platform_userId: { platform, userId } } }),
      channel: (platform: string, channelId: string) => p.channelLink.findUnique({ where: { platform_channelId: { platform, channelId } } }),
      roles: (platform: string, roleIds: string[]) =>
        roleIds.length ? p.roleLink.findMany({ where: { platform, roleId: { in: roleIds } } }) : Promise.resolve([]),
      linkUser: (tx: Tx, platform: string, userId: string, role: Role, stateCode: string | null) =>
        tx.identity.upsert({
          where: { platform_userId: { platform, userId } },
          create: { platform, userId, role, stateCode },
          update: { role, stateCode },
        }),
      linkChannel: (tx: Tx, platform: string, channelId: string, stateCode: string) =>
        tx.channelLink.upsert({
          where: { platform_channelId: { platform, channelId } },
          create: { platform, channelId, stateCode },
          update: { stateCode },
        }),
      linkRole: (tx: Tx, platform: string, roleId: string, stateCode: string) =>
        tx.roleLink.upsert({ where: { platform_roleId: { platform, roleId } }, create: { platform, roleId, stateCode }, update: { stateCode } }),
      channelsOf: (stateCode: string) => p.channelLink.findMany({ where: { stateCode } }),
      allChannels: () => p.channelLink.findMany(),
    },

    documents: {
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
    },

    comments: {
      byKey: (requestKey: string) => p.comment.findUnique({ where: { requestKey } }),
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
      create: (tx: Tx, data: Omit<CommentRow, "id"> & { requestKey?: string | null }) => tx.comment.create({ data }),
      edit: async (tx: Tx, c: CommentRow, text: string, kind: string, at: Date) => {
        await tx.commentVersion.create({ data: { commentId: c.id, kind: c.kind, text: c.text, replacedAt: at } });
        return tx.comment.update({ where: { id: c.id }, data: { text, kind, updatedAt: at } });
      },
      versions: (commentId: number) => p.commentVersion.findMany({ where: { commentId }, orderBy: { replacedAt: "asc" } }),
    },

    positions: {
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
      changedBetween: (from: Date, to: Date): Promise<PositionRow[]> =>
        p.position.findMany({
          where: { OR: [{ createdAt: { gte: from, lt: to } }, { withdrawnAt: { gte: from, lt: to } }] },
          orderBy: { createdAt: "asc" },
        }),
      create: (tx: Tx, data: Omit<PositionRow, "id" | "withdrawnAt" | "withdrawnBy"> & { requestKey?: string | null }) =>
        tx.position.create({ data }),
      /** Withdraws open positions by id in one statement; already withdrawn ones are left as they were. */
      withdraw: (tx: Tx, ids: number[], at: Date, by: string) =>
        tx.position.updateMany({ where: { id: { in: ids }, withdrawnAt: null }, data: { withdrawnAt: at, withdrawnBy: by } }),
    },

    coordination: {
      appointments: async (): Promise<AppointmentRow[]> => [...(await refData()).appointments],
      offers: async (): Promise<OfferRow[]> => [...(await refData()).offers],
      offer: (id: string): Promise<OfferRow | null> => p.offer.findUnique({ where: { id } }),
    },

    nominations: {
      all: (): Promise<NominationRow[]> => p.nomination.findMany(),
    },

    silence: {
      all: (): Promise<SilenceRow[]> => p.silenceProcedure.findMany({ orderBy: { expiresOn: "asc" } }),
      byId: (id: string): Promise<SilenceRow | null> => p.silenceProcedure.findUnique({ where: { id } }),
      running: (): Promise<SilenceRow[]> => p.silenceProcedure.findMany({ where: { outcome: "running" } }),
      create: (tx: Tx, data: Omit<SilenceRow, "brokenBy" | "brokenAt" | "concludedAt">) => tx.silenceProcedure.create({ data }),
      breakBy: (tx: Tx, id: string, stateCode: string, at: Date) =>
        tx.silenceProcedure.updateMany({ where: { id, outcome: "running" }, data: { outcome: "broken", brokenBy: stateCode, brokenAt: at } }),
      conclude: (tx: Tx, id: string, at: Date) =>
        tx.silenceProcedure.updateMany({ where: { id, outcome: "running" }, data: { outcome: "concluded", concludedAt: at } }),
    },

    deadlines: {
      between: (from: string, to: string | undefined): Promise<DeadlineRow[]> =>
        p.deadline.findMany({ where: { due: to ? { gte: from, lte: to } : { gte: from }, cancelledAt: null }, orderBy: { due: "asc" } }),
      upsert: (tx: Tx, d: DeadlineRow) => tx.deadline.upsert({ where: { id: d.id }, create: d, update: d }),
    },

    events: {
      list: (year?: number): Promise<EventRow[]> =>
        p.cbmEvent.findMany({ where: year ? { year } : {}, orderBy: [{ year: "asc" }, { startsOn: "asc" }, { id: "asc" }] }),
      byId: (id: string) => p.cbmEvent.findUnique({ where: { id } }),
      submittedBetween: (from: Date, to: Date): Promise<EventRow[]> =>
        p.cbmEvent.findMany({ where: { submittedAt: { gte: from, lt: to } }, orderBy: { submittedAt: "asc" } }),
      create: (tx: Tx, data: EventRow) => tx.cbmEvent.create({ data }),
    },

    audit: {
      recent: (take = 20) => p.auditLog.findMany({ orderBy: { id: "desc" }, take }),
    },

    settings: {
      get: async (key: string) => (await p.setting.findUnique({ where: { key } }))?.value,
      set: (tx: Tx, key: string, value: string) => tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } }),
    },

    /** The digest/alert ledger: one row per (day or alert key, destination); see src/digest/ledger.ts. */
    digests: {
      get: (day: string, destination: string) => p.digestDelivery.findUnique({ where: { day_destination: { day, destination } } }),
      /** Throws a unique violation when another worker created the row first. */
      create: (day: string, destination: string, claimedBy: string, at: Date) =>
        p.digestDelivery.create({ data: { day, destination, status: "claimed", attempts: 1, claimedBy, claimedAt: at } }),
      /** Compare-and-set: takes the row over only if it is still in the state the caller saw. */
      reclaim: async (id: number, seen: { status: string; claimedAt: Date }, claimedBy: string, at: Date) =>
        (await p.digestDelivery.updateMany({
          where: { id, status: seen.status, claimedAt: seen.claimedAt },
          data: { status: "claimed", claimedBy, claimedAt: at, attempts: { increment: 1 }, lastError: null },
        })).count === 1,
      finish: async (id: number, claimedBy: string, data: { status: "sent" | "failed"; sentAt?: Date; lastError?: string | null }) =>
        (await p.digestDelivery.updateMany({ where: { id, status: "claimed", claimedBy }, data })).count === 1,
      lastSent: (destination: string, beforeDay: string) =>
        p.digestDelivery.findFirst({ where: { destination, status: "sent", day: { lt: beforeDay } }, orderBy: { day: "desc" } }),
      recent: (take: number) => p.digestDelivery.findMany({ orderBy: [{ claimedAt: "desc" }, { id: "desc" }], take }),
    },

    time: timeRepos(db),
    papers: papersRepo(p),
    /** Offers, circulation, decisions and dated items filed from chat (issue 11). */
    cycle: createCycleRepos(db),

    isEmpty: async () => (await p.state.count()) === 0,
    ...createTrustRepos(db),

    /** Aggregated reads for the digest (src/db/digest-reads.ts). */
    digestReads: digestReads(db),
  };
}

export type Repos = ReturnType<typeof createRepos>;
export { normalise };
