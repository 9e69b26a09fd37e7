import type { Ctx } from "./context.ts";
import { UserError, sees, seesParagraph } from "./context.ts";
import { namer } from "./names.ts";
import { rankAreas, resolveDocument } from "./resolve.ts";
import { targetDescriber, stanceLabel } from "./describe.ts";
import type { Suggest } from "../core/command.ts";
import { matchScore, shorten } from "../domain/text.ts";

export const MAX_SUGGESTIONS = 25;
export type Suggestion = { value: string; label: string };

const cap = (xs: Suggestion[]) => xs.slice(0, MAX_SUGGESTIONS).map((x) => ({ value: x.value.slice(0, 100), label: shorten(x.label, 100) }));

/** Autocomplete choices; reads cached reference data or capped indexed queries only. */
export async function suggest(ctx: Ctx, kind: Suggest, query: string, context: Record<string, unknown>): Promise<Suggestion[]> {
  const n = await namer(ctx);
  const q = query.trim();
  const docs = n.ref.documents.filter((d) => sees(ctx, "negotiation_text") || !d.restricted);
  const docSuggestions = () =>
    docs
      .map((d) => ({ d, score: q ? Math.max(matchScore(q, d.symbol), matchScore(q, d.title), d.symbol.toLowerCase().includes(q.toLowerCase()) ? 70 : 0) : 1 }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score)
      .map((x) => ({ value: x.d.symbol, label: `${x.d.symbol} — ${n.docTitle(x.d)}` }));
  switch (kind) {
    case "document":
      return cap(docSuggestions());
    case "paragraph": {
      const symbol = typeof context.document === "string" ? context.document : undefined;
      if (!symbol) return [];
      // A document the person is still typing is not found (a UserError): no suggestions. Anything else is a failure the desk logs.
      const doc = await resolveDocument(ctx, symbol).catch((e: unknown) => { if (e instanceof UserError) return undefined; throw e; });
      if (!doc) return [];
      const paras = await ctx.repos.documents.paragraphs(doc.id);
      return cap(paras.filter((p) => seesParagraph(ctx, p)).filter((p) => !q || p.ref.toLowerCase().startsWith(q.toLowerCase())).map((p) => ({ value: p.ref, label: `${p.ref}: ${p.text}` })));
    }
    case "area": {
      const ranked = q ? rankAreas(n.ref.areas, q).map((x) => x.area) : n.ref.areas;
      return cap(ranked.map((a) => ({ value: a.nameEn, label: `${n.area(a.id)} · ${n.dimension(a.dimensionId)}` })));
    }
    case "state": {
      const ranked = n.ref.states
        .map((s) => ({ s, score: q ? Math.max(...[s.code, s.nameEn, s.nameRu, ...s.aliases].map((x) => matchScore(q, x))) : 1 }))
        .filter((x) => x.score > 0)
        .sort((a, b) => b.score - a.score);
      return cap(ranked.map((x) => ({ value: x.s.code, label: `${n.state(x.s.code)} (${x.s.code})` })));
    }
    case "position": {
      if (!ctx.actor.stateCode) return [];
      const [open, d] = await Promise.all([ctx.repos.positions.searchOpenOf(ctx.actor.stateCode, 100), targetDescriber(ctx)]);
      return cap(
        open
          .filter((p) => !q || String(p.id).startsWith(q.replace(/^#/, "")) || d.target(p.targetType, p.targetRef, p.paragraphRef).toLowerCase().includes(q.toLowerCase()))
          .map((p) => ({ value: String(p.id), label: `#${p.id} ${stanceLabel(ctx, p.stance)}: ${d.target(p.targetType, p.targetRef, p.paragraphRef)}` })),
      );
    }
    case "target": {
      const out = docSuggestions();
      // Autocomplete is not a Reply, so it asks the policy table row by row instead of going through the filter.
      if (sees(ctx, "offer") || sees(ctx, "nomination") || sees(ctx, "silence")) {
        const [offers, noms, sil] = await Promise.all([ctx.repos.coordination.offers(), ctx.repos.nominations.all(), ctx.repos.silence.running()]);
        const more: Suggestion[] = [
          ...offers.filter((o) => sees(ctx, "offer") && o.status === "pending").map((o) => ({ value: `offer:${o.id}`, label: `${ctx.t("offer_word")}: ${n.state(o.stateCode)} — ${n.area(o.areaId)}` })),
          ...noms.filter((x) => sees(ctx, "nomination") && x.status === "under_consultation").map((x) => ({ value: `nomination:${x.id}`, label: `${ctx.t("nomination_word")}: ${x.candidate} — ${x.post}` })),
          ...sil.filter(() => sees(ctx, "silence")).map((s) => ({ value: `silence:${s.id}`, label: `${ctx.t("silence_word")}: ${s.subject}` })),
        ].filter((x) => !q || x.label.toLowerCase().includes(q.toLowerCase()) || x.value.includes(q.toLowerCase()));
        out.unshift(...more.filter((x) => q));
        out.push(...more.filter(() => !q));
      }
      return cap(out);
    }
    case "offer": {
      if (!sees(ctx, "offer")) return [];
      const offers = (await ctx.repos.coordination.offers()).filter((o) => o.status === "pending" && (ctx.actor.role !== "delegate" || o.stateCode === ctx.actor.stateCode));
      return cap(offers.map((o) => ({ value: o.id, label: `${n.state(o.stateCode)} — ${n.area(o.areaId)} (${o.id})` })).filter((x) => !q || x.label.toLowerCase().includes(q.toLowerCase())));
    }
    case "decision": {
      const symbols = await ctx.repos.cycle.decisionSymbols();
      return cap(symbols.filter((s) => !q || s.toLowerCase().includes(q.toLowerCase())).map((s) => ({ value: s, label: s })));
    }
  }
}
