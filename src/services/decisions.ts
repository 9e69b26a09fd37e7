import type { Ctx } from "./context.ts";
import { UserError, sees } from "./context.ts";
import { matterOfTarget } from "../policy/matters.ts";
import { reply, type Reply } from "./reply.ts";
import { targetDescriber, longDate } from "./describe.ts";
import { decisionLine, resolveDecisionTarget } from "./decide.ts";
import { isDecisionSymbol } from "../domain/cycle.ts";
import type { DecisionRow } from "../db/cycle.ts";

/** Offers and nominations are restricted matters (seeds/001 item 10): observers see decisions on documents and appointments only. */
// A decision is public (the "decision" row) unless its target is itself a restricted matter; decisions on documents
// are shown with the document's own visibility decided by resolveDocument.
const visible = (ctx: Ctx, d: DecisionRow) => {
  const m = d.targetType === "document" ? "decision" : matterOfTarget(d.targetType);
  return sees(ctx, m);
};

/**
 * `/decisions [year|target|symbol]` and `/drafts <decision symbol>`: what was decided, with dates and sources —
 * decisions recorded by /decide, and appointments imported from the seeds that name their decision.
 */
export async function listDecisions(ctx: Ctx, query?: string): Promise<Reply> {
  const q = query?.trim() ?? "";
  const [d, appointments] = await Promise.all([targetDescriber(ctx), ctx.repos.coordination.appointments()]);
  let rows: DecisionRow[];
  let imported = appointments.filter((a) => a.decision && !a.offerId);
  if (!q) rows = await ctx.repos.cycle.decisions();
  else if (/^\d{4}$/.test(q)) {
    rows = await ctx.repos.cycle.decisions({ year: q });
    imported = imported.filter((a) => a.decision!.includes(`/${q}`));
  } else if (isDecisionSymbol(q)) {
    const symbol = q.toUpperCase().replace(/REV\./, "Rev.");
    rows = (await ctx.repos.cycle.decisions()).filter((x) => x.symbol?.toUpperCase() === q.toUpperCase());
    imported = imported.filter((a) => a.decision!.toUpperCase() === q.toUpperCase());
    if (!rows.length && !imported.length) throw new UserError("cy_decision_not_found", { query: symbol }, (await ctx.repos.cycle.decisionSymbols()).slice(0, 8));
  } else {
    const r = await resolveDecisionTarget(ctx, q);
    rows = await ctx.repos.cycle.decisions({ targetType: r.kind, targetRef: r.ref });
    imported = r.kind === "appointment" ? imported.filter((a) => a.id === r.ref) : [];
  }
  rows = rows.filter((x) => visible(ctx, x));
  const items = rows.map((x) => {
    const what = x.targetType === "appointment" ? ctx.t("cy_appointment_of", { id: x.targetRef }) : d.target(x.targetType, x.targetRef, null);
    return decisionLine(ctx, x, what) + (x.override ? ` ⚠ ${ctx.t("cy_override_note", { reason: x.override })}` : "");
  });
  const role = (r: string) => ctx.t(r === "coordinator" ? "role_coordinator" : "role_co_coordinator");
  for (const a of imported)
    items.push(`${a.decision} · ${ctx.t("cy_appointed_line", { state: d.n.state(a.stateCode), role: role(a.role), area: d.n.area(a.areaId), tenure: a.tenure ?? (a.fromDate ? longDate(ctx, a.fromDate) : "—") })} — ${a.source}`);
  if (!items.length) return reply(ctx.t("cy_no_decisions", { query: q || "—" }), [], { status: "info" });
  return reply(ctx.t("cy_decisions", { count: items.length, query: q || ctx.t("cy_all") }), [{ type: "list", items }]);
}
