import { addDays, daysBetween } from "./dates.ts";
import type { ForumRules } from "./forum.ts";

// The forum's parameters (tenure bounds, plan dates) come from its description (`forum.rules`, with sources).

/** "2024-2025" covers two calendar years. */
export function tenureYears(tenure: string): number | undefined {
  const m = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(tenure.trim());
  if (!m) return undefined;
  return +m[2]! - +m[1]! + 1;
}

export type TenureCheck = { ok: true; years: number } | { ok: false; years?: number; reason: "unreadable" | "too_short" | "too_long" };

/** The forum's tenure bounds (`rules.tenure`, with its paragraph, in the forum description). */
export function checkTenure(tenure: string, bounds: Pick<ForumRules["tenure"], "minYears" | "maxYears">): TenureCheck {
  const years = tenureYears(tenure);
  if (years === undefined) return { ok: false, reason: "unreadable" };
  if (years < bounds.minYears) return { ok: false, years, reason: "too_short" };
  if (years > bounds.maxYears) return { ok: false, years, reason: "too_long" };
  return { ok: true, years };
}

// Concept papers (2.5, 2.7), tenures (1.3, 1.11, 1.12) and the silence procedure are derived for a day in
// src/domain/procedures.ts and src/domain/timeline.ts.

/**
 * Event proposals for year Y's Plan are due by the forum's last day in Y-1 (`rules.eventPlan.proposalsBy`, with
 * its paragraph, in the forum description). A late proposal is accepted and flagged.
 */
type PlanDates = Pick<ForumRules["eventPlan"], "proposalsBy">;
export const eventPlanDeadline = (year: number, plan: PlanDates): string => `${year - 1}-${plan.proposalsBy}`;
export const isLateProposal = (year: number, submittedOn: string, plan: PlanDates): boolean => submittedOn > eventPlanDeadline(year, plan);

/**
 * Consensus (DOMAIN.md "Positions"; seeds/000 items 6(a), 7(a)): an objection or a reservation stands against a
 * decision; "needs more time" (Israel on Iraq's offer) is the softer form that still holds it up. Each of them
 * blocks a decision until withdrawn.
 */
export const AGAINST_STANCES: readonly string[] = ["objection", "reservation"];
export const BLOCKING_STANCES: readonly string[] = [...AGAINST_STANCES, "needs_more_time"];
export const blocks = (stance: string): boolean => BLOCKING_STANCES.includes(stance);

/** The tally shown for offers and nominations: supporters, those against, those asking for more time. */
export function tally(stances: string[]): { support: number; against: number; wait: number } {
  const n = (p: (s: string) => boolean) => stances.filter(p).length;
  return { support: n((s) => s === "support"), against: n((s) => AGAINST_STANCES.includes(s)), wait: n((s) => s === "needs_more_time") };
}

/**
 * Comments have due dates (seeds/002 SWG/2023-II/INF/2 item 2: comments on MC/2023/DRAFT/4 by 15 July 2023). A
 * comment filed after that day (the Secretariat's calendar date) is late: still accepted and marked so.
 */
export const isLateComment = (commentsDue: string | null | undefined, filedOn: string): boolean => !!commentsDue && filedOn > commentsDue;

/** Days from `today` to `due` (negative once it has passed), both Secretariat calendar dates. */
export const daysLeft = (today: string, due: string): number => daysBetween(today, due);

/**
 * A silence procedure announced on `announced` runs for the forum's number of days; its last day is the day
 * the procedure expires (`rules.silence`, with its paragraph, in the forum description).
 */
export const silenceLastDay = (announced: string, silence: Pick<ForumRules["silence"], "days">): string => addDays(announced, silence.days);
