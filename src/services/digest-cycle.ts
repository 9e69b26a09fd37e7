/**
 * The Chair's digest sections for the consultation cycle (issue 11): offers filed or withdrawn, documents and
 * revisions circulated, decisions recorded — overrides of standing objections called out. Kept apart from
 * digest.ts so its queries can be tuned on their own; each is one indexed range query.
 */
import type { Ctx } from "./context.ts";
import type { DigestSection } from "./digest.ts";
import { longDate } from "./describe.ts";
import { decisionLine } from "./decide.ts";
import type { targetDescriber } from "./describe.ts";

type Describer = Awaited<ReturnType<typeof targetDescriber>>;

export async function cycleSections(ctx: Ctx, since: Date, until: Date, d: Describer): Promise<DigestSection[]> {
  const t = ctx.t;
  const inWindow = (x: Date | null) => !!x && x >= since && x < until;
  const [offers, docs, decisions] = await Promise.all([
    ctx.repos.cycle.offersBetween(since, until),
    ctx.repos.cycle.circulatedBetween(since, until),
    ctx.repos.cycle.decisionsBetween(since, until),
  ]);
  const out: DigestSection[] = [];
  const role = (r: string) => t(r === "coordinator" ? "role_coordinator" : "role_co_coordinator");
  const offerItems: string[] = [];
  for (const o of offers) {
    if (inWindow(o.createdAt)) offerItems.push(`${t("dg_cycle_offer_new", { state: d.n.state(o.stateCode), role: role(o.role), area: d.n.area(o.areaId), tenure: o.tenure ?? "—" })} (offer:${o.id})`);
    if (inWindow(o.withdrawnAt)) offerItems.push(t("dg_cycle_offer_withdrawn", { state: d.n.state(o.stateCode), area: d.n.area(o.areaId) }));
  }
  if (offerItems.length) out.push({ key: "cycle_offers", title: t("dg_cycle_offers"), items: offerItems });
  if (docs.length)
    out.push({
      key: "cycle_documents",
      title: t("dg_cycle_documents"),
      items: docs.map((x) => {
        const due = x.commentsDue ? t("dg_cycle_due", { date: longDate(ctx, x.commentsDue) }) : "";
        return x.revisionOf ? t("dg_cycle_revision", { symbol: x.symbol, previous: x.revisionOf, due }) : t("dg_cycle_document", { symbol: x.symbol, title: x.title, due });
      }),
    });
  if (decisions.length) {
    const items: string[] = [];
    for (const x of decisions) {
      const what = x.targetType === "appointment" ? t("cy_appointment_of", { id: x.targetRef }) : d.target(x.targetType, x.targetRef, null);
      items.push(decisionLine(ctx, x, what));
      if (x.override) {
        const held = (JSON.parse(x.overridden || "[]") as { state: string; stance: string }[]).map((p) => d.n.state(p.state)).join(", ");
        items.push(`   ${t("dg_cycle_override", { who: held, reason: x.override })}`);
      }
    }
    out.push({ key: "cycle_decisions", title: t("dg_cycle_decisions"), items });
  }
  return out;
}
