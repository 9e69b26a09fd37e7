/**
 * Procedures that fall due, each rule once with its source paragraph. Rules held by a text that is not
 * adopted (MC/2023/DRAFT/4, based on the Secretary General's proposals MC/2023/SEC/1, seeds/002 and 003)
 * are "draft rules" until that text's status is adopted on the day asked about.
 */
import { addDays, addMonths } from "./dates.ts";
import { appointmentState, conceptPaperAsOf, termOf } from "./timeline.ts";
import type { AppointmentRow, AreaRow, OfferRow } from "./types.ts";
import type { ForumRules } from "./forum.ts";

// The text that holds the modalities rules is the forum's `rules.modalitiesDocument` (data/cica.yaml).

export type RuleId = "concept_paper_due" | "expert_meetings" | "tenure_end" | "acting_coordinator" | "plan_proposals" | "plan_approval" | "cbm_review" | "written_contribution" | "comments_due" | "silence_expiry";

/** Where each rule is written (paragraph and source) is the forum's: `forum.rules.citations[id]`. */
export type Rule = { id: RuleId; /** held by the forum's modalities document */ modalities: boolean; /** days before the due date to remind; undefined = the configured default */ remindAt?: number[] };

export const RULES: Record<RuleId, Rule> = {
  concept_paper_due: { id: "concept_paper_due", modalities: true },
  expert_meetings: { id: "expert_meetings", modalities: true },
  tenure_end: { id: "tenure_end", modalities: true, remindAt: [90, 30] },
  acting_coordinator: { id: "acting_coordinator", modalities: true },
  plan_proposals: { id: "plan_proposals", modalities: false },
  plan_approval: { id: "plan_approval", modalities: false },
  cbm_review: { id: "cbm_review", modalities: true },
  written_contribution: { id: "written_contribution", modalities: true },
  comments_due: { id: "comments_due", modalities: false },
  silence_expiry: { id: "silence_expiry", modalities: false },
};

/** A draft rule while the text that holds it is not adopted on `day`. */
export const isDraftRule = (r: Rule, modalitiesAdopted: boolean): boolean => r.modalities && !modalitiesAdopted;

/** Who is asked to act: every Member State, or named states (a coordinator). */
export type DueItem = { id: string; rule: RuleId; due: string; subject: Record<string, string>; addressees: "members" | string[]; restricted: boolean };

export type ProcedureFacts = {
  appointments: AppointmentRow[];
  areas: AreaRow[];
  decidedOn: (a: AppointmentRow) => string | null;
  /** The offers appointments came from (`offerId`), for the date of application (2.7). */
  offers?: Pick<OfferRow, "id" | "submittedOn">[];
  /** The forum's months for concept papers (2.7) and expert meetings (2.5). */
  rules: Pick<ForumRules, "conceptPaper" | "expertMeetings">;
};

/**
 * MC/2023/DRAFT/4 para 2.7: a new Coordinator proposes a new or updated concept paper "at its application or not
 * later than three months after appointment". Both dates: the application (when the offer was submitted, if on
 * record) and the latest day, the forum's months (`rules.conceptPaper`) after the term starts.
 */
export function conceptPaperDue(appliedOn: string | null | undefined, appointedFrom: string, rule: Pick<ForumRules["conceptPaper"], "months">): { atApplication: string | null; latest: string } {
  return { atApplication: appliedOn ?? null, latest: addMonths(appointedFrom, rule.months) };
}

/** MC/2023/DRAFT/4 para 2.5: consideration beyond the forum's months (`rules.expertMeetings`) since the first draft calls for expert meetings. */
export const expertMeetingsDue = (firstDraftOn: string, rule: Pick<ForumRules["expertMeetings"], "months">): string => addMonths(firstDraftOn, rule.months);

/** A concept paper that no longer needs proposing (2.7): adopted, or already submitted for approval. */
const paperInHand = (status: string) => status === "adopted" || status === "submitted_for_approval";
/** A paper under consideration (2.5): in progress or submitted, not yet adopted. */
const underConsideration = (status: string) => status === "in_progress" || status === "submitted_for_approval";

export type ConceptStepKind = "reported" | "due_at_application" | "due" | "expert_meetings_due";
export type ConceptStep = { kind: ConceptStepKind; date: string; status?: string; state?: string; meeting?: string; rule?: RuleId };

/**
 * The concept paper of an area, step by step, each with its date and what the date is: the status as reported
 * (and the meeting that took the report up: the first meeting on or after it), the 2.7 due dates of a new
 * Coordinator, the 2.5 date for expert meetings. Only what is known on `day`; dates ahead are due dates.
 */
export function conceptPaperSteps(area: AreaRow, f: ProcedureFacts, meetings: { id: string; due: string }[], day: string): ConceptStep[] {
  const steps: ConceptStep[] = [];
  const cp = conceptPaperAsOf(area.conceptPaperStatus, area.conceptPaperAsOf, day);
  if (cp.reportedOn) {
    const meeting = meetings.filter((m) => m.due >= cp.reportedOn! && m.due <= day).sort((a, b) => a.due.localeCompare(b.due))[0];
    steps.push({ kind: "reported", date: cp.reportedOn, status: cp.status, ...(meeting ? { meeting: meeting.id } : {}) });
    if (underConsideration(cp.status)) steps.push({ kind: "expert_meetings_due", date: expertMeetingsDue(cp.reportedOn, f.rules.expertMeetings), rule: "expert_meetings" });
  }
  for (const a of f.appointments.filter((x) => x.areaId === area.id && x.role === "coordinator" && x.fromDate)) {
    const st = appointmentState(a, f.appointments, day, f.decidedOn(a));
    if (st === "unknown_yet" || st === "ended" || paperInHand(cp.status)) continue;
    const due = conceptPaperDue(f.offers?.find((o) => o.id === a.offerId)?.submittedOn, a.fromDate!, f.rules.conceptPaper);
    if (due.atApplication) steps.push({ kind: "due_at_application", date: due.atApplication, state: a.stateCode, rule: "concept_paper_due" });
    steps.push({ kind: "due", date: due.latest, state: a.stateCode, rule: "concept_paper_due" });
  }
  return steps.sort((x, y) => x.date.localeCompare(y.date));
}

/** Coordinator concept papers (2.7), expert meetings (2.5), tenure ends (1.3, 1.12) on `day`, in [from, to]. */
export function coordinationDue(f: ProcedureFacts, day: string, from: string, to: string | undefined): DueItem[] {
  const inRange = (d: string) => d >= from && (!to || d <= to);
  const out: DueItem[] = [];
  for (const a of f.appointments) {
    const st = appointmentState(a, f.appointments, day, f.decidedOn(a));
    if (st === "unknown_yet" || st === "ended") continue;
    const area = f.areas.find((x) => x.id === a.areaId);
    const cp = area ? conceptPaperAsOf(area.conceptPaperStatus, area.conceptPaperAsOf, day).status : "unknown";
    const { until } = termOf(a);
    // 2.7 applies to a new Coordinator: one whose appointment has a date.
    if (a.role === "coordinator" && a.fromDate && !paperInHand(cp)) {
      // The item falls due on the latest day; the application date is one of the concept paper's steps.
      const due = conceptPaperDue(null, a.fromDate, f.rules.conceptPaper).latest;
      if (inRange(due)) out.push({ id: `cp-${a.id}`, rule: "concept_paper_due", due, subject: { state: a.stateCode, area: a.areaId }, addressees: [a.stateCode], restricted: false });
    }
    if (until && inRange(until))
      out.push({ id: `te-${a.id}`, rule: "tenure_end", due: until, subject: { state: a.stateCode, area: a.areaId, role: a.role }, addressees: [a.stateCode], restricted: false });
  }
  for (const area of f.areas) {
    const cp = conceptPaperAsOf(area.conceptPaperStatus, area.conceptPaperAsOf, day);
    // The earliest date on record that a draft existed stands in for "the issuance of the first draft".
    if (underConsideration(cp.status) && cp.reportedOn) {
      const due = expertMeetingsDue(cp.reportedOn, f.rules.expertMeetings);
      const coord = f.appointments.filter((a) => a.areaId === area.id && a.role === "coordinator" && appointmentState(a, f.appointments, day, f.decidedOn(a)) === "in_force");
      if (inRange(due) && coord.length)
        out.push({ id: `em-${area.id}`, rule: "expert_meetings", due, subject: { area: area.id, since: cp.reportedOn }, addressees: coord.map((a) => a.stateCode), restricted: false });
    }
  }
  return out;
}

/** Annual Plan (the forum's `rules.eventPlan`): for every plan year Y, proposals and approval by the forum's days of Y-1. */
export function annualPlanDue(dates: Pick<ForumRules["eventPlan"], "proposalsBy" | "approvalBy">, from: string, to: string | undefined, horizonYears = 1): DueItem[] {
  const first = +from.slice(0, 4);
  const last = to ? +to.slice(0, 4) : first + horizonYears;
  const out: DueItem[] = [];
  for (let y = first; y <= last; y++) {
    const plan = y + 1;
    out.push({ id: `plan-proposals-${plan}`, rule: "plan_proposals", due: `${y}-${dates.proposalsBy}`, subject: { year: String(plan) }, addressees: "members", restricted: false });
    out.push({ id: `plan-approval-${plan}`, rule: "plan_approval", due: `${y}-${dates.approvalBy}`, subject: { year: String(plan) }, addressees: "members", restricted: false });
  }
  return out.filter((i) => i.due >= from && (!to || i.due <= to));
}

/**
 * The yearly review (the forum's `rules.review`), and the coordinators' written contributions for it
 * (3.5), due at the review meeting when one is scheduled, otherwise the forum's number of days before the review.
 */
export function reviewDue(review: Pick<ForumRules["review"], "by" | "contributionDaysBefore">, coordinators: string[], reviewMeetings: string[], from: string, to: string | undefined, horizonYears = 1): DueItem[] {
  const first = +from.slice(0, 4);
  const last = to ? +to.slice(0, 4) : first + horizonYears;
  const out: DueItem[] = [];
  for (let y = first; y <= last; y++) {
    const held = reviewMeetings.filter((m) => m.startsWith(`${y}-`)).sort();
    const contribution = held[0] ?? addDays(`${y}-${review.by}`, -review.contributionDaysBefore);
    if (!held.length) out.push({ id: `cbm-review-${y}`, rule: "cbm_review", due: `${y}-${review.by}`, subject: { year: String(y) }, addressees: "members", restricted: false });
    if (coordinators.length) out.push({ id: `contribution-${y}`, rule: "written_contribution", due: contribution, subject: { year: String(y) }, addressees: coordinators, restricted: false });
  }
  return out.filter((i) => i.due >= from && (!to || i.due <= to));
}

/** Days before `due` at which to remind; [] when the rule asks for none. Default: 7 and 1. */
export const DEFAULT_REMINDER_OFFSETS = [7, 1];
export const reminderOffsets = (rule: RuleId, configured: number[] = DEFAULT_REMINDER_OFFSETS): number[] => RULES[rule].remindAt ?? configured;
