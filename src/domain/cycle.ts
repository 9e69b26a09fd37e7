/**
 * Rules of the consultation cycle (MC/2023/DRAFT/4 and MC/2023/SEC/1, chapter 1; DOMAIN.md).
 * Pure: no I/O, no clock; callers pass the day.
 */
import type { AppointmentRow } from "./types.ts";

// DRAFT/4 (SEC/1) para 1.9, one Coordinator per area, and para 1.10, the tenure's bounds, are the forum's
// `rules.oneCoordinator` and `rules.tenure` (with their sources and words).
/** DRAFT/4 para 1.12: extension subject to SOC approval; voluntary early termination at any time. */
export const TERM_CHANGE_RULE = { source: "MC/2023/DRAFT/4 para 1.12" } as const;

/** An appointment is in force on `day` from its start date to its end date, both included. */
export function appointmentInForce(a: Pick<AppointmentRow, "fromDate" | "untilDate">, day: string): boolean {
  return (!a.fromDate || a.fromDate <= day) && (!a.untilDate || a.untilDate >= day);
}

/** The calendar dates a tenure "2025-2027" covers: 1 January of the first year to 31 December of the last. */
export function tenureDates(tenure: string | null | undefined): { fromDate: string; untilDate: string } | undefined {
  const m = tenure && /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(tenure.trim());
  if (!m || +m[2]! < +m[1]!) return undefined;
  return { fromDate: `${m[1]}-01-01`, untilDate: `${m[2]}-12-31` };
}

export type TargetKind = "offer" | "document" | "nomination" | "appointment";

/** What each kind of target can be decided as; the first is the usual positive outcome. */
export const OUTCOMES: Record<TargetKind, readonly string[]> = {
  offer: ["approved", "declined", "deferred"],
  document: ["adopted", "approved", "noted", "rejected", "deferred"],
  nomination: ["appointed", "declined", "deferred"],
  appointment: ["extended", "terminated"],
};

/** Outcomes that change something against standing objections: the consensus check applies to them. */
export const needsConsensus = (outcome: string): boolean => ["approved", "adopted", "appointed", "extended"].includes(outcome);

/** "SOC/2023-II/DEC/1" names a decision of a body. */
export const DECISION_SYMBOL = /^[A-Z]{2,5}\/\d{4}(?:-[IVX]+)?\/DEC\/\d+(?:\/Rev\.\d+)?$/i;
export const isDecisionSymbol = (s: string): boolean => DECISION_SYMBOL.test(s.trim());
/** The body a decision symbol belongs to: "CNL/2024-I/DEC/2" → "CNL". */
export const bodyOf = (symbol: string): string => symbol.split("/")[0]!.toUpperCase();
