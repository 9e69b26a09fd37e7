import type { Ctx } from "./context.ts";
import { sees, today } from "./context.ts";
import { namer, type Namer } from "./names.ts";
import { addDays, calendarDate } from "../domain/dates.ts";
import { daysLeft } from "../domain/rules.ts";
import { annualPlanDue, coordinationDue, isDraftRule, reviewDue, RULES, type DueItem, type RuleId } from "../domain/procedures.ts";
import { adoptedBy, appointmentState, happenedBy, recordedOn, silenceStatus, termOf, type DatedObjection } from "../domain/timeline.ts";
import type { AppointmentRow, DeadlineRow, OfferRow, PositionRow, SilenceRow } from "../domain/types.ts";

/** What a delegation answers an item with: a comment or position on a document, a position on a procedure, a plan proposal. */
export type Respond = { type: "document"; ref: string } | { type: "silence"; ref: string; matter: string | null } | { type: "plan"; year: number } | { type: "none" };

export type DatedItem = {
  id: string; kind: string; title: string; due: string; daysLeft: number; restricted: boolean;
  /** The rule that makes it fall due, with its source paragraph; `draft` while that text is not adopted. */
  rule?: RuleId; draft?: boolean;
  /** Who is asked to act: every Member State or named ones; absent = nobody in particular (a meeting). */
  addressees?: "members" | string[];
  respond?: Respond;
};

/** Positions as dated objections (the forum's calendar date), for the derived silence status. */
export const asDated = (ctx: Ctx, ps: PositionRow[]): DatedObjection[] =>
  ps.map((p) => ({ stateCode: p.stateCode, stance: p.stance, targetType: p.targetType, targetRef: p.targetRef, on: ctxDay(ctx, p.createdAt) }));
const ctxDay = (ctx: Ctx, at: Date) => calendarDate(at, ctx.settings.timeZone);

/**
 * The date from which each appointment is known: the decidedOn of the offer approved by the same decision; for a
 * term the seeds record with no dates at all (the SG report's "Russia as Coordinator"), the date of the document
 * that records it (src/domain/timeline.ts recordedOn). A dated term with no decision on file is known as dated.
 */
export function decidedOnOf(offers: OfferRow[], recordDates: Readonly<Record<string, string>>) {
  const byDecision = new Map<string, string>();
  for (const o of offers) if (o.decision && o.decidedOn) byDecision.set(o.decision, o.decidedOn);
  return (a: AppointmentRow): string | null => {
    const decided = a.decision ? byDecision.get(a.decision) ?? a.fromDate : null;
    if (decided) return decided;
    return termOf(a).from ? null : recordedOn(a.source, recordDates);
  };
}

/**
 * Silence procedures with their status on `day`: derived from dates and the objections to their matter.
 * Given `about` (procedure ids or matters), only the procedures with one of those ids or on one of those matters.
 */
export async function silenceOn(ctx: Ctx, day: string, about?: string[]): Promise<{ s: SilenceRow; status: ReturnType<typeof silenceStatus> }[]> {
  const all = await (about ? ctx.repos.silence.about(about) : ctx.repos.silence.all());
  const refs = [...new Set(all.flatMap((s) => [s.id, s.targetRef].filter((x): x is string => !!x)))];
  const dated = asDated(ctx, await ctx.repos.time.positionsOn(refs));
  return all.map((s) => ({ s, status: silenceStatus(s, dated, day, s.brokenAt ? ctxDay(ctx, s.brokenAt) : undefined) }));
}

function title(ctx: Ctx, n: Namer, i: DueItem): string {
  const role = (r?: string) => ctx.t(r === "coordinator" ? "role_coordinator" : "role_co_coordinator");
  switch (i.rule) {
    case "concept_paper_due": return ctx.t("concept_paper_due", { state: n.state(i.subject.state), area: n.area(i.subject.area) });
    case "tenure_end": return ctx.t("tenure_ends", { state: n.state(i.subject.state), role: role(i.subject.role), area: n.area(i.subject.area) });
    case "expert_meetings": return ctx.t("due_expert_meetings", { area: n.area(i.subject.area) });
    case "plan_proposals": return ctx.t("due_plan_proposals", { year: i.subject.year! });
    case "plan_approval": return ctx.t("due_plan_approval", { year: i.subject.year! });
    case "cbm_review": return ctx.t("due_cbm_review", { year: i.subject.year! });
    case "written_contribution": return ctx.t("due_written_contribution", { year: i.subject.year! });
    default: return i.id;
  }
}

const KIND: Record<RuleId, string> = {
  concept_paper_due: "concept_paper", expert_meetings: "concept_paper", tenure_end: "tenure_end", acting_coordinator: "other",
  plan_proposals: "event_plan", plan_approval: "other", cbm_review: "review_window", written_contribution: "review_window",
  comments_due: "comments_due", silence_expiry: "silence",
};

/**
 * Everything with a date in [from, to] as known on today's date: the deadline table (from the day it was
 * announced), plus what the rules imply (src/domain/procedures.ts), comment due dates, and the last days of
 * silence procedures still running.
 */
export async function datedItems(ctx: Ctx, from: string, to: string | undefined): Promise<DatedItem[]> {
  const day = today(ctx);
  const { rules } = ctx.settings.forum;
  const [rows, appointments, offers, silences, n, decisions] = await Promise.all([
    ctx.repos.deadlines.between(from, to),
    ctx.repos.coordination.appointments(),
    ctx.repos.coordination.offers(),
    silenceOn(ctx, day),
    namer(ctx),
    ctx.repos.cycle.decisions({ targetType: "document", targetRef: rules.modalitiesDocument }),
  ]);
  const inRange = (d: string) => d >= from && (!to || d <= to);
  const ru = ctx.lang === "ru";
  const adopted = adoptedBy(n.ref.documents.find((d) => d.symbol === rules.modalitiesDocument), decisions, day);
  const ruled = (r: RuleId) => ({ rule: r, draft: isDraftRule(RULES[r], adopted) });
  const mk = (i: DueItem): DatedItem => ({
    id: i.id, kind: KIND[i.rule], title: title(ctx, n, i), due: i.due, daysLeft: daysLeft(day, i.due), restricted: i.restricted,
    ...ruled(i.rule), addressees: i.addressees, respond: i.rule.startsWith("plan_") ? { type: "plan", year: +i.subject.year! } : { type: "none" },
  });
  const decidedOn = decidedOnOf(offers, ctx.settings.forum.recordDates);
  const generated: DueItem[] = [
    ...coordinationDue({ appointments, areas: n.ref.areas, decidedOn, offers, rules }, day, from, to),
    ...annualPlanDue(rules.eventPlan, from, to),
    ...reviewDue(rules.review,
      [...new Set(appointments.filter((a) => appointmentState(a, appointments, day, decidedOn(a)) === "in_force").map((a) => a.stateCode))],
      rows.filter((r) => r.kind === "meeting" && happenedBy(r.announcedOn, day) && /review|обзор/i.test(r.title)).map((r) => r.due), from, to),
  ];
  // A table row that states the same obligation as a rule keeps its own wording and takes the rule's facts; a
  // tenure row, the ends on its day in the area its title names (another area's term may end the same day).
  const rowTitle = (r: DeadlineRow) => (ru ? r.titleRu : r.title);
  const states = (r: DeadlineRow, g: DueItem) => g.due === r.due && (
    (r.kind === "event_plan" && g.rule === "plan_proposals") || (r.kind === "tenure_end" && g.rule === "tenure_end" && rowTitle(r).includes(n.area(g.subject.area))) ||
    (/approval-plan/.test(r.id) && g.rule === "plan_approval"));
  const used = new Set<string>();
  const items: DatedItem[] = [];
  // A silence row is its procedure's: by id (/silence start), or by the last day for a row citing its minutes (seeds/001).
  const procedureOf = (r: DeadlineRow) => silences.find((x) => x.s.id === r.source) ?? silences.find((x) => x.s.expiresOn === r.due);
  const ended = (state: string | undefined) => !!state && state !== "running" && state !== "scheduled";
  for (const r of rows) {
    if (!happenedBy(r.announcedOn, day)) continue;
    if (r.kind === "silence" && ended(procedureOf(r)?.status.state)) continue;
    const same = generated.filter((g) => states(r, g));
    const g = same[0];
    const base: DatedItem = { id: r.id, kind: r.kind, title: rowTitle(r), due: r.due, daysLeft: daysLeft(day, r.due), restricted: r.restricted };
    if (g) {
      for (const x of same) used.add(x.id);
      // One row may state several states' obligation (the ICT tenure of Russia and China): it asks them all.
      const addressees = g.addressees === "members" ? g.addressees : [...new Set(same.flatMap((x) => x.addressees))];
      items.push({ ...mk(g), ...base, addressees });
    } else items.push(r.kind === "comments_due" ? { ...base, ...ruled("comments_due"), addressees: "members", respond: docOf(n, r) } : base);
  }
  for (const g of generated) if (!used.has(g.id)) items.push(mk(g));
  // A document's own comment due date, when no table row states it (another text's due the same day does not).
  const stated = (d: { symbol: string; commentsDue: string }) => items.some((i) => i.due === d.commentsDue && i.respond?.type === "document" && i.respond.ref === d.symbol);
  for (const d of n.ref.documents)
    if (d.commentsDue && inRange(d.commentsDue) && happenedBy(d.date, day) && !stated({ symbol: d.symbol, commentsDue: d.commentsDue }))
      items.push({ id: `comments-${d.symbol}`, kind: "comments_due", title: ctx.t("comments_due_on", { document: d.symbol }), due: d.commentsDue, daysLeft: daysLeft(day, d.commentsDue), restricted: d.restricted, ...ruled("comments_due"), addressees: "members", respond: { type: "document", ref: d.symbol } });
  for (const { s, status } of silences) {
    if (status.state !== "running" || !inRange(s.expiresOn)) continue;
    const row = items.find((i) => i.kind === "silence" && i.due === s.expiresOn);
    const extra = { ...ruled("silence_expiry"), addressees: "members" as const, respond: { type: "silence" as const, ref: s.id, matter: s.targetRef } };
    if (row) Object.assign(row, extra);
    else items.push({ id: `silence-${s.id}`, kind: "silence", title: ctx.t("silence_expires", { subject: ru && s.subjectRu ? s.subjectRu : s.subject }), due: s.expiresOn, daysLeft: daysLeft(day, s.expiresOn), restricted: true, ...extra });
  }
  return items
    // A restricted date is shown by its matter's row of the policy table: a silence's end, or a negotiation text's date.
    .filter((i) => !i.restricted || sees(ctx, i.kind === "silence" ? "silence" : "negotiation_text"))
    .sort((a, b) => a.due.localeCompare(b.due) || a.title.localeCompare(b.title));
}

/** "Comments on MC/2023/DRAFT/4 …": the table row's document, by the symbol named in its title. */
function docOf(n: Namer, r: DeadlineRow): Respond {
  const d = n.ref.documents.filter((x) => r.title.includes(x.symbol)).sort((a, b) => b.symbol.length - a.symbol.length)[0];
  return d ? { type: "document", ref: d.symbol } : { type: "none" };
}

export const windowEnd = (ctx: Ctx, days: number): string => addDays(today(ctx), days);
