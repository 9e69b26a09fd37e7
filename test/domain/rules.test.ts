import { describe, expect, it } from "vitest";
import { checkTenure, eventPlanDeadline, isLateProposal, tenureYears, blocks } from "../../src/domain/rules.ts";
import { silenceStatus } from "../../src/domain/timeline.ts";
import { coordinationDue } from "../../src/domain/procedures.ts";
import type { AppointmentRow, AreaRow } from "../../src/domain/types.ts";
import { addDays, addMonths, calendarDate, daysBetween, isIsoDate, zonedTime } from "../../src/domain/dates.ts";
import { cutText, matchScore, normalise, shorten } from "../../src/domain/text.ts";
import { CICA } from "../helpers/forum.ts";

describe("tenure of coordinators (2–4 years, MC/2023/DRAFT/4 para 1.10)", () => {
  it("GIVEN 2024-2025 THEN it is two years and acceptable", () => {
    expect(tenureYears("2024-2025")).toBe(2);
    expect(checkTenure("2024-2025", CICA.rules.tenure)).toEqual({ ok: true, years: 2 });
  });
  it("GIVEN one year or five years THEN it is refused with the reason", () => {
    expect(checkTenure("2024-2024", CICA.rules.tenure)).toEqual({ ok: false, years: 1, reason: "too_short" });
    expect(checkTenure("2024–2028", CICA.rules.tenure)).toEqual({ ok: false, years: 5, reason: "too_long" });
    expect(checkTenure("four years", CICA.rules.tenure)).toEqual({ ok: false, reason: "unreadable" });
  });
  it("GIVEN four years THEN it is the longest acceptable tenure", () => {
    expect(checkTenure("2024-2027", CICA.rules.tenure)).toEqual({ ok: true, years: 4 });
  });
  it("GIVEN spaces around the years or the dash THEN it is still read; other text around it is not", () => {
    expect(tenureYears(" 2024 - 2025 ")).toBe(2);
    expect(tenureYears("2024 –2026")).toBe(3);
    expect(tenureYears("2024– 2026")).toBe(3);
    expect(tenureYears("for 2024-2025")).toBeUndefined();
    expect(tenureYears("2024-2025 onwards")).toBeUndefined();
    expect(tenureYears("2024x-2025")).toBeUndefined();
    expect(tenureYears("2024-x2025")).toBeUndefined();
  });
});

describe("silence procedure (seeds/001 item 3)", () => {
  const sp = { id: "sp", targetRef: null, startsOn: "2021-03-05", expiresOn: "2021-03-20", outcome: "running", brokenBy: null, brokenAt: null };
  const objection = (on: string) => [{ stateCode: "IND", stance: "objection", targetType: "silence", targetRef: "sp", on }];
  it("GIVEN no objection WHEN the last day has passed THEN it is approved", () => {
    expect(silenceStatus(sp, [], "2021-03-20").state).toBe("running");
    expect(silenceStatus(sp, [], "2021-03-21").state).toBe("approved");
  });
  it("GIVEN any objection THEN silence is broken, even before expiry and on the last day", () => {
    expect(silenceStatus(sp, objection("2021-03-10"), "2021-03-10")).toEqual({ state: "broken", brokenBy: "IND", brokenOn: "2021-03-10" });
    expect(silenceStatus(sp, objection("2021-03-20"), "2021-03-25").state).toBe("broken");
  });
});

describe("deadline rules", () => {
  const area: AreaRow = { id: "x", dimensionId: "d", nameEn: "X", nameRu: "X", aliases: "", conceptPaperStatus: "in_progress", conceptPaperAsOf: "2023-01-10", conceptPaperNote: null, source: "" };
  const coordinator: AppointmentRow = { id: "a", areaId: "x", stateCode: "TJK", role: "coordinator", fromDate: "2023-11-30", untilDate: null, tenure: null, decision: null, source: "" };
  it("GIVEN an appointment on 30 November THEN the concept paper is due three months later, clamped to the month's end", () => {
    const due = coordinationDue({ appointments: [coordinator], areas: [area], decidedOn: () => null, rules: CICA.rules }, "2023-12-01", "2023-12-01", "2024-12-31");
    expect(due.find((i) => i.rule === "concept_paper_due")?.due).toBe("2024-02-29");
  });
  it("GIVEN a concept paper first issued six months ago THEN expert meetings are due then", () => {
    const due = coordinationDue({ appointments: [{ ...coordinator, fromDate: "2022-01-01" }], areas: [area], decidedOn: () => null, rules: CICA.rules }, "2023-06-01", "2023-06-01", "2023-12-31");
    expect(due.find((i) => i.rule === "expert_meetings")?.due).toBe("2023-07-10");
  });
  it("GIVEN the 2024 Plan THEN proposals are due before 1 October 2023 and later ones are late", () => {
    expect(eventPlanDeadline(2024, CICA.rules.eventPlan)).toBe("2023-09-30");
    expect(isLateProposal(2024, "2023-09-30", CICA.rules.eventPlan)).toBe(false);
    expect(isLateProposal(2024, "2023-10-01", CICA.rules.eventPlan)).toBe(true);
  });
  it("GIVEN stances THEN objections, reservations and 'needs more time' block and support does not", () => {
    expect(["objection", "reservation", "needs_more_time", "support"].map(blocks)).toEqual([true, true, true, false]);
  });
});

describe("calendar dates in Astana", () => {
  it("GIVEN 23 Aug 2023 01:00 Astana (22 Aug UTC) THEN the calendar date is the 23rd", () => {
    expect(calendarDate(new Date("2023-08-22T20:00:00Z"), "Asia/Almaty")).toBe("2023-08-23");
    expect(calendarDate(new Date("2023-08-22T20:00:00Z"), "UTC")).toBe("2023-08-22");
  });
  it("GIVEN 08:30 in a zone THEN the instant is right, also across a DST change", () => {
    expect(zonedTime("2023-08-23", "08:30", "Asia/Almaty").toISOString()).toBe("2023-08-23T02:30:00.000Z");
    expect(zonedTime("2024-03-30", "08:30", "Europe/Berlin").toISOString()).toBe("2024-03-30T07:30:00.000Z");
    expect(zonedTime("2024-03-31", "08:30", "Europe/Berlin").toISOString()).toBe("2024-03-31T06:30:00.000Z");
  });
  it("GIVEN dates THEN day arithmetic and validation are exact", () => {
    expect(daysBetween("2023-08-23", "2023-10-01")).toBe(39);
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(addMonths("2023-08-31", 6)).toBe("2024-02-29");
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
  });
});

describe("name matching", () => {
  it("GIVEN diacritics and case THEN names normalise (Türkiye → turkiye)", () => {
    expect(normalise("  Türkiye ")).toBe("turkiye");
  });
  it("GIVEN a prefix, a word or a near miss THEN it scores, an unrelated word does not", () => {
    expect(matchScore("terror", "Combating terrorism")).toBeGreaterThanOrEqual(50);
    expect(matchScore("Bangldesh", "Bangladesh")).toBeGreaterThan(0);
    expect(matchScore("tourism", "Combating terrorism")).toBe(0);
  });
  it("GIVEN long text THEN it is shortened at a word with an ellipsis", () => {
    expect(shorten("one two three four five", 12)).toBe("one two…");
    expect(shorten("short", 12)).toBe("short");
  });
});

describe("cutting long text for platform limits", () => {
  it("GIVEN text over the limit THEN it is cut at a preferred break in the second half, else hard, and nothing but the break is lost", () => {
    expect(cutText("aaa bbb ccc", 8)).toEqual(["aaa bbb", "ccc"]);
    expect(cutText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
    expect(cutText("aaaa\nbb bb\ncc", 10, ["\n", " "])).toEqual(["aaaa\nbb bb", "cc"]);
    expect(cutText("", 5)).toEqual([""]);
    const long = "word ".repeat(500).trim();
    expect(cutText(long, 97).join(" ")).toBe(long);
  });
});

