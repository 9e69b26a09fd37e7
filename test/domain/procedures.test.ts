import { describe, expect, it } from "vitest";
import { annualPlanDue, coordinationDue, reminderOffsets } from "../../src/domain/procedures.ts";
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
