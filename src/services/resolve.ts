import type { Ctx } from "./context.ts";
import { UserError, requireSee, sees, today } from "./context.ts";
import { matterOfTarget } from "../policy/matters.ts";
import { matchScore, normalise } from "../domain/text.ts";
import type { AreaRow, DocumentRow, NominationRow, OfferRow, ParagraphRow, SilenceRow, StateRow } from "../domain/types.ts";

const withoutRev = (symbol: string) => symbol.replace(/\/Rev\.\d+$/i, "");

/** States by ISO code or any name or alias ("Türkiye", "Turkey", "ROK", "Viet Nam", "Россия"). */
export async function resolveState(ctx: Ctx, query: string): Promise<StateRow> {
  const { states } = await ctx.repos.refData();
  const q = normalise(query);
  const exact = states.find((s) => s.code.toLowerCase() === q || s.aliases.includes(q));
  if (exact) return exact;
  const scored = states
    .map((s) => ({ s, score: Math.max(...[s.nameEn, s.nameRu, ...s.aliases].map((n) => matchScore(query, n))) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (best && best.score >= 50 && (scored[1]?.score ?? 0) < best.score) return best.s;
  throw new UserError("state_not_found", { query }, scored.slice(0, 3).map((x) => `${x.s.nameEn} (${x.s.code})`));
}

export async function findStateExact(ctx: Ctx, query: string): Promise<StateRow | undefined> {
  const { states } = await ctx.repos.refData();
  const q = normalise(query);
  return states.find((s) => s.code.toLowerCase() === q || s.aliases.includes(q));
}

export async function visibleDocuments(ctx: Ctx): Promise<DocumentRow[]> {
  const { documents } = await ctx.repos.refData();
  // A document dated after today has not been issued yet (a replayed NOW).
  const day = today(ctx);
  const issued = documents.filter((d) => !d.date || d.date <= day);
  return sees(ctx, "negotiation_text") ? issued : issued.filter((d) => !d.restricted);
}

/** A document by symbol, unique suffix ("DRAFT/4") or words of its title ("volunteerism"). */
export async function resolveDocument(ctx: Ctx, query: string): Promise<DocumentRow> {
  const docs = await visibleDocuments(ctx);
  const q = query.trim().toUpperCase().replace(/\s+/g, "");
  const exact = docs.find((d) => d.symbol.toUpperCase() === q);
  if (exact) return exact;
  const bySuffix = docs.filter((d) => [d.symbol, withoutRev(d.symbol)].some((s) => s.toUpperCase().endsWith(`/${q}`) || withoutRev(s).toUpperCase() === q));
  if (bySuffix.length === 1) return bySuffix[0]!;
  if (bySuffix.length > 1) throw new UserError("doc_ambiguous", { query }, bySuffix.map((d) => `${d.symbol} — ${d.title}`));
  const words = normalise(query).split(" ").filter((w) => w.length >= 3);
  if (words.length) {
    const byTitle = docs.filter((d) => {
      const tw = normalise(`${d.title} ${d.titleRu ?? ""}`).split(/[^\p{L}\p{N}]+/u);
      return words.every((w) => tw.some((t) => t.startsWith(w)));
    });
    if (byTitle.length === 1) return byTitle[0]!;
    if (byTitle.length > 1) throw new UserError("doc_ambiguous", { query }, byTitle.map((d) => `${d.symbol} — ${d.title}`));
  }
  const near = docs
    .map((d) => ({ d, score: Math.max(matchScore(query, d.symbol), matchScore(query, withoutRev(d.symbol).split("/").slice(-2).join("/")), matchScore(query, d.title)) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  const suggestions = (near.length ? near.map((x) => x.d) : docs).slice(0, 3).map((d) => `${d.symbol} — ${d.title}`);
  throw new UserError("doc_not_found", { query }, suggestions);
}

/** Paragraph references as delegates type them: "1.10", "para 11", "OP11", "PP2", "11alt". */
export function normaliseParaRef(ref: string): string {
  let r = normalise(ref).replace(/^(para(graph)?|п\.?|пункт|op)\s*/, "").replace(/\s+/g, "").replace(/\.$/, "");
  r = r.replace(/alt(ern?)?$/, "altern");
  return r;
}

export async function resolveParagraph(ctx: Ctx, doc: DocumentRow, ref: string): Promise<ParagraphRow> {
  const paras = await ctx.repos.documents.paragraphs(doc.id);
  const want = normaliseParaRef(ref);
  const hit = paras.find((p) => normaliseParaRef(p.ref) === want);
  if (hit) return hit;
  const near = paras.filter((p) => normaliseParaRef(p.ref).startsWith(want.split(".")[0] ?? want)).slice(0, 6);
  throw new UserError("para_not_found", { ref, document: doc.symbol }, (near.length ? near : paras.slice(0, 6)).map((p) => p.ref));
}

export function rankAreas(areas: AreaRow[], query: string): { area: AreaRow; score: number }[] {
  return areas
    .map((area) => ({
      area,
      score: Math.max(
        matchScore(query, area.nameEn),
        matchScore(query, area.nameRu),
        matchScore(query, area.id.replace(/-/g, " ")),
        ...area.aliases.split("|").filter(Boolean).map((a) => matchScore(query, a) + (normalise(query) === a ? 10 : 0)),
      ),
    }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
}

export type Target =
  | { type: "document"; doc: DocumentRow; paragraph?: ParagraphRow }
  | { type: "offer"; offer: OfferRow }
  | { type: "nomination"; nomination: NominationRow }
  | { type: "silence"; silence: SilenceRow };

const TYPED = /^(offer|nomination|nom|silence|sp|doc|document):(.*)$/i;
const KINDS = new Map<string, Target["type"]>(Object.entries({ offer: "offer", nomination: "nomination", nom: "nomination", silence: "silence", sp: "silence", doc: "document", document: "document" }));

/** Splits "offer:IRQ", "offer IRQ" or a bare document name into a kind and a reference. */
export function splitTarget(words: string[]): { kind: Target["type"]; ref: string; used: number } | undefined {
  const first = words[0];
  if (!first) return undefined;
  const typed = TYPED.exec(first);
  if (typed) {
    if (typed[2]) return { kind: KINDS.get(typed[1]!.toLowerCase())!, ref: typed[2], used: 1 };
    if (words[1]) return { kind: KINDS.get(typed[1]!.toLowerCase())!, ref: words[1], used: 2 };
    return undefined;
  }
  const kind = KINDS.get(first.toLowerCase());
  if (kind && words[1]) return { kind, ref: words[1], used: 2 };
  return { kind: "document", ref: first, used: 1 };
}

export async function resolveTarget(ctx: Ctx, kind: Target["type"], ref: string, para?: string): Promise<Target> {
  if (kind !== "document") requireSee(ctx, matterOfTarget(kind));
  switch (kind) {
    case "document": {
      const doc = await resolveDocument(ctx, ref);
      return para ? { type: "document", doc, paragraph: await resolveParagraph(ctx, doc, para) } : { type: "document", doc };
    }
    case "offer":
      return { type: "offer", offer: await resolveOffer(ctx, ref) };
    case "nomination":
      return { type: "nomination", nomination: await resolveNomination(ctx, ref) };
    case "silence":
      return { type: "silence", silence: await resolveSilence(ctx, ref) };
  }
}

/** An offer by id, by the offering state ("IRQ", "Iraq") or "state/area words" ("ISR/sustainable"). */
export async function resolveOffer(ctx: Ctx, query: string): Promise<OfferRow> {
  const offers = await ctx.repos.coordination.offers();
  const byId = offers.find((o) => o.id === query.toLowerCase());
  if (byId) return byId;
  const [who, ...areaWords] = query.split(/[/:]/);
  const ref = await ctx.repos.refData();
  const state = who ? await findStateExact(ctx, who) : undefined;
  let candidates = state ? offers.filter((o) => o.stateCode === state.code) : offers;
  if (areaWords.length) {
    const ranked = new Set(rankAreas(ref.areas, areaWords.join(" ")).filter((x) => x.score >= 50).map((x) => x.area.id));
    candidates = candidates.filter((o) => ranked.has(o.areaId));
  } else if (!state) {
    const ranked = new Set(rankAreas(ref.areas, query).filter((x) => x.score >= 50).map((x) => x.area.id));
    candidates = offers.filter((o) => ranked.has(o.areaId));
  }
  const pending = candidates.filter((o) => o.status === "pending");
  if (candidates.length === 1) return candidates[0]!;
  if (pending.length === 1) return pending[0]!;
  const list = (candidates.length ? candidates : offers.filter((o) => o.status === "pending")).map((o) => `offer:${o.id}`);
  throw new UserError(candidates.length ? "offer_ambiguous" : "offer_not_found", { query }, list.slice(0, 8));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The forum's acronym (either language) as a whole word, as it opens a post's name ("… Deputy Secretary General"). */
const ownName = (a: { en: string; ru: string }) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${escape(a.en)}|${escape(a.ru)})(?![\\p{L}\\p{N}])`, "gu");

export async function resolveNomination(ctx: Ctx, query: string): Promise<NominationRow> {
  const all = await ctx.repos.nominations.all();
  const byId = all.find((n) => n.id === query.toLowerCase());
  if (byId) return byId;
  const q = query.toUpperCase();
  // "DSG" names the Deputy Secretary General: acronyms drop the forum's own name (its acronym).
  const own = ownName(ctx.settings.forum.acronym);
  const hits = all.filter(
    (n) => matchScore(query, `${n.post} ${n.candidate}`) >= 50 || acronym(n.post.replace(own, "")) === q || acronym(n.post) === q ||
      n.id.split("-").includes(query.toLowerCase()) || matchScore(query, n.candidate) >= 50,
  );
  if (hits.length === 1) return hits[0]!;
  throw new UserError(hits.length ? "nomination_ambiguous" : "nomination_not_found", { query }, (hits.length ? hits : all).map((n) => `nomination:${n.id} — ${n.post}: ${n.candidate}`));
}

export async function resolveSilence(ctx: Ctx, query: string): Promise<SilenceRow> {
  const all = await ctx.repos.silence.all();
  const q = query.toLowerCase();
  const byId = all.find((s) => s.id === q || s.targetRef?.toLowerCase() === q);
  if (byId) return byId;
  const hits = all.filter((s) => matchScore(query, s.subject) >= 50 || (s.targetRef && s.targetRef.toLowerCase().endsWith(`/${q}`)));
  const running = hits.filter((s) => s.outcome === "running");
  if (hits.length === 1) return hits[0]!;
  if (running.length === 1) return running[0]!;
  throw new UserError(hits.length ? "silence_ambiguous" : "silence_not_found", { query }, (hits.length ? hits : all).map((s) => `silence:${s.id} — ${s.subject}`));
}

const acronym = (s: string) =>
  s.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join("").toUpperCase();

/** How a target is written in replies, e.g. "MC/2023/DRAFT/4 para 1.10" or "offer of Iraq (co-coordinator, Combating terrorism)". */
export function targetRef(t: Target): { targetType: string; targetRef: string; paragraphRef: string | null } {
  switch (t.type) {
    case "document":
      return { targetType: t.paragraph ? "paragraph" : "document", targetRef: t.doc.symbol, paragraphRef: t.paragraph?.ref ?? null };
    case "offer":
      return { targetType: "offer", targetRef: t.offer.id, paragraphRef: null };
    case "nomination":
      return { targetType: "nomination", targetRef: t.nomination.id, paragraphRef: null };
    case "silence":
      return { targetType: "silence", targetRef: t.silence.id, paragraphRef: null };
  }
}
