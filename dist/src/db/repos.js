import { normalise } from "../domain/text.js";
import { createTrustRepos } from "./trust.js";
import { timeRepos } from "./time.js";
import { papersRepo } from "./papers.js";
const REF_TTL_MS = 30_000;
export function isUniqueViolation(e) {
    const code = e?.code;
    return code === "P2002" || /UNIQUE constraint failed|unique constraint|duplicate key/i.test(String(e?.message ?? ""));
}
export function createRepos(db) {
    const p = db.prisma;
    let ref;
    async function refData() {
        if (ref && Date.now() - ref.loadedAt < REF_TTL_MS)
            return ref;
        const [states, aliases, dimensions, areas, documents, appointments, offers] = await Promise.all([
            p.state.findMany({ orderBy: { nameEn: "asc" } }),
            p.stateAlias.findMany(),
            p.dimension.findMany(),
            p.priorityArea.findMany({ orderBy: { nameEn: "asc" } }),
            p.document.findMany({ orderBy: { symbol: "asc" } }),
            p.appointment.findMany({ orderBy: [{ areaId: "asc" }, { role: "asc" }] }),
            p.offer.findMany({ orderBy: { id: "asc" } }),
        ]);
        const byState = new Map();
        for (const a of aliases)
            byState.set(a.stateCode, [...(byState.get(a.stateCode) ?? []), a.alias]);
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
    async function write(author, fn, at, timeoutMs = 10_000) {
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
            find: (platform, userId) => p.identity.findUnique({ where: { platform_userId: { platform, userId } } }),
            channel: (platform, channelId) => p.channelLink.findUnique({ where: { platform_channelId: { platform, channelId } } }),
            roles: (platform, roleIds) => roleIds.length ? p.roleLink.findMany({ where: { platform, roleId: { in: roleIds } } }) : Promise.resolve([]),
            linkUser: (tx, platform, userId, role, stateCode) => tx.identity.upsert({
                where: { platform_userId: { platform, userId } },
                create: { platform, userId, role, stateCode },
                update: { role, stateCode },
            }),
            linkChannel: (tx, platform, channelId, stateCode) => tx.channelLink.upsert({
                where: { platform_channelId: { platform, channelId } },
                create: { platform, channelId, stateCode },
                update: { stateCode },
            }),
            linkRole: (tx, platform, roleId, stateCode) => tx.roleLink.upsert({ where: { platform_roleId: { platform, roleId } }, create: { platform, roleId, stateCode }, update: { stateCode } }),
            channelsOf: (stateCode) => p.channelLink.findMany({ where: { stateCode } }),
            allChannels: () => p.channelLink.findMany(),
        },
        documents: {
            paragraphs: (documentId) => p.paragraph.findMany({ where: { documentId }, orderBy: { ord: "asc" } }),
            /** Paragraph refs of several documents in one query (the digest names paragraphs of every commented draft). */
            paragraphRefs: (documentIds) => documentIds.length ? p.paragraph.findMany({ where: { documentId: { in: documentIds } }, select: { id: true, ref: true } }) : Promise.resolve([]),
            /** Comment and open-position counts per paragraph, in two grouped queries (never one per row). */
            counts: async (doc) => {
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
            byKey: (requestKey) => p.comment.findUnique({ where: { requestKey } }),
            byId: (id) => p.comment.findUnique({ where: { id } }),
            list: (documentId, paragraphId) => p.comment.findMany({
                where: { documentId, ...(paragraphId !== undefined ? { paragraphId } : {}) },
                orderBy: { createdAt: "asc" },
                take: 200,
            }),
            since: (from, to) => p.comment.findMany({ where: { createdAt: { gte: from, lt: to } }, orderBy: { createdAt: "asc" } }),
            ofState: (stateCode) => p.comment.findMany({ where: { stateCode }, orderBy: { createdAt: "desc" }, take: 100 }),
            create: (tx, data) => tx.comment.create({ data }),
            edit: async (tx, c, text, kind, at) => {
                await tx.commentVersion.create({ data: { commentId: c.id, kind: c.kind, text: c.text, replacedAt: at } });
                return tx.comment.update({ where: { id: c.id }, data: { text, kind, updatedAt: at } });
            },
            versions: (commentId) => p.commentVersion.findMany({ where: { commentId }, orderBy: { replacedAt: "asc" } }),
        },
        positions: {
            byId: (id) => p.position.findUnique({ where: { id } }),
            byKey: (requestKey) => p.position.findUnique({ where: { requestKey } }),
            onTarget: (targetType, targetRef, includeWithdrawn = false) => p.position.findMany({
                where: {
                    targetType: Array.isArray(targetType) ? { in: targetType } : targetType,
                    targetRef,
                    ...(includeWithdrawn ? {} : { withdrawnAt: null }),
                },
                orderBy: { createdAt: "asc" },
            }),
            onTargets: (targetType, refs) => refs.length
                ? p.position.findMany({ where: { targetType, targetRef: { in: refs }, withdrawnAt: null }, orderBy: { createdAt: "asc" } })
                : Promise.resolve([]),
            openOf: (stateCode) => p.position.findMany({ where: { stateCode, withdrawnAt: null }, orderBy: { createdAt: "desc" }, take: 100 }),
            /** Open positions of a delegation whose id or target starts with `q`, for autocomplete (indexed, capped). */
            searchOpenOf: (stateCode, take) => p.position.findMany({ where: { stateCode, withdrawnAt: null }, orderBy: { createdAt: "desc" }, take }),
            openBlocking: () => p.position.findMany({ where: { withdrawnAt: null, stance: { in: ["objection", "reservation", "needs_more_time"] } }, orderBy: { createdAt: "asc" } }),
            changedBetween: (from, to) => p.position.findMany({
                where: { OR: [{ createdAt: { gte: from, lt: to } }, { withdrawnAt: { gte: from, lt: to } }] },
                orderBy: { createdAt: "asc" },
            }),
            create: (tx, data) => tx.position.create({ data }),
            /** Withdraws open positions by id in one statement; already withdrawn ones are left as they were. */
            withdraw: (tx, ids, at, by) => tx.position.updateMany({ where: { id: { in: ids }, withdrawnAt: null }, data: { withdrawnAt: at, withdrawnBy: by } }),
        },
        coordination: {
            appointments: async () => [...(await refData()).appointments],
            offers: async () => [...(await refData()).offers],
            offer: (id) => p.offer.findUnique({ where: { id } }),
        },
        nominations: {
            all: () => p.nomination.findMany(),
        },
        silence: {
            all: () => p.silenceProcedure.findMany({ orderBy: { expiresOn: "asc" } }),
            byId: (id) => p.silenceProcedure.findUnique({ where: { id } }),
            running: () => p.silenceProcedure.findMany({ where: { outcome: "running" } }),
            create: (tx, data) => tx.silenceProcedure.create({ data }),
            breakBy: (tx, id, stateCode, at) => tx.silenceProcedure.updateMany({ where: { id, outcome: "running" }, data: { outcome: "broken", brokenBy: stateCode, brokenAt: at } }),
            conclude: (tx, id, at) => tx.silenceProcedure.updateMany({ where: { id, outcome: "running" }, data: { outcome: "concluded", concludedAt: at } }),
        },
        deadlines: {
            between: (from, to) => p.deadline.findMany({ where: { due: to ? { gte: from, lte: to } : { gte: from } }, orderBy: { due: "asc" } }),
            upsert: (tx, d) => tx.deadline.upsert({ where: { id: d.id }, create: d, update: d }),
        },
        events: {
            list: (year) => p.cbmEvent.findMany({ where: year ? { year } : {}, orderBy: [{ year: "asc" }, { startsOn: "asc" }, { id: "asc" }] }),
            byId: (id) => p.cbmEvent.findUnique({ where: { id } }),
            submittedBetween: (from, to) => p.cbmEvent.findMany({ where: { submittedAt: { gte: from, lt: to } }, orderBy: { submittedAt: "asc" } }),
            create: (tx, data) => tx.cbmEvent.create({ data }),
        },
        audit: {
            recent: (take = 20) => p.auditLog.findMany({ orderBy: { id: "desc" }, take }),
        },
        settings: {
            get: async (key) => (await p.setting.findUnique({ where: { key } }))?.value,
            set: (tx, key, value) => tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } }),
        },
        /** The digest/alert ledger: one row per (day or alert key, destination); see src/digest/ledger.ts. */
        digests: {
            get: (day, destination) => p.digestDelivery.findUnique({ where: { day_destination: { day, destination } } }),
            /** Throws a unique violation when another worker created the row first. */
            create: (day, destination, claimedBy, at) => p.digestDelivery.create({ data: { day, destination, status: "claimed", attempts: 1, claimedBy, claimedAt: at } }),
            /** Compare-and-set: takes the row over only if it is still in the state the caller saw. */
            reclaim: async (id, seen, claimedBy, at) => (await p.digestDelivery.updateMany({
                where: { id, status: seen.status, claimedAt: seen.claimedAt },
                data: { status: "claimed", claimedBy, claimedAt: at, attempts: { increment: 1 }, lastError: null },
            })).count === 1,
            finish: async (id, claimedBy, data) => (await p.digestDelivery.updateMany({ where: { id, status: "claimed", claimedBy }, data })).count === 1,
            lastSent: (destination, beforeDay) => p.digestDelivery.findFirst({ where: { destination, status: "sent", day: { lt: beforeDay } }, orderBy: { day: "desc" } }),
            recent: (take) => p.digestDelivery.findMany({ orderBy: [{ claimedAt: "desc" }, { id: "desc" }], take }),
        },
        time: timeRepos(db),
        papers: papersRepo(p),
        isEmpty: async () => (await p.state.count()) === 0,
        ...createTrustRepos(db),
    };
}
export { normalise };
//# sourceMappingURL=repos.js.map