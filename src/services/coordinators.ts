import type { Ctx } from "./context.ts";
import { UserError, sees, today } from "./context.ts";
import { reply, type Block, type Reply } from "./reply.ts";
import { findStateExact, rankAreas } from "./resolve.ts";
import { calendarDate } from "../domain/dates.ts";
import { longDate, stanceLabel } from "./describe.ts";
import { namer, type Namer } from "./names.ts";
import type { AppointmentRow, AreaRow, DeadlineRow, OfferRow, PositionRow } from "../domain/types.ts";
import { matchScore, normalise } from "../domain/text.ts";
import { adoptedBy, appointmentState, conceptPaperAsOf, happenedBy, offerState, termOf } from "../domain/timeline.ts";
import { decidedOnOf } from "./dated.ts";
import { conceptPaperSteps, type ConceptStep, type RuleId } from "../domain/procedures.ts";
import { modalitiesSource } from "./deadlines.ts";
import { AGAINST_STANCES } from "../domain/rules.ts";

type Board = {
  n: Namer;
  appointments: AppointmentRow[];
  offers: OfferRow[];
  positions: Map<string, PositionRow[]>;
  day: string;
  decidedOn: (a: AppointmentRow) => string | null;
  /** Every offer on record (dates of application, 2.7) and the meetings announced by the day. */
  allOffers: OfferRow[];
  meetings: DeadlineRow[];
  /** Whether the text of the modalities rules is adopted by the day (from the date of its adoption). */
  rulesAdopted: boolean;
};

async function board(ctx: Ctx): Promise<Board> {
  const [n, appointments, allOffers, dated] = await Promise.all([
    namer(ctx), ctx.repos.coordination.appointments(), ctx.repos.coordination.offers(), ctx.repos.deadlines.between("0000-01-01", undefined),
  ]);
  const day = today(ctx);
  const meetings = dated.filter((r) => r.kind === "meeting" && happenedBy(r.announcedOn, day));
  const ps = sees(ctx, "objection") ? await ctx.repos.positions.onTargets("offer", allOffers.map((o) => o.id)) : [];
  const positions = new Map<string, PositionRow[]>();
  // Only what was on record by today: positions taken later do not exist yet.
  for (const p of ps.filter((x) => calendarDate(x.createdAt, ctx.settings.timeZone) <= day)) positions.set(p.targetRef, [...(positions.get(p.targetRef) ?? []), p]);
  // An offer exists from its submission (or its first dated position); it is pending until the decision's date.
  const offers = allOffers.flatMap((o) => {
    const st = offerState(o, day, earliest(ps, o.id, ctx));
    return st === "not_yet" ? [] : [{ ...o, status: st }];
  });
  return { n, appointments, offers, positions, day, decidedOn: decidedOnOf(allOffers, ctx.settings.forum.recordDates), allOffers, meetings, rulesAdopted: await rulesAdopted(ctx, n, day) };
}

/**
 * The modalities text counts as adopted from the date of the decision that adopted it (a replayed earlier day
 * still sees draft rules); a text recorded as adopted with no decision on record, from its own date.
 */
async function rulesAdopted(ctx: Ctx, n: Namer, day: string): Promise<boolean> {
  const symbol = ctx.settings.forum.rules.modalitiesDocument;
  return adoptedBy(n.ref.documents.find((d) => d.symbol === symbol), await ctx.repos.cycle.decisions({ targetType: "document", targetRef: symbol }), day);
}

const earliest = (ps: PositionRow[], id: string, ctx: Ctx) => ps.filter((p) => p.targetRef === id).map((p) => calendarDate(p.createdAt, ctx.settings.timeZone)).sort()[0];

const stateOf = (b: Board, a: AppointmentRow) => appointmentState(a, b.appointments, b.day, b.decidedOn(a));
const inForce = (b: Board, a: AppointmentRow) => stateOf(b, a) === "in_force";
const byStart = (x: AppointmentRow, y: AppointmentRow) => (termOf(x).from ?? "").localeCompare(termOf(y).from ?? "");

/** "2024-2025, from 1 January 2024": a term's tenure or dates, and its start when that is still ahead. */
function termParts(ctx: Ctx, a: AppointmentRow, day: string): string[] {
  const parts: string[] = [];
  const { from } = termOf(a);
  if (a.tenure) parts.push(a.tenure);
  else if (a.fromDate || a.untilDate) parts.push(`${a.fromDate ? longDate(ctx, a.fromDate) : "…"} – ${a.untilDate ? longDate(ctx, a.untilDate) : "…"}`);
  if (from && from > day) parts.push(ctx.t("starts_on", { date: longDate(ctx, from) }));
  return parts;
}

type Term = { a: AppointmentRow; text: string };

/**
 * The terms on the day (src/domain/timeline.ts), one entry per state and role: a term in force, with the next term
 * of the same state when one is decided ("Russian Federation (current term; next term: 2024-2025, from 1 January
 * 2024)"). An approved term counts only from its start date: a term decided to start later, with no term of that
 * state serving now, is listed apart as approved and not yet started.
 */
function terms(ctx: Ctx, b: Board, list: AppointmentRow[]): { serving: Term[]; upcoming: Term[] } {
  const serving = list.filter((a) => inForce(b, a)).sort(byStart);
  const next = list.filter((a) => stateOf(b, a) === "upcoming").sort(byStart);
  const same = (x: AppointmentRow, a: AppointmentRow) => x.stateCode === a.stateCode && x.role === a.role && x.areaId === a.areaId;
  const wrap = (parts: string[]) => (parts.length ? ` (${parts.join("; ")})` : "");
  return {
    serving: serving.map((a) => {
      const follow = next.find((x) => same(x, a));
      const own = termParts(ctx, a, b.day).join(", ");
      const parts = follow ? [own || ctx.t("term_current"), ctx.t("term_next", { tenure: termParts(ctx, follow, b.day).join(", ") })] : own ? [own] : [];
      return { a, text: wrap(parts) };
    }),
    upcoming: next.filter((x) => !serving.some((a) => same(x, a))).map((a) => ({ a, text: wrap([termParts(ctx, a, b.day).join(", ")]) })),
  };
}

const roleName = (ctx: Ctx, role: string) => ctx.t(role === "coordinator" ? "role_coordinator" : "role_co_coordinator");

function areaBlocks(ctx: Ctx, b: Board, area: AreaRow, detailed: boolean): Block[] {
  const here = b.appointments.filter((a) => a.areaId === area.id);
  const coord = terms(ctx, b, here.filter((a) => a.role === "coordinator"));
  const co = terms(ctx, b, here.filter((a) => a.role === "co_coordinator"));
  const upcoming = [...coord.upcoming, ...co.upcoming].sort((x, y) => byStart(x.a, y.a));
  const fields = [
    { label: ctx.t("role_coordinator"), value: coord.serving.length ? coord.serving.map((x) => b.n.state(x.a.stateCode) + x.text).join("; ") : vacancy(ctx, b, area) },
    { label: ctx.t("role_co_coordinators"), value: co.serving.length ? co.serving.map((x) => b.n.state(x.a.stateCode) + x.text).join("; ") : "—" },
    ...(upcoming.length ? [{ label: ctx.t("approved_not_started"), value: upcoming.map((x) => `${b.n.state(x.a.stateCode)} — ${roleName(ctx, x.a.role)}${x.text}`).join("; ") }] : []),
  ];
  const blocks: Block[] = [{ type: "header", text: `${b.n.area(area.id)} · ${b.n.dimension(area.dimensionId)}` }, { type: "fields", fields }];
  if (detailed) {
    fields.push({ label: ctx.t("concept_paper"), value: conceptPaperText(ctx, area, b.day) });
    const steps = conceptPaperSteps(area, { appointments: b.appointments, areas: [area], decidedOn: b.decidedOn, offers: b.allOffers, rules: ctx.settings.forum.rules }, b.meetings, b.day);
    if (steps.length) blocks.push({ type: "context", text: ctx.t("cp_steps") }, { type: "list", items: steps.map((s) => stepText(ctx, b, s)) });
    const decisions = [...new Set([...coord.serving, ...co.serving, ...upcoming].map((x) => x.a.decision).filter(Boolean))];
    if (decisions.length) blocks.push({ type: "context", text: ctx.t("decided_by", { decisions: decisions.join(", ") }) });
  }
  // Pending offers and the positions on them are tagged: the policy filter removes them for observers.
  {
    const pending = b.offers.filter((o) => o.areaId === area.id && o.status === "pending");
    for (const o of pending) {
      const ps = b.positions.get(o.id) ?? [];
      const by = (stances: string[]) => ps.filter((p) => stances.includes(p.stance)).map((p) => b.n.state(p.stateCode));
      const sup = by(["support"]);
      const obj = by([...AGAINST_STANCES]);
      const more = by(["needs_more_time"]);
      const line = [
        ctx.t("pending_offer", { state: b.n.state(o.stateCode), role: ctx.t(o.role === "coordinator" ? "role_coordinator" : "role_co_coordinator"), id: o.id }) + (o.tenure ? ` (${o.tenure})` : ""),
        sup.length ? `${ctx.t("supported_by")}: ${sup.join(", ")}` : "",
        obj.length ? `${ctx.t("objected_by")}: ${obj.join(", ")}` : "",
        more.length ? `${stanceLabel(ctx, "needs_more_time")}: ${more.join(", ")}` : "",
      ].filter(Boolean);
      blocks.push(detailed ? { type: "list", matter: "offer", items: line } : { type: "context", matter: "offer", text: line.join(" · ") });
    }
  }
  return blocks;
}

/** "Vacant", or that its term ended, and whether a Co-coordinator may act (MC/2023/DRAFT/4 para 1.11). */
function vacancy(ctx: Ctx, b: Board, area: AreaRow): string {
  const ended = b.appointments
    .filter((a) => a.areaId === area.id && a.role === "coordinator" && stateOf(b, a) === "ended" && termOf(a).until)
    .sort((x, y) => termOf(y).until!.localeCompare(termOf(x).until!))[0];
  const text = ended ? ctx.t("term_ended_vacant", { state: b.n.state(ended.stateCode), date: longDate(ctx, termOf(ended).until!) }) : ctx.t("vacant");
  const coActing = b.appointments.some((a) => a.areaId === area.id && a.role === "co_coordinator" && inForce(b, a));
  return coActing ? `${text}; ${ctx.t("acting_coordinator", { rule: ruleNote(ctx, b, "acting_coordinator") })}` : text;
}

/** One step of a concept paper with its date and what the date is (reported, due, expert meetings), and its rule. */
function stepText(ctx: Ctx, b: Board, s: ConceptStep): string {
  const date = longDate(ctx, s.date);
  const rule = s.rule ? ` (${ruleNote(ctx, b, s.rule)})` : "";
  const state = s.state ? b.n.state(s.state) : "";
  switch (s.kind) {
    case "reported": {
      const m = b.meetings.find((x) => x.id === s.meeting);
      const meeting = m ? ctx.t("cp_step_meeting", { meeting: ctx.lang === "ru" ? m.titleRu : m.title, date: longDate(ctx, m.due) }) : "";
      return ctx.t("cp_step_reported", { date, status: ctx.t(`cp_${s.status}` as never) }) + meeting;
    }
    case "due_at_application": return ctx.t("cp_step_at_application", { date, state }) + rule;
    case "due": return ctx.t("cp_step_due", { date, state }) + rule;
    case "expert_meetings_due": return ctx.t("cp_step_expert_meetings", { date, months: String(ctx.settings.forum.rules.expertMeetings.months) }) + rule;
  }
}

/** "draft rule: MC/2023/DRAFT/4 para 2.7 (not adopted)", naming the text only to those who may see it. */
function ruleNote(ctx: Ctx, b: Board, rule: RuleId): string {
  return ctx.t(b.rulesAdopted ? "rule_tag" : "draft_rule_tag", { source: `${modalitiesSource(ctx)} ${ctx.t("para_short", { para: ctx.settings.forum.rules.citations[rule]?.para ?? "" })}` });
}

/** The concept paper's status as reported, with the report's date said to be that (not a decision date). */
function conceptPaperText(ctx: Ctx, area: AreaRow, day: string): string {
  const cp = conceptPaperAsOf(area.conceptPaperStatus, area.conceptPaperAsOf, day);
  if (!cp.reportedOn) return ctx.t("cp_not_reported");
  return ctx.t("cp_as_reported", { status: ctx.t(`cp_${cp.status}` as never), date: longDate(ctx, cp.reportedOn) });
}

const vacantCount = (b: Board, areas: AreaRow[]) => areas.filter((a) => !b.appointments.some((x) => x.areaId === a.id && x.role === "coordinator" && inForce(b, x))).length;

/** A dimension named by its id or words of its English or Russian name ("economic", "экологическое", "environment"). */
export function matchDimension<D extends { id: string; nameEn: string; nameRu: string }>(dims: D[], query: string): D | undefined {
  const filler = new Set(["dimension", "измерение", "измерения"]);
  const words = normalise(query).split(/[\s-]+/).filter((w) => w.length >= 4 && !filler.has(w));
  if (!words.length) return undefined;
  const common = (a: string, b: string) => { let k = 0; while (k < a.length && a[k] === b[k]) k++; return k; };
  return dims.find((d) => {
    const names = [d.id, d.nameEn, d.nameRu].flatMap((x) => normalise(x).split(/[\s-]+/)).filter((w) => !filler.has(w));
    return words.every((w) => names.some((x) => common(w, x) >= Math.min(6, w.length, x.length) && common(w, x) >= 4));
  });
}

/** Fuzzy lookup by dimension ("economic"), priority area ("ICT", "terror") or state ("Bangladesh"); no query lists every area. */
export async function findCoordinators(ctx: Ctx, query?: string): Promise<Reply> {
  const b = await board(ctx);
  const { areas, dimensions } = b.n.ref;
  if (!query?.trim()) {
    const blocks: Block[] = [];
    for (const d of dimensions)
      for (const a of areas.filter((x) => x.dimensionId === d.id)) blocks.push(...areaBlocks(ctx, b, a, false));
    return reply(ctx.t("coordinators_all", { areas: areas.length, vacant: vacantCount(b, areas) }), blocks);
  }
  const dim = matchDimension(dimensions, query);
  if (dim && !((rankAreas(areas, query)[0]?.score ?? 0) >= 100)) {
    const mine = areas.filter((a) => a.dimensionId === dim.id);
    return reply(ctx.t("coordinators_dimension", { dimension: b.n.dimension(dim.id), areas: mine.length, vacant: vacantCount(b, mine) }), mine.flatMap((a) => areaBlocks(ctx, b, a, false)));
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
  // A near miss ("Bangldesh") or a start of a name is accepted when one state stands out and no area comes as
  // close; on a tie ("Ira": Iran and Iraq) both are suggested. An area scoring 50 or more was answered above.
  const clear = nearStates[0] && (nearStates[1]?.score ?? 0) < nearStates[0].score && !(ranked[0] && ranked[0].score >= nearStates[0].score);
  if (clear) return stateView(ctx, b, nearStates[0]!.s.code);
  const suggestions = [...ranked.slice(0, 3).map((x) => b.n.area(x.area.id)), ...nearStates.slice(0, 2).map((x) => b.n.state(x.s.code))];
  throw new UserError("area_not_found", { query }, suggestions.length ? suggestions : areas.slice(0, 5).map((a) => b.n.area(a.id)));
}

function stateView(ctx: Ctx, b: Board, code: string): Reply {
  const mine = b.appointments.filter((a) => a.stateCode === code);
  const items: string[] = [];
  for (const role of ["coordinator", "co_coordinator"]) {
    const t = terms(ctx, b, mine.filter((a) => a.role === role));
    for (const x of t.serving) items.push(`${roleName(ctx, role)}: ${b.n.area(x.a.areaId)}${x.text}`);
    for (const x of t.upcoming) items.push(`${roleName(ctx, role)}: ${b.n.area(x.a.areaId)}${x.text} — ${ctx.t("term_approved_not_started")}`);
  }
  const offers = b.offers.filter((x) => x.stateCode === code && x.status === "pending")
    .map((o) => ctx.t("pending_offer_line", { role: ctx.t(o.role === "coordinator" ? "role_coordinator" : "role_co_coordinator"), area: b.n.area(o.areaId), id: o.id }));
  // The offers are a list of their own, tagged: the policy filter removes it for anyone who may not see offers.
  const blocks: Block[] = [...(items.length ? [{ type: "list" as const, items }] : []), ...(offers.length ? [{ type: "list" as const, matter: "offer" as const, items: offers }] : [])];
  if (!blocks.some((x) => !x.matter || sees(ctx, x.matter))) return reply(ctx.t("state_coordinates_nothing", { state: b.n.state(code) }), [], { status: "info" });
  return reply(ctx.t("state_coordinates", { state: b.n.state(code) }), blocks);
}
