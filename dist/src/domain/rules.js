import { addMonths, daysBetween } from "./dates.js";
/** MC/2023/DRAFT/4 para 1.10 (bracketed by India) and SEC/1: a tenure of not less than two and not more than four years. */
export const TENURE_MIN_YEARS = 2;
export const TENURE_MAX_YEARS = 4;
/** "2024-2025" covers two calendar years. */
export function tenureYears(tenure) {
    const m = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(tenure.trim());
    if (!m)
        return undefined;
    return +m[2] - +m[1] + 1;
}
export function checkTenure(tenure) {
    const years = tenureYears(tenure);
    if (years === undefined)
        return { ok: false, reason: "unreadable" };
    if (years < TENURE_MIN_YEARS)
        return { ok: false, years, reason: "too_short" };
    if (years > TENURE_MAX_YEARS)
        return { ok: false, years, reason: "too_long" };
    return { ok: true, years };
}
/** SEC/1 para 2.7: a new Coordinator proposes a concept paper within three months of appointment. */
export const conceptPaperDue = (appointedOn) => addMonths(appointedOn, 3);
/** SEC/1 para 2.5: consideration beyond six months since the first draft calls for expert meetings. */
export const needsExpertMeetings = (firstDraftOn, today) => addMonths(firstDraftOn, 6) < today;
export function silenceOutcome(expiresOn, today, objections) {
    if (objections > 0)
        return "broken";
    return today > expiresOn ? "concluded" : "running";
}
/**
 * Event proposals for year Y's Plan are due before 1 October of Y-1 (seeds/000 item 6), so the last day is 30 September.
 * A late proposal is accepted and flagged.
 */
export const eventPlanDeadline = (year) => `${year - 1}-09-30`;
export const isLateProposal = (year, submittedOn) => submittedOn > eventPlanDeadline(year);
/** Consensus: one open objection or reservation blocks a decision. */
export const blocks = (stance) => stance === "objection" || stance === "reservation" || stance === "needs_more_time";
export const daysLeft = (today, due) => daysBetween(today, due);
//# sourceMappingURL=rules.js.map