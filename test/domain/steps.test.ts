/** The procedures that fall due and the concept paper's steps, as pure rules (src/domain/procedures.ts). */
import { describe, expect, it } from "vitest";
import {
  RULES, annualPlanDue, conceptPaperDue, conceptPaperSteps, coordinationDue, expertMeetingsDue, isDraftRule, reminderOffsets, reviewDue, DEFAULT_REMINDER_OFFSETS,
} from "../../src/domain/procedures.ts";
import type { AppointmentRow, AreaRow } from "../../src/domain/types.ts";
import { CICA } from "../helpers/forum.ts";

const area = (o: Partial<AreaRow> = {}): AreaRow => ({ id: "trade", dimensionId: "economic", nameEn: "Trade", nameRu: "Торговля", aliases: "", conceptPaperStatus: "to_be_adopted", conceptPaperAsOf: "2022-12-07", conceptPaperNote: null, source: "", ...o });
const appt = (o: Partial<AppointmentRow>): AppointmentRow => ({ id: "a", areaId: "trade", stateCode: "IRQ", role: "coordinator", fromDate: "2025-01-01", untilDate: "2026-12-31", tenure: "2025-2026", decision: "SOC/2024-I/DEC/3", source: "", offerId: "irq", ...o });
const offers = [{ id: "irq", submittedOn: "2024-03-04" }];
const meetings = [{ id: "swg", due: "2022-12-12" }, { id: "soc", due: "2022-12-14" }, { id: "old", due: "2022-06-15" }];

describe("2.7 and 2.5 as functions", () => {
  it("a concept paper is due at application or three months after appointment; expert meetings six months after the first draft", () => {
    expect(conceptPaperDue("2024-03-04", "2025-01-01", CICA.rules.conceptPaper)).toEqual({ atApplication: "2024-03-04", latest: "2025-04-01" });
    expect(conceptPaperDue(null, "2024-11-30", CICA.rules.conceptPaper)).toEqual({ atApplication: null, latest: "2025-02-28" });
    expect(conceptPaperDue(undefined, "2024-01-15", CICA.rules.conceptPaper)).toEqual({ atApplication: null, latest: "2024-04-15" });
    expect(expertMeetingsDue("2022-12-07", CICA.rules.expertMeetings)).toBe("2023-06-07");
  });
});

describe("a concept paper, step by step", () => {
  const f = (appointments: AppointmentRow[], decided: string | null = "2024-03-20") => ({ appointments, areas: [area()], decidedOn: () => decided, offers, rules: CICA.rules });
  it("the report's step with the next meeting after it, known only from the report's date", () => {
    expect(conceptPaperSteps(area(), f([]), meetings, "2022-12-06")).toEqual([]);
    expect(conceptPaperSteps(area(), f([]), meetings, "2022-12-07")).toEqual([{ kind: "reported", date: "2022-12-07", status: "to_be_adopted" }]);
    expect(conceptPaperSteps(area(), f([]), meetings, "2022-12-12")).toEqual([{ kind: "reported", date: "2022-12-07", status: "to_be_adopted", meeting: "swg" }]);
  });
  it("a paper under consideration adds the 2.5 date; an adopted one does not", () => {
    const inProgress = conceptPaperSteps(area({ conceptPaperStatus: "in_progress" }), f([]), [], "2023-01-01");
    expect(inProgress).toEqual([{ kind: "reported", date: "2022-12-07", status: "in_progress" }, { kind: "expert_meetings_due", date: "2023-06-07", rule: "expert_meetings" }]);
    expect(conceptPaperSteps(area({ conceptPaperStatus: "submitted_for_approval" }), f([]), [], "2023-01-01").map((s) => s.kind)).toEqual(["reported", "expert_meetings_due"]);
    expect(conceptPaperSteps(area({ conceptPaperStatus: "adopted" }), f([]), [], "2023-01-01").map((s) => s.kind)).toEqual(["reported"]);
  });
  it("a new Coordinator: due with the application and at the latest three months after appointment, once decided, until the term ends", () => {
    const a = appt({});
    expect(conceptPaperSteps(area(), f([a]), [], "2024-03-19").map((s) => s.kind)).toEqual(["reported"]);
    expect(conceptPaperSteps(area(), f([a]), [], "2024-03-20")).toEqual([
      { kind: "reported", date: "2022-12-07", status: "to_be_adopted" },
      { kind: "due_at_application", date: "2024-03-04", state: "IRQ", rule: "concept_paper_due" },
      { kind: "due", date: "2025-04-01", state: "IRQ", rule: "concept_paper_due" },
    ]);
    expect(conceptPaperSteps(area(), f([a]), [], "2027-01-01").map((s) => s.kind)).toEqual(["reported"]);
    // No application on file: only the latest date. A Co-coordinator, or an undated term, is not a new Coordinator.
    expect(conceptPaperSteps(area(), { ...f([appt({ offerId: null })]), offers: [] }, [], "2025-01-02").map((s) => s.kind)).toEqual(["reported", "due"]);
    expect(conceptPaperSteps(area(), f([appt({ role: "co_coordinator" })]), [], "2025-01-02").map((s) => s.kind)).toEqual(["reported"]);
    expect(conceptPaperSteps(area(), f([appt({ fromDate: null, untilDate: null, tenure: null })], null), [], "2025-01-02").map((s) => s.kind)).toEqual(["reported"]);
    expect(conceptPaperSteps(area(), f([appt({ areaId: "other" })]), [], "2025-01-02").map((s) => s.kind)).toEqual(["reported"]);
    // A paper adopted or submitted is in hand: nothing is due from the new Coordinator.
    expect(conceptPaperSteps(area({ conceptPaperStatus: "adopted" }), f([a]), [], "2025-01-02").map((s) => s.kind)).toEqual(["reported"]);
  });
  it("the meeting that took the report up is the first on or after the report's day, in whatever order meetings come", () => {
    expect(conceptPaperSteps(area(), f([]), [{ id: "soc", due: "2022-12-14" }, { id: "swg", due: "2022-12-12" }], "2022-12-31")[0]!.meeting).toBe("swg");
    expect(conceptPaperSteps(area(), f([]), [{ id: "same-day", due: "2022-12-07" }, ...meetings], "2022-12-31")[0]!.meeting).toBe("same-day");
  });
  it("GIVEN no offers on record, or only another state's offer THEN only the latest date is due, not an application date", () => {
    const { offers: _none, ...noOffers } = f([appt({})]);
    expect(conceptPaperSteps(area(), noOffers, [], "2025-01-02").map((s) => s.kind)).toEqual(["reported", "due"]);
    expect(conceptPaperSteps(area(), { ...f([appt({})]), offers: [{ id: "kaz", submittedOn: "2024-01-10" }] }, [], "2025-01-02").map((s) => s.kind)).toEqual(["reported", "due"]);
  });
  it("GIVEN an application before the report THEN the steps are in date order", () => {
    const steps = conceptPaperSteps(area({ conceptPaperStatus: "in_progress", conceptPaperAsOf: "2024-06-01" }), f([appt({})]), [], "2025-01-02");
    expect(steps.map((s) => `${s.date} ${s.kind}`)).toEqual(["2024-03-04 due_at_application", "2024-06-01 reported", "2024-12-01 expert_meetings_due", "2025-04-01 due"]);
  });
});

describe("what falls due in a window", () => {
  it("2.7 and 1.3/1.12 for a dated Coordinator term, inside [from, to] only", () => {
    const a = appt({});
    const due = coordinationDue({ appointments: [a], areas: [area()], decidedOn: () => "2024-03-20", offers, rules: CICA.rules }, "2025-01-02", "2025-01-02", undefined);
    expect(due).toEqual([
      { id: "cp-a", rule: "concept_paper_due", due: "2025-04-01", subject: { state: "IRQ", area: "trade" }, addressees: ["IRQ"], restricted: false },
      { id: "te-a", rule: "tenure_end", due: "2026-12-31", subject: { state: "IRQ", area: "trade", role: "coordinator" }, addressees: ["IRQ"], restricted: false },
    ]);
    expect(coordinationDue({ appointments: [a], areas: [area()], decidedOn: () => "2024-03-20", rules: CICA.rules }, "2025-01-02", "2025-01-02", "2025-03-31")).toEqual([]);
    expect(coordinationDue({ appointments: [a], areas: [area()], decidedOn: () => "2024-03-20", rules: CICA.rules }, "2024-03-19", "2024-03-19", undefined)).toEqual([]);
    expect(coordinationDue({ appointments: [a], areas: [area()], decidedOn: () => "2024-03-20", rules: CICA.rules }, "2027-01-01", "2027-01-01", undefined)).toEqual([]);
    expect(coordinationDue({ appointments: [appt({ role: "co_coordinator" })], areas: [area()], decidedOn: () => null, rules: CICA.rules }, "2025-01-02", "2025-01-02", undefined).map((i) => i.rule)).toEqual(["tenure_end"]);
  });
  it("2.5 for a paper under consideration, addressed to the serving Coordinator; none without one", () => {
    const a = appt({ fromDate: "2021-01-01", untilDate: null, tenure: null, offerId: null });
    const f = { appointments: [a], areas: [area({ conceptPaperStatus: "in_progress" })], decidedOn: () => null, rules: CICA.rules };
    expect(coordinationDue(f, "2023-01-01", "2023-01-01", "2023-12-31")).toEqual([
      { id: "em-trade", rule: "expert_meetings", due: "2023-06-07", subject: { area: "trade", since: "2022-12-07" }, addressees: ["IRQ"], restricted: false },
    ]);
    expect(coordinationDue({ ...f, appointments: [] }, "2023-01-01", "2023-01-01", "2023-12-31")).toEqual([]);
    expect(coordinationDue(f, "2023-07-01", "2023-07-01", "2023-12-31")).toEqual([]);
    expect(coordinationDue({ ...f, areas: [area({ conceptPaperStatus: "in_progress", conceptPaperAsOf: null })] }, "2023-01-01", "2023-01-01", "2023-12-31")).toEqual([]);
  });
  it("the SOC review (3.2) by year end unless a review meeting is scheduled, and the written contributions (3.5)", () => {
    expect(reviewDue(CICA.rules.review, ["RUS"], [], "2023-01-01", "2023-12-31")).toEqual([
      { id: "cbm-review-2023", rule: "cbm_review", due: "2023-12-31", subject: { year: "2023" }, addressees: "members", restricted: false },
      { id: "contribution-2023", rule: "written_contribution", due: "2023-12-01", subject: { year: "2023" }, addressees: ["RUS"], restricted: false },
    ]);
    expect(reviewDue(CICA.rules.review, ["RUS"], ["2023-11-20", "2023-10-10"], "2023-01-01", "2023-12-31").map((i) => `${i.rule} ${i.due}`)).toEqual(["written_contribution 2023-10-10"]);
    expect(reviewDue(CICA.rules.review, [], [], "2023-01-01", "2023-12-31").map((i) => i.rule)).toEqual(["cbm_review"]);
    expect(reviewDue(CICA.rules.review, [], [], "2023-06-01", undefined).map((i) => i.id)).toEqual(["cbm-review-2023", "cbm-review-2024"]);
    expect(reviewDue(CICA.rules.review, [], [], "2023-06-01", undefined, 0).map((i) => i.id)).toEqual(["cbm-review-2023"]);
    expect(reviewDue(CICA.rules.review, ["RUS"], [], "2023-12-02", "2023-12-31").map((i) => i.id)).toEqual(["cbm-review-2023"]);
  });
  it("the Annual Plan for each year, inside the window", () => {
    expect(annualPlanDue(CICA.rules.eventPlan, "2023-10-01", "2023-12-31").map((i) => i.id)).toEqual(["plan-approval-2024"]);
    expect(annualPlanDue(CICA.rules.eventPlan, "2023-10-01", undefined).map((i) => i.id)).toEqual(["plan-approval-2024", "plan-proposals-2025", "plan-approval-2025"]);
    expect(annualPlanDue(CICA.rules.eventPlan, "2023-10-01", undefined, 0).map((i) => i.id)).toEqual(["plan-approval-2024"]);
    expect(annualPlanDue(CICA.rules.eventPlan, "2023-01-01", "2023-09-30")[0]).toEqual({ id: "plan-proposals-2024", rule: "plan_proposals", due: "2023-09-30", subject: { year: "2024" }, addressees: "members", restricted: false });
  });
  it("draft rules while the modalities text is not adopted; reminders 7 and 1 days before unless the rule says", () => {
    expect(isDraftRule(RULES.concept_paper_due, false)).toBe(true);
    expect(isDraftRule(RULES.concept_paper_due, true)).toBe(false);
    expect(isDraftRule(RULES.plan_proposals, false)).toBe(false);
    expect(DEFAULT_REMINDER_OFFSETS).toEqual([7, 1]);
    expect(reminderOffsets("comments_due")).toEqual([7, 1]);
    expect(reminderOffsets("tenure_end")).toEqual([90, 30]);
    expect(reminderOffsets("silence_expiry", [3])).toEqual([3]);
    expect(CICA.rules.citations.concept_paper_due?.para).toBe("2.7");
    expect(CICA.rules.citations.expert_meetings?.para).toBe("2.5");
    expect(CICA.rules.citations.acting_coordinator?.para).toBe("1.11");
  });
});
