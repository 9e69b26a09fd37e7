import { describe, expect, it } from "vitest";
import { annualPlanDue, conceptPaperSteps, coordinationDue, reminderOffsets, reviewDue } from "../../src/domain/procedures.ts";
import type { AppointmentRow, AreaRow } from "../../src/domain/types.ts";
import { CICA } from "../helpers/forum.ts";

const area: AreaRow = { id: "tourism", dimensionId: "economic", nameEn: "Tourism", nameRu: "Туризм", aliases: "", conceptPaperStatus: "no_progress", conceptPaperAsOf: null, conceptPaperNote: null, source: "" };
const appt = (over: Partial<AppointmentRow>): AppointmentRow => ({ id: "a", areaId: "tourism", stateCode: "TJK", role: "coordinator", fromDate: "2024-01-15", untilDate: "2025-12-31", tenure: null, decision: null, source: "", ...over });

describe("procedures that fall due", () => {
  it("2.7: a new Coordinator's concept paper is due three months after appointment, unless adopted", () => {
    const due = coordinationDue({ appointments: [appt({})], areas: [area], decidedOn: () => null, rules: CICA.rules }, "2024-01-20", "2024-01-20", "2024-12-31");
    expect(due.find((i) => i.rule === "concept_paper_due")).toMatchObject({ due: "2024-04-15", addressees: ["TJK"] });
    const adopted = coordinationDue({ appointments: [appt({})], areas: [{ ...area, conceptPaperStatus: "adopted", conceptPaperAsOf: "2024-01-01" }], decidedOn: () => null, rules: CICA.rules }, "2024-01-20", "2024-01-20", "2024-12-31");
    expect(adopted.some((i) => i.rule === "concept_paper_due")).toBe(false);
  });
  it("1.3, 1.12: a tenure's end is reminded 90 and 30 days before", () => {
    const due = coordinationDue({ appointments: [appt({})], areas: [area], decidedOn: () => null, rules: CICA.rules }, "2025-06-01", "2025-06-01", undefined);
    expect(due.find((i) => i.rule === "tenure_end")).toMatchObject({ due: "2025-12-31" });
    expect(reminderOffsets("tenure_end", [7, 1])).toEqual([90, 30]);
    expect(reminderOffsets("comments_due", [7, 1])).toEqual([7, 1]);
  });
  it("the Annual Plan: proposals by 30 September and SOC approval by 31 December, for every year", () => {
    const due = annualPlanDue(CICA.rules.eventPlan, "2021-01-01", "2024-12-31");
    expect(due.filter((i) => i.rule === "plan_proposals").map((i) => i.due)).toEqual(["2021-09-30", "2022-09-30", "2023-09-30", "2024-09-30"]);
    expect(due.filter((i) => i.rule === "plan_approval").map((i) => `${i.due} ${i.subject.year}`)).toEqual(["2021-12-31 2022", "2022-12-31 2023", "2023-12-31 2024", "2024-12-31 2025"]);
  });
});

describe("procedures at the edges of their rules", () => {
  const trade = (o: Partial<AreaRow> = {}): AreaRow => ({ ...area, id: "trade", conceptPaperStatus: "in_progress", conceptPaperAsOf: "2024-06-01", ...o });
  const facts = (appointments: AppointmentRow[], areas: AreaRow[] = [trade()]) => ({ appointments, areas, decidedOn: () => null, rules: CICA.rules });
  it("2.7: GIVEN a concept paper already submitted for approval THEN the new Coordinator owes none", () => {
    const a = appt({ areaId: "trade", fromDate: "2025-01-01", untilDate: "2026-12-31" });
    const f = facts([a], [trade({ conceptPaperStatus: "submitted_for_approval" })]);
    expect(coordinationDue(f, "2025-01-02", "2025-01-02", undefined).map((i) => i.rule)).toEqual(["tenure_end"]);
    expect(conceptPaperSteps(trade({ conceptPaperStatus: "submitted_for_approval" }), f, [], "2025-01-02").map((s) => s.kind)).toEqual(["reported", "expert_meetings_due"]);
  });
  it("2.7: GIVEN several areas THEN the Coordinator's own area decides whether a paper is in hand", () => {
    const a = appt({ areaId: "trade", fromDate: "2025-01-01", untilDate: "2026-12-31" });
    const f = facts([a], [area, trade({ conceptPaperStatus: "adopted" })]);
    expect(coordinationDue(f, "2025-01-02", "2025-01-02", undefined).map((i) => i.rule)).toEqual(["tenure_end"]);
  });
  it("GIVEN a window from or to the very due day THEN the item is in it", () => {
    const a = appt({ fromDate: "2025-01-01", untilDate: "2026-12-31" });
    expect(coordinationDue(facts([a], [area]), "2025-04-01", "2025-04-01", "2025-04-01").map((i) => i.id)).toEqual(["cp-a"]);
    expect(annualPlanDue(CICA.rules.eventPlan, "2023-09-30", "2023-12-30").map((i) => i.id)).toEqual(["plan-proposals-2024"]);
    expect(reviewDue(CICA.rules.review, ["RUS"], [], "2023-12-01", "2023-12-01").map((i) => i.id)).toEqual(["contribution-2023"]);
  });
  it("GIVEN a term that ended before the day asked about THEN nothing of it falls due, even in a window reaching back", () => {
    const a = appt({ fromDate: "2024-01-15", untilDate: "2025-12-31" });
    expect(coordinationDue(facts([a], [area]), "2026-01-05", "2024-01-01", undefined)).toEqual([]);
  });
  it("2.5: GIVEN co-coordinators, other areas' and former Coordinators THEN expert meetings are asked of the serving Coordinator only", () => {
    const serving = appt({ id: "s", areaId: "trade", stateCode: "IRQ", fromDate: "2024-01-01", untilDate: "2026-12-31" });
    const co = appt({ id: "c", areaId: "trade", stateCode: "CHN", role: "co_coordinator", fromDate: "2024-01-01", untilDate: "2026-12-31" });
    const former = appt({ id: "f", areaId: "trade", stateCode: "RUS", fromDate: "2020-01-01", untilDate: "2023-12-31" });
    const elsewhere = appt({ id: "e", areaId: "tourism", stateCode: "TJK", fromDate: "2024-01-01", untilDate: "2026-12-31" });
    const due = coordinationDue(facts([serving, co, former, elsewhere], [trade()]), "2024-07-01", "2024-07-01", "2024-12-31");
    expect(due.find((i) => i.rule === "expert_meetings")).toEqual({ id: "em-trade", rule: "expert_meetings", due: "2024-12-01", subject: { area: "trade", since: "2024-06-01" }, addressees: ["IRQ"], restricted: false });
  });
  it("the Annual Plan's approval is the SOC's, open to all members; nothing after the window's end is listed", () => {
    expect(annualPlanDue(CICA.rules.eventPlan, "2023-01-01", "2023-09-30")).toEqual([
      { id: "plan-proposals-2024", rule: "plan_proposals", due: "2023-09-30", subject: { year: "2024" }, addressees: "members", restricted: false },
    ]);
    expect(annualPlanDue(CICA.rules.eventPlan, "2023-10-01", "2023-12-31")).toEqual([
      { id: "plan-approval-2024", rule: "plan_approval", due: "2023-12-31", subject: { year: "2024" }, addressees: "members", restricted: false },
    ]);
  });
  it("3.2, 3.5: GIVEN a review meeting only next year THEN this year's review and contributions stay as the rules say", () => {
    expect(reviewDue(CICA.rules.review, ["RUS"], ["2024-10-10"], "2023-01-01", "2023-12-31").map((i) => `${i.id} ${i.due}`)).toEqual([
      "cbm-review-2023 2023-12-31", "contribution-2023 2023-12-01",
    ]);
  });
});
