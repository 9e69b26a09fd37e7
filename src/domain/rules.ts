import { daysBetween } from "./dates.ts";

/** MC/2023/DRAFT/4 para 1.10 (bracketed by India) and SEC/1: a tenure of not less than two and not more than four years. */
export const TENURE_MIN_YEARS = 2;
export const TENURE_MAX_YEARS = 4;

/** "2024-2025" covers two calendar years. */
export function tenureYears(tenure: string): number | undefined {
  const m = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(tenure.trim());
  if (!m) return undefined;
  return +m[2]! - +m[1]! + 1;
}

export type TenureCheck = { ok: true; years: number } | { ok: false; years?: number; reason: "unreadable" | "too_short" | "too_long" };

export function checkTenure(tenure: string): TenureCheck {
  const years = tenureYears(tenure);
  if (years === undefined) return { ok: false, reason: "unreadable" };
  if (years < TENURE_MIN_YEARS) return { ok: false, years, reason: "too_short" };
  if (years > TENURE_MAX_YEARS) return { ok: false, years, reason: "too_long" };
  return { ok: true, years };
}

// Concept papers (2.5, 2.7), tenures (1.3, 1.11, 1.12) and the silence procedure are derived for a day in
// src/domain/procedures.ts and src/domain/timeline.ts.

/**
 * Event proposals for year Y's Plan are due before 1 October of Y-1 (seeds/000 item 6), so the last day is 30 September.
 * A late proposal is accepted and flagged.
 */
export const eventPlanDeadline = (year: number): string => `${year - 1}-09-30`;
export const isLateProposal = (year: number, submittedOn: string): boolean => submittedOn > eventPlanDeadline(year);

/** Consensus: one open objection or reservation blocks a decision. */
export const blocks = (stance: string): boolean => stance === "objection" || stance === "reservation" || stance === "needs_more_time";

export const daysLeft = (today: string, due: string): number => daysBetween(today, due);
