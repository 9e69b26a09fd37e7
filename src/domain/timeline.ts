/**
 * What is true on a given day, derived from dated facts and the clock. Nothing here reads storage: callers
 * pass the rows and `day` (the Secretariat's calendar date of NOW). A stored status counts only where a
 * body decided it, and only from the date of that decision.
 */
import { parseBrackets } from "./brackets.ts";
import type { AppointmentRow, DocumentRow, EventRow, NominationRow, OfferRow, ParagraphRow, SilenceRow } from "./types.ts";

/**
 * Nothing dated after `day` has happened yet. A missing date counts as known here; callers pass, for a fact
 * without a date of its own, the date of the document that records it (`recordedOn`).
 */
export const happenedBy = (date: string | null | undefined, day: string): boolean => !date || date <= day;

/**
 * Whether a text is adopted on `day`: a stored status counts only from the date of the decision that took it
 * (the earliest decision adopting it); a text imported as adopted with no decision on record, from its own
 * date. Used for the modalities rules: draft rules (seeds/002) until the Ministerial Council adopts the text
 * that holds them (DOMAIN.md: "MC adopts").
 */
export function adoptedBy(doc: { status: string; date: string | null } | undefined, decisions: readonly { outcome: string; decidedOn: string }[], day: string): boolean {
  if (doc?.status !== "adopted") return false;
  const decided = decisions.filter((d) => d.outcome === "adopted").map((d) => d.decidedOn).sort()[0];
  return happenedBy(decided ?? doc.date, day);
}

/**
 * The date a fact without a date of its own became known: the earliest of the documents its source cites
 * ("seeds/001 …, item 4; seeds/004 …" → 23 June 2021), from `dates` (a source's prefix → that document's date).
 * Null when the source names none of them.
 */
export function recordedOn(source: string, dates: Readonly<Record<string, string>>): string | null {
  const found = Object.keys(dates).filter((k) => source.includes(k)).map((k) => dates[k]!).sort();
  return found[0] ?? null;
}

// —— silence procedure ——————————————————————————————————————————————————————————————————————————————

/**
 * Silence procedure (seeds/001 item 3, Rule 10.2.3 of the forum's Rules of Procedure as applied there): the
 * proposal is approved if no objection is received by the last day of silence; any objection breaks it.
 * The last day is still within the procedure: an objection on `expiresOn` breaks it. Only objections to
 * the procedure itself or to its matter (`targetRef`) count; an objection elsewhere does not.
 */
export type SilenceState = "scheduled" | "running" | "approved" | "broken";
export type SilenceStatus = { state: SilenceState; brokenBy?: string; brokenOn?: string };
export type DatedObjection = { stateCode: string; stance: string; targetType: string; targetRef: string; on: string };

/** A position concerns a procedure when it is on the procedure itself, or on its matter (`targetRef`: the document, any paragraph of it, or the offer). */
export function concernsSilence(s: Pick<SilenceRow, "id" | "targetRef">, p: Pick<DatedObjection, "targetType" | "targetRef">): boolean {
  if (p.targetType === "silence") return p.targetRef === s.id;
  return !!s.targetRef && p.targetRef === s.targetRef;
}

/** Within the procedure: from its first day to its last, both included. */
export const withinSilence = (s: Pick<SilenceRow, "startsOn" | "expiresOn">, day: string): boolean => s.startsOn <= day && day <= s.expiresOn;

/**
 * seeds/001 item 3: "any objection breaks silence" — an objection (not a reservation, nor "needs more time",
 * which are recorded under silence and reported) to the procedure or its matter, lodged from its first day to
 * its last, both included.
 */
export const breaksSilence = (s: Pick<SilenceRow, "id" | "targetRef" | "startsOn" | "expiresOn">, p: DatedObjection): boolean =>
  p.stance === "objection" && concernsSilence(s, p) && withinSilence(s, p.on);

export function silenceStatus(
  s: Pick<SilenceRow, "id" | "targetRef" | "startsOn" | "expiresOn" | "outcome" | "brokenBy" | "brokenAt">,
  objections: DatedObjection[],
  day: string,
  brokenAtDay?: string,
): SilenceStatus {
  if (day < s.startsOn) return { state: "scheduled" };
  const breaking = objections
    .filter((o) => breaksSilence(s, o) && o.on <= day)
    .sort((a, b) => a.on.localeCompare(b.on));
  // A break recorded by the Secretariat (an imported "broken" with no position on file) counts from its date.
  if (s.outcome === "broken" && s.brokenBy && !breaking.length && brokenAtDay && brokenAtDay <= day)
    return { state: "broken", brokenBy: s.brokenBy, brokenOn: brokenAtDay };
  const first = breaking[0];
  if (first) return { state: "broken", brokenBy: first.stateCode, brokenOn: first.on };
  return day > s.expiresOn ? { state: "approved" } : { state: "running" };
}

// —— appointments and offers ————————————————————————————————————————————————————————————————————————

/** "2024-2025" → 2024-01-01 … 2025-12-31; "from 2022" → from 2022-01-01. The dated fields win. */
export function termOf(a: Pick<AppointmentRow, "fromDate" | "untilDate" | "tenure">): { from: string | null; until: string | null } {
  const t = a.tenure?.trim() ?? "";
  const range = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(t);
  const from = /^from\s+(\d{4})$/i.exec(t);
  return {
    from: a.fromDate ?? (range ? `${range[1]}-01-01` : from ? `${from[1]}-01-01` : null),
    until: a.untilDate ?? (range ? `${range[2]}-12-31` : null),
  };
}

export type AppointmentState = "unknown_yet" | "upcoming" | "in_force" | "ended";

/**
 * MC/2023/DRAFT/4 para 1.9: Coordinators and Co-coordinators are appointed by the SOC. A term is in force from
 * its first day to its last; a term with no last day continues until a later term of the same state, area
 * and role *starts* (a renewal decided today does not end the current term today). A term is known only from
 * the decision that made it (`decidedOn`), so a future term is "upcoming" once decided and absent before.
 */
export function appointmentState(a: AppointmentRow, all: AppointmentRow[], day: string, decidedOn?: string | null): AppointmentState {
  const { from, until } = termOf(a);
  if (decidedOn && decidedOn > day) return "unknown_yet";
  if (from && from > day) return "upcoming";
  if (until && until < day) return "ended";
  if (!until) {
    const mine = from ?? "";
    // A term never starts after itself, so `all` may include `a`.
    const successor = all.some((b) => b.areaId === a.areaId && b.stateCode === a.stateCode && b.role === a.role && (termOf(b).from ?? "") > mine && (termOf(b).from ?? "9999") <= day);
    if (successor) return "ended";
  }
  return "in_force";
}

/** Offers exist from their submission (or first dated fact); their outcome counts from the decision date. */
export function offerState(o: OfferRow, day: string, firstSeen?: string | null): "not_yet" | "pending" | "approved" | "rejected" | "withdrawn" {
  const since = o.submittedOn ?? firstSeen ?? o.decidedOn;
  if (since && since > day) return "not_yet";
  // An outcome decided after `day` was still pending then (a pending offer is pending anyway).
  if (o.decidedOn && o.decidedOn > day) return "pending";
  return o.status as "pending" | "approved" | "rejected" | "withdrawn";
}

// —— nominations ——————————————————————————————————————————————————————————————————————————————————

export type NominationState = "not_yet" | "under_consultation" | "appointed" | "declined";

/**
 * A nomination (seeds/000 item 7(a): communicated on 7 August 2023, "consultations would continue") exists from the
 * day it was communicated and is under consultation until a body decides it; a decision counts from its own date,
 * a deferral leaves it under consultation. The stored status is not read: it cannot say on which day it became true.
 */
export function nominationState(n: Pick<NominationRow, "nominatedOn">, decisions: { outcome: string; decidedOn: string }[], day: string): NominationState {
  if (n.nominatedOn && n.nominatedOn > day) return "not_yet";
  const last = decisions.filter((d) => d.decidedOn <= day && (d.outcome === "appointed" || d.outcome === "declined")).sort((a, b) => a.decidedOn.localeCompare(b.decidedOn)).pop();
  return (last?.outcome as NominationState | undefined) ?? "under_consultation";
}

// —— documents ——————————————————————————————————————————————————————————————————————————————————————

export type DocumentStatus = {
  /** When the stored "superseded" holds on the day: the later text that replaced it, and that text's date. */
  supersededBy?: { symbol: string; on: string };
  /** The stored status, corrected: "agreed" with brackets left becomes "agreed_except". */
  state: "not_issued" | "agreed_except" | string;
  body: string | null;
  /** The version's date (the date of the text, not of any decision on it). */
  versionDate: string | null;
  version: string;
  agreed: string[];
  bracketed: string[];
};

/** "MC/2023/CHAIR/1/Rev.1" → "Rev.1"; no suffix → "original". */
export const versionOf = (d: Pick<DocumentRow, "symbol" | "revision">): string => /\/(Rev\.\s*\d+)$/i.exec(d.symbol)?.[1] ?? (d.revision ? `Rev.${d.revision}` : "original");

/**
 * seeds/002: a paragraph is agreed when no brackets remain. A document cannot be reported "agreed" while any of
 * its paragraphs carries brackets: it is agreed ad referendum except those paragraphs.
 */
export function documentStatus(d: DocumentRow, paragraphs: Pick<ParagraphRow, "ref" | "text">[], day: string, all: Pick<DocumentRow, "symbol" | "date" | "source" | "status">[] = []): DocumentStatus {
  const agreed: string[] = [];
  const bracketed: string[] = [];
  for (const p of paragraphs) (parseBrackets(p.text).agreed ? agreed : bracketed).push(p.ref);
  const base = { body: d.body, versionDate: d.date, version: versionOf(d), agreed, bracketed };
  if (!happenedBy(d.date, day)) return { ...base, state: "not_issued" };
  if (d.status === "superseded") {
    // Superseded from the date of the text that replaced it; before that it was the text under consideration.
    const by = successorOf(d, all, day);
    return by ? { ...base, state: "superseded", supersededBy: by } : { ...base, state: bracketed.length ? "under_negotiation" : "draft" };
  }
  if ((d.status === "agreed" || d.status === "adopted") && bracketed.length) return { ...base, state: "agreed_except" };
  return { ...base, state: d.status };
}

/**
 * The text that replaced `d`, as known on `day`: its revision (`<symbol>/Rev.N`, DOMAIN.md) or a later text (not
 * an information note) named in either record (MC/2023/SEC/1: "negotiation continued on MC/2023/DRAFT/4"),
 * whichever is dated first and not after `day`.
 */
export function successorOf(d: Pick<DocumentRow, "symbol" | "date" | "source">, all: Pick<DocumentRow, "symbol" | "date" | "source" | "status">[], day: string): { symbol: string; on: string } | undefined {
  const base = d.symbol.replace(/\/Rev\.\d+$/i, "");
  const rev = (x: string) => { const m = /\/Rev\.(\d+)$/i.exec(x); return m ? +m[1]! : 0; };
  const later = all.filter((x) => x.symbol !== d.symbol && !!x.date && x.date <= day && (!d.date || x.date >= d.date) && (
    (x.symbol.startsWith(`${base}/Rev.`) && rev(x.symbol) > rev(d.symbol)) ||
    (x.status !== "information" && (x.source.includes(d.symbol) || d.source.includes(x.symbol)))));
  const first = later.sort((a, b) => a.date!.localeCompare(b.date!))[0];
  return first ? { symbol: first.symbol, on: first.date! } : undefined;
}

// —— concept papers ——————————————————————————————————————————————————————————————————————————————————

/**
 * A concept paper's steps (MC/2023/DRAFT/4 paras 2.3-2.5, 2.7): each with its date and what that date is.
 * The area table records the status *as reported* on a date (the SG report of 7 December 2022), which is
 * not the date of the decision; a reported status is not known before the report.
 */
export function conceptPaperAsOf(status: string, asOf: string | null, day: string): { status: string; reportedOn: string | null } {
  if (asOf && asOf > day) return { status: "unknown", reportedOn: null };
  return { status, reportedOn: asOf };
}

// —— events ——————————————————————————————————————————————————————————————————————————————————————————

export type EventState = "proposed" | "planned" | "in_preparation" | "under_way" | "held" | "cancelled";

/**
 * An event is held once its end date has passed, under way between its dates, and planned before. An event
 * without dates is held only when it was reported held and its year is over; the stored "in_preparation"
 * (an output being compiled, seeds/004) is never turned into "held" by the calendar alone.
 */
export function eventState(e: Pick<EventRow, "status" | "startsOn" | "endsOn" | "year">, day: string): EventState {
  if (e.status === "cancelled") return "cancelled";
  if (e.status === "in_preparation") return "in_preparation";
  if (e.startsOn) {
    const end = e.endsOn ?? e.startsOn;
    if (end < day) return "held";
    if (e.startsOn <= day) return "under_way";
    return e.status === "proposed" ? "proposed" : "planned";
  }
  const yearOver = `${e.year}-12-31` < day;
  if (e.status === "held") return yearOver ? "held" : "planned";
  return e.status === "proposed" ? "proposed" : "planned";
}
