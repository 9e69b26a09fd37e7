import type { Ctx } from "./context.ts";
import { UserError, author, today } from "./context.ts";
import { reply, type Reply } from "./reply.ts";
import { rankAreas, resolveOffer } from "./resolve.ts";
import { namer } from "./names.ts";
import { checkTenure } from "../domain/rules.ts";
import { appointmentInForce } from "../domain/cycle.ts";
import { isUniqueViolation } from "../db/repos.ts";
import type { AreaRow, OfferRow } from "../domain/types.ts";

export type OfferRole = "coordinator" | "co_coordinator";
export type OfferInput = { area: string; role: OfferRole; tenure?: string; note: string };

export async function resolveArea(ctx: Ctx, query: string): Promise<AreaRow> {
  const { areas } = await ctx.repos.refData();
  const byId = areas.find((a) => a.id === query.trim().toLowerCase());
  if (byId) return byId;
  const ranked = rankAreas(areas, query);
  const top = ranked[0];
  if (top && top.score >= 50 && (ranked[1]?.score ?? 0) < top.score) return top.area;
  const n = await namer(ctx);
  throw new UserError("area_not_found", { query }, (ranked.length ? ranked.map((x) => x.area) : areas).slice(0, 5).map((a) => n.area(a.id)));
}

const roleLabel = (ctx: Ctx, role: string) => ctx.t(role === "coordinator" ? "role_coordinator" : "role_co_coordinator");

function offerReply(ctx: Ctx, o: OfferRow, n: Awaited<ReturnType<typeof namer>>, notes: string[], already: boolean): Reply {
  const line = ctx.t("cy_offer_line", { id: o.id, state: n.state(o.stateCode), role: roleLabel(ctx, o.role), area: n.area(o.areaId), tenure: o.tenure ?? "—" });
  return reply(ctx.t(already ? "cy_offer_already" : "cy_offer_filed", { id: o.id }), [
    { type: "text", text: line },
    ...notes.map((text) => ({ type: "context" as const, text })),
    { type: "context", text: ctx.t("cy_offer_next", { id: o.id }) },
  ], { status: already ? "info" : "ok" });
}

/** `/offer <area> as coordinator|co-coordinator [for YYYY-YYYY] [note]`: for the acting delegation only. */
export async function fileOffer(ctx: Ctx, input: OfferInput): Promise<Reply> {
  const state = ctx.actor.stateCode;
  if (!state) throw new UserError("needs_delegation");
  const n = await namer(ctx);
  if (ctx.requestKey) {
    const again = await ctx.repos.cycle.offerByKey(ctx.requestKey);
    if (again) return offerReply(ctx, again, n, [], true);
  }
  const area = await resolveArea(ctx, input.area);
  const day = today(ctx);
  const [offers, appointments] = await Promise.all([ctx.repos.coordination.offers(), ctx.repos.coordination.appointments()]);
  const same = offers.find((o) => o.stateCode === state && o.areaId === area.id && o.role === input.role && o.status === "pending");
  if (same) return offerReply(ctx, same, n, [], true);

  const notes: string[] = [];
  const { tenure: rule, oneCoordinator } = ctx.settings.forum.rules;
  if (input.tenure) {
    const c = checkTenure(input.tenure, rule);
    if (!c.ok) notes.push(`⚠ ${ctx.t("cy_tenure_warning", { tenure: input.tenure, min: rule.minYears, max: rule.maxYears, source: rule.source, quote: rule.quote[ctx.lang] })}`);
  } else notes.push(ctx.t("cy_tenure_missing", { source: rule.source }));
  if (input.role === "coordinator") {
    const holder = appointments.find((a) => a.areaId === area.id && a.role === "coordinator" && a.stateCode !== state && appointmentInForce(a, day));
    const rival = offers.find((o) => o.areaId === area.id && o.role === "coordinator" && o.status === "pending" && o.stateCode !== state);
    if (holder || rival) notes.push(ctx.t("cy_second_coordinator", { state: n.state((holder ?? rival)!.stateCode), source: oneCoordinator.source }));
  }
  const base = `${state.toLowerCase()}-${area.id}`;
  const taken = new Set(await ctx.repos.cycle.offerIds(base));
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  const now = ctx.clock();
  let created: OfferRow;
  try {
    created = await ctx.repos.write(author(ctx), async (tx) => {
      const row = await ctx.repos.cycle.createOffer(tx, {
        id, areaId: area.id, stateCode: state, role: input.role, tenure: input.tenure ?? null, submittedOn: day, note: input.note,
        createdAt: now, platform: ctx.actor.platform, userId: ctx.actor.userId, requestKey: ctx.requestKey ?? null,
      });
      return { result: row as OfferRow, audit: [{ action: "file_offer", entity: "offer", entityId: id, details: { area: area.id, role: input.role, tenure: input.tenure ?? null, notes } }] };
    }, now);
  } catch (e) {
    if (ctx.requestKey && isUniqueViolation(e)) {
      const again = await ctx.repos.cycle.offerByKey(ctx.requestKey);
      if (again) return offerReply(ctx, again, n, [], true);
    }
    throw e;
  }
  ctx.repos.invalidate();
  if (input.note) notes.unshift(`“${input.note}”`);
  return offerReply(ctx, created, n, notes, false);
}

/** `/offer withdraw <offer>`: a pending offer of the acting delegation; the row and its history stay. */
export async function withdrawOffer(ctx: Ctx, query: string): Promise<Reply> {
  const state = ctx.actor.stateCode;
  if (!state) throw new UserError("needs_delegation");
  const o = await resolveOffer(ctx, query);
  if (o.stateCode !== state) throw new UserError("cy_offer_not_yours", { id: o.id });
  const n = await namer(ctx);
  if (o.status !== "pending") return reply(ctx.t("cy_offer_not_pending", { id: o.id, status: ctx.t(`offer_status_${o.status}` as never) }), [], { status: "info" });
  const now = ctx.clock();
  const changed = await ctx.repos.write(author(ctx), async (tx) => {
    const r = await ctx.repos.cycle.withdrawOffer(tx, o.id, now);
    return { result: r.count, audit: r.count ? [{ action: "withdraw_offer", entity: "offer", entityId: o.id }] : [] };
  }, now);
  ctx.repos.invalidate();
  if (!changed) return reply(ctx.t("cy_offer_not_pending", { id: o.id, status: ctx.t("offer_status_withdrawn") }), [], { status: "info" });
  return reply(ctx.t("cy_offer_withdrawn", { id: o.id }), [{ type: "text", text: ctx.t("cy_offer_line", { id: o.id, state: n.state(o.stateCode), role: roleLabel(ctx, o.role), area: n.area(o.areaId), tenure: o.tenure ?? "—" }) }]);
}
