/**
 * A generated year of activity (2023): 30 delegations, 40 documents, 10,000 comments, 2,000 objections
 * and reservations, 500 CBM event proposals, 60 offers of coordination with 180 positions on them, 60
 * nominations with 120 positions, 40 silence procedures with one objection each — written with batched
 * createMany, never a query per row.
 */
import type { Database } from "../src/db/client.ts";

export const YEAR = { delegations: 30, documents: 40, paragraphsPerDocument: 25, comments: 10_000, objections: 2_000, events: 500, offers: 60, nominations: 60, silences: 40 } as const;

/** `scale` multiplies every activity count (the digest must stay linear: the bench times 1× and 4×; --quick uses a fraction). */
export const scaled = (k: number) => Object.fromEntries(Object.entries(YEAR).map(([n, v]) => [n, ["delegations", "documents", "paragraphsPerDocument"].includes(n) ? v : Math.max(1, Math.round(v * k))])) as { [K in keyof typeof YEAR]: number };

const BATCH = 1_000;
const YEAR_START = Date.parse("2023-01-01T00:00:00Z");
const YEAR_MS = 365 * 86_400_000;

/** A small deterministic generator, so every run (and both databases) gets the same year. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export async function generateYear(db: Database, scale = 1): Promise<{ rows: number }> {
  const YEAR = scaled(scale);
  const p = db.prisma;
  const r = rng(2023);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const at = () => new Date(YEAR_START + Math.floor(r() * YEAR_MS));
  const day = (d: Date) => d.toISOString().slice(0, 10);

  const states = Array.from({ length: YEAR.delegations }, (_, i) => ({ code: `S${String(i + 1).padStart(2, "0")}`, nameEn: `State ${i + 1}`, nameRu: `Государство ${i + 1}`, kind: i < 27 ? "member" : "observer" }));
  await p.state.createMany({ data: states });
  await p.stateAlias.createMany({ data: states.map((s) => ({ alias: s.code.toLowerCase(), stateCode: s.code })) });
  await p.dimension.createMany({ data: ["mil", "ntc", "eco", "env", "hum"].map((id) => ({ id, nameEn: `Dimension ${id}`, nameRu: `Измерение ${id}` })) });
  const areas = Array.from({ length: 15 }, (_, i) => ({ id: `area${i}`, dimensionId: ["mil", "ntc", "eco", "env", "hum"][i % 5]!, nameEn: `Priority area ${i}`, nameRu: `Приоритетное направление ${i}` }));
  await p.priorityArea.createMany({ data: areas });
  await p.appointment.createMany({
    data: areas.flatMap((a, i) => [
      { id: `ap${i}c`, areaId: a.id, stateCode: states[i]!.code, role: "coordinator", fromDate: "2022-11-01", untilDate: "2025-10-31" },
      { id: `ap${i}cc`, areaId: a.id, stateCode: states[i + 10]!.code, role: "co_coordinator", fromDate: "2023-03-01" },
    ]),
  });
  await p.deadline.createMany({
    data: Array.from({ length: 24 }, (_, i) => ({ id: `dl${i}`, kind: "comments", title: `Comments on draft ${i + 1}`, titleRu: `Комментарии к проекту ${i + 1}`, due: day(new Date(YEAR_START + (i + 1) * 15 * 86_400_000)) })),
  });

  await p.document.createMany({
    data: Array.from({ length: YEAR.documents }, (_, i) => ({ symbol: `MC/2023/DRAFT/${i + 1}`, title: `Draft ${i + 1}`, status: "draft", restricted: true, date: "2023-01-15", commentsDue: "2023-12-15" })),
  });
  const docs = await p.document.findMany({ orderBy: { id: "asc" } });
  await inBatches(
    docs.flatMap((d) => Array.from({ length: YEAR.paragraphsPerDocument }, (_, k) => ({ documentId: d.id, ref: `${Math.floor(k / 5) + 1}.${(k % 5) + 1}`, ord: k, text: `Paragraph ${k + 1} of ${d.symbol}: text under negotiation.` }))),
    (b) => p.paragraph.createMany({ data: b }),
  );
  const paras = await p.paragraph.findMany({ select: { id: true, documentId: true, ref: true } });
  const parasOf = new Map<number, { id: number; ref: string }[]>();
  for (const x of paras) parasOf.set(x.documentId, [...(parasOf.get(x.documentId) ?? []), x]);

  const members = states.filter((s) => s.kind === "member");
  await inBatches(
    Array.from({ length: YEAR.comments }, (_, i) => {
      const d = pick(docs);
      const para = r() < 0.8 ? pick(parasOf.get(d.id)!) : undefined;
      const t = at();
      const s = pick(members);
      return {
        documentId: d.id, paragraphId: para?.id ?? null, stateCode: s.code, kind: pick(["general", "drafting", "question"] as const),
        text: `Comment ${i + 1}: ${"we propose to replace the bracketed text with agreed language ".repeat(1 + Math.floor(r() * 4))}`,
        createdAt: t, updatedAt: t, platform: "slack", userId: `U${s.code}`, requestKey: `year-c-${i}`,
      };
    }),
    (b) => p.comment.createMany({ data: b }),
  );
  await inBatches(
    Array.from({ length: YEAR.objections }, (_, i) => {
      const d = pick(docs);
      const para = r() < 0.7 ? pick(parasOf.get(d.id)!) : undefined;
      const t = at();
      const withdrawn = r() < 0.4 ? new Date(Math.min(YEAR_START + YEAR_MS - 1, t.getTime() + Math.floor(r() * 60 * 86_400_000))) : null;
      const s = pick(members);
      return {
        stateCode: s.code, stance: pick(["objection", "objection", "reservation", "needs_more_time"] as const),
        targetType: para ? "paragraph" : "document", targetRef: d.symbol, paragraphRef: para?.ref ?? null,
        reason: r() < 0.5 ? "Cannot join consensus on this wording" : "", createdAt: t, withdrawnAt: withdrawn, withdrawnBy: withdrawn ? `U${s.code}` : null,
        platform: "slack", userId: `U${s.code}`, requestKey: `year-p-${i}`,
      };
    }),
    (b) => p.position.createMany({ data: b }),
  );
  await inBatches(
    Array.from({ length: YEAR.events }, (_, i) => {
      const t = at();
      return {
        id: `ev${i}`, year: 2024, title: `CBM event ${i + 1}`, organisers: [pick(members).code, pick(members).code].join("|"), areaId: pick(areas).id,
        status: "proposed", late: t > new Date("2023-10-01T00:00:00Z"), submittedAt: t, submittedBy: `U${pick(members).code}`,
      };
    }),
    (b) => p.cbmEvent.createMany({ data: b }),
  );
  // Offers of coordination (and positions on them), nominations, and silence procedures: the digest reads all three.
  const offers = Array.from({ length: YEAR.offers }, (_, i) => {
    const t = at();
    return { id: `of${i}`, areaId: pick(areas).id, stateCode: pick(members).code, role: pick(["coordinator", "co_coordinator"] as const), tenure: "2024-2025", submittedOn: day(t), status: pick(["pending", "pending", "approved", "rejected"] as const), decidedOn: null, decision: null };
  });
  await inBatches(offers, (b) => p.offer.createMany({ data: b }));
  await inBatches(
    Array.from({ length: YEAR.offers * 3 }, (_, i) => {
      const t = at();
      const s = pick(members);
      return { stateCode: s.code, stance: pick(["support", "objection", "needs_more_time"] as const), targetType: "offer", targetRef: pick(offers).id, paragraphRef: null, reason: "", createdAt: t, withdrawnAt: null, withdrawnBy: null, platform: "slack", userId: `U${s.code}`, requestKey: `year-o-${i}` };
    }),
    (b) => p.position.createMany({ data: b }),
  );
  await inBatches(
    Array.from({ length: YEAR.nominations }, (_, i) => ({ id: `nom${i}`, post: `Post ${i % 12}`, candidate: `Candidate ${i}`, nominatedBy: pick(members).code, nominatedOn: day(at()), status: pick(["under_consultation", "under_consultation", "approved", "withdrawn"] as const) })),
    (b) => p.nomination.createMany({ data: b }),
  );
  await inBatches(
    Array.from({ length: YEAR.silences }, (_, i) => {
      const start = at();
      const d = pick(docs);
      const outcome = pick(["running", "concluded", "broken"] as const);
      return {
        id: `sil${i}`, subject: `Silence on ${d.symbol} (${i})`, subjectRu: null, targetType: "document", targetRef: d.symbol, startsOn: day(start), expiresOn: day(new Date(start.getTime() + 10 * 86_400_000)), outcome,
        brokenBy: outcome === "broken" ? pick(members).code : null, brokenAt: outcome === "broken" ? new Date(start.getTime() + 3 * 86_400_000) : null, concludedAt: outcome === "concluded" ? new Date(start.getTime() + 11 * 86_400_000) : null,
      };
    }),
    (b) => p.silenceProcedure.createMany({ data: b }),
  );
  // Positions on nominations (support, reservations) and on silence procedures (the objections that break them).
  await inBatches(
    [
      ...Array.from({ length: YEAR.nominations * 2 }, (_, i) => ({ targetType: "nomination", targetRef: `nom${Math.floor(r() * YEAR.nominations)}`, stance: pick(["support", "reservation", "needs_more_time"] as const), key: `year-n-${i}` })),
      ...Array.from({ length: YEAR.silences }, (_, i) => ({ targetType: "silence", targetRef: `sil${i}`, stance: "objection" as const, key: `year-s-${i}` })),
    ].map(({ key, ...x }) => {
      const s = pick(members);
      return { ...x, stateCode: s.code, paragraphRef: null, reason: "", createdAt: at(), withdrawnAt: null, withdrawnBy: null, platform: "slack", userId: `U${s.code}`, requestKey: key };
    }),
    (b) => p.position.createMany({ data: b }),
  );
  return { rows: states.length + docs.length + paras.length + YEAR.comments + YEAR.objections + YEAR.events + YEAR.offers * 4 + YEAR.nominations * 3 + YEAR.silences * 2 };
}
