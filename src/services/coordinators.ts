import type { Ctx } from "./context.ts";
import { UserError, seesRestricted, today } from "./context.ts";
import { reply, type Block, type Reply } from "./reply.ts";
import { findStateExact, rankAreas } from "./resolve.ts";
import { longDate, stanceLabel } from "./describe.ts";
import { namer, type Namer } from "./names.ts";
import type { AppointmentRow, AreaRow, OfferRow, PositionRow } from "../domain/types.ts";
import { matchScore } from "../domain/text.ts";

type Board = {
  n: Namer;
  appointments: AppointmentRow[];
  offers: OfferRow[];
  positions: Map<string, PositionRow[]>;
  day: string;
};

async function board(ctx: Ctx): Promise<Board> {
  const [n, appointments, offers] = await Promise.all([namer(ctx), ctx.repos.coordination.appointments(), ctx.repos.coordination.offers()]);
  const pending = offers.filter((o) => o.status === "pending");
  const positions = new Map<string, PositionRow[]>();
  if (seesRestricted(ctx))
    for (const p of await ctx.repos.positions.onTargets("offer", pending.map((o) => o.id))) positions.set(p.targetRef, [...(positions.get(p.targetRef) ?? []), p]);
  return { n, appointments, offers, positions, day: today(ctx) };
}

/** Current and upcoming appointments; ones whose tenure has ended are history. */
const live = (a: AppointmentRow, day: string) => !a.untilDate || a.untilDate >= day;

/**
 * One line per state and role. A dated term (a renewal by SOC decision) supersedes an open-ended record of
 * the same state, area and role: once that term ends, the older record must not make the state current again.
 */
function current(list: AppointmentRow[], day: string): AppointmentRow[] {
  const key = (a: AppointmentRow) => `${a.areaId}|${a.stateCode}|${a.role}`;
  const dated = (a: AppointmentRow) => !!(a.fromDate || a.untilDate);
  const renewed = new Set(list.filter(dated).map(key));
  const byKey = new Map<string, AppointmentRow>();
  for (const a of list.filter((x) => live(x, day) && (dated(x) || !renewed.has(key(x))))) if (!byKey.has(key(a))) byKey.set(key(a), a);
  return [...byKey.values()];
}

function tenureText(ctx: Ctx, a: { tenure: string | null; fromDate?: string | null; untilDate?: string | null }, day: string): string {
  const parts: string[] = [];
  if (a.tenure) parts.push(a.tenure);
  else if (a.fromDate || a.untilDate) parts.push(`${a.fromDate ? longDate(ctx, a.fromDate) : "…"} – ${a.untilDate ? longDate(ctx, a.untilDate) : "…"}`);
  if (a.fromDate && a.fromDate > day) parts.push(ctx.t("starts_on", { date: longDate(ctx, a.fromDate) }));
  return parts.length ? ` (${parts.join(", ")})` : "";
}

function areaBlocks(ctx: Ctx, b: Board, area: AreaRow, detailed: boolean): Block[] {
  const here = current(b.appointments.filter((a) => a.areaId === area.id), b.day);
  const coord = here.filter((a) => a.role === "coordinator");
  const co = here.filter((a) => a.role === "co_coordinator");
  const fields = [
    { label: ctx.t("role_coordinator"), value: coord.length ? coord.map((a) => b.n.state(a.stateCode) + tenureText(ctx, a, b.day)).join("; ") : ctx.t("vacant") },
    { label: ctx.t("role_co_coordinators"), value: co.length ? co.map((a) => b.n.state(a.stateCode) + tenureText(ctx, a, b.day)).join("; ") : "—" },
  ];
  const blocks: Block[] = [{ type: "header", text: `${b.n.area(area.id)} · ${b.n.dimension(area.dimensionId)}` }, { type: "fields", fields }];
  if (detailed) {
    fields.push({ label: ctx.t("concept_paper"), value: ctx.t(`cp_${area.conceptPaperStatus}` as never) + (area.conceptPaperAsOf ? ` (${longDate(ctx, area.conceptPaperAsOf)})` : "") });
    const decisions = [...new Set(here.map((a) => a.decision).filter(Boolean))];
    if (decisions.length) blocks.push({ type: "context", text: ctx.t("decided_by", { decisions: decisions.join(", ") }) });
  }
  if (seesRestricted(ctx)) {
    const pending = b.offers.filter((o) => o.areaId === area.id && o.status === "pending");
    for (const o of pending) {
      const ps = b.positions.get(o.id) ?? [];
      const by = (stances: string[]) => ps.filter((p) => stances.includes(p.stance)).map((p) => b.n.state(p.stateCode));
      const sup = by(["support"]);
      const obj = by(["objection", "reservation"]);
      const more = by(["needs_more_time"]);
      const line = [
        ctx.t("pending_offer", { state: b.n.state(o.stateCode), role: ctx.t(o.role === "coordinator" ? "role_coordinator" : "role_co_coordinator"), id: o.id }) + (o.tenure ? ` (${o.tenure})` : ""),
        sup.length ? `${ctx.t("supported_by")}: ${sup.join(", ")}` : "",
        obj.length ? `${ctx.t("objected_by")}: ${obj.join(", ")}` : "",
        more.length ? `${stanceLabel(ctx, "needs_more_time")}: ${more.join(", ")}` : "",
      ].filter(Boolean);
      blocks.push(detailed ? { type: "list", items: line } : { type: "context", text: line.join(" · ") });
    }
  }
  return blocks;
}

/** Fuzzy lookup by priority area ("ICT", "terror") or by state ("Bangladesh"); no query lists every area. */
export async function findCoordinators(ctx: Ctx, query?: string): Promise<Reply> {
  const b = await board(ctx);
  const { areas, dimensions } = b.n.ref;
  if (!query?.trim()) {
    const blocks: Block[] = [];
    for (const d of dimensions)
      for (const a of areas.filter((x) => x.dimensionId === d.id)) blocks.push(...areaBlocks(ctx, b, a, false));
    const vacant = areas.filter((a) => !b.appointments.some((x) => x.areaId === a.id && x.role === "coordinator" && live(x, b.day))).length;
    return reply(ctx.t("coordinators_all", { areas: areas.length, vacant }), blocks);
  }
  const state = await findStateExact(ctx, query);
  const ranked = rankAreas(areas, query);
  if (state && !(ranked[0] && ranked[0].score >= 100)) return stateView(ctx, b, state.code);
  const top = ranked[0];
  if (top && top.score >= 50) {
    const best = ranked.filter((x) => x.score === top.score).slice(0, 5);
    const blocks = best.flatMap((x) => areaBlocks(ctx, b, x.area, true));
    return reply(best.length === 1 ? ctx.t("coordinators_for", { area: b.n.area(top.area.id) }) : ctx.t("coordinators_several", { count: best.length }), blocks);
  }
  const nearStates = b.n.ref.states
    .map((s) => ({ s, score: Math.max(...[s.nameEn, s.nameRu, ...s.aliases].map((x) => matchScore(query, x))) }))
    .filter((x) => x.score >= 20)
    .sort((x, y) => y.score - x.score);
  // A near miss ("Bangldesh") is accepted when one state stands out and no area comes close.
  const clear = nearStates[0] && (nearStates[1]?.score ?? 0) < nearStates[0].score && !(ranked[0] && ranked[0].score >= nearStates[0].score);
  if (nearStates[0] && (nearStates[0].score >= 50 || clear)) return stateView(ctx, b, nearStates[0].s.code);
  const suggestions = [...ranked.slice(0, 3).map((x) => b.n.area(x.area.id)), ...nearStates.slice(0, 2).map((x) => b.n.state(x.s.code))];
  throw new UserError("area_not_found", { query }, suggestions.length ? suggestions : areas.slice(0, 5).map((a) => b.n.area(a.id)));
}

function stateView(ctx: Ctx, b: Board, code: string): Reply {
  const mine = current(b.appointments.filter((a) => a.stateCode === code), b.day);
  const items = mine.map((a) => `${ctx.t(a.role === "coordinator" ? "role_coordinator" : "role_co_coordinator")}: ${b.n.area(a.areaId)}${tenureText(ctx, a, b.day)}`);
  if (seesRestricted(ctx))
    for (const o of b.offers.filter((x) => x.stateCode === code && x.status === "pending"))
      items.push(ctx.t("pending_offer_line", { role: ctx.t(o.role === "coordinator" ? "role_coordinator" : "role_co_coordinator"), area: b.n.area(o.areaId), id: o.id }));
  if (!items.length) return reply(ctx.t("state_coordinates_nothing", { state: b.n.state(code) }), [], { status: "info" });
  return reply(ctx.t("state_coordinates", { state: b.n.state(code) }), [{ type: "list", items }]);
}
