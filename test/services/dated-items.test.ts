/**
 * What falls due (src/services/dated.ts datedItems) as known on a day of the seeds: the deadline table from the
 * day each date was announced, the rules' own items (Annual Plan, review, tenure ends) merged with the table rows
 * that state the same obligation, who is asked to act and how they answer, and whether the rule is a draft rule.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SEED_NOW, testApp, type TestApp } from "../helpers/app.ts";
import type { DatedItem } from "../../src/services/dated.ts";
import { itemsAs } from "./positions-helpers.ts";

let app: TestApp;
beforeEach(async () => { app = await testApp(); });
afterEach(async () => app?.close());

const items = (now: string, from: string, to?: string, who = "India", lang: "en" | "ru" = "en") => itemsAs(app, now, from, to, who, lang);
const byId = (xs: DatedItem[], id: string) => xs.find((x) => x.id === id);
const ids = (xs: DatedItem[]) => xs.map((x) => x.id);

describe("GIVEN 23 August 2023, the morning after the SOC decided on the 2024 Plan (seeds/000 item 6)", () => {
  it("the table row on 2024 proposals states the 1 October rule: its wording, the rule's facts, and no second item for the rule", async () => {
    const xs = await items(SEED_NOW, "2023-08-23");
    expect(byId(xs, "event-plan-2024-inputs")).toEqual({
      id: "event-plan-2024-inputs", kind: "event_plan", due: "2023-09-30", daysLeft: 38, restricted: false,
      title: expect.stringMatching(/^Submit preliminary information on CBM events planned in 2024 \(brief concept/),
      rule: "plan_proposals", draft: false, addressees: "members", respond: { type: "plan", year: 2024 },
    });
    expect(ids(xs)).not.toContain("plan-proposals-2024");
    expect(xs.filter((x) => x.due === "2023-09-30")).toHaveLength(1);
  });

  it("the SOC's approval of the 2024 Plan before year end is the table's row, kind 'other', answered by a plan proposal", async () => {
    const xs = await items(SEED_NOW, "2023-08-23");
    expect(byId(xs, "soc-approval-plan-2024")).toMatchObject({ kind: "other", due: "2023-12-31", rule: "plan_approval", draft: false, addressees: "members", respond: { type: "plan", year: 2024 } });
    expect(ids(xs)).not.toContain("plan-approval-2024");
    // The next year's, which no table row states, comes from the rule with its own wording.
    expect(byId(xs, "plan-approval-2025")).toEqual({
      id: "plan-approval-2025", kind: "other", due: "2024-12-31", daysLeft: 496, restricted: false,
      title: "SOC approval of the Annual Plan of Implementation of CBMs for 2025 (before the end of the year)",
      rule: "plan_approval", draft: false, addressees: "members", respond: { type: "plan", year: 2025 },
    });
    expect(byId(xs, "plan-proposals-2025")).toMatchObject({ kind: "event_plan", title: "Proposals of CBM events for the Annual Plan 2025 to the Secretariat (before 1 October)", respond: { type: "plan", year: 2025 } });
  });

  it("the end of the ICT tenure 2024-2025 is one row that asks both Russia (Coordinator) and China (Co-coordinator)", async () => {
    const xs = await items(SEED_NOW, "2023-08-23");
    const te = xs.filter((x) => x.due === "2025-12-31");
    expect(te).toHaveLength(1);
    expect(te[0]).toMatchObject({ id: "tenure-end-ict-2025", kind: "tenure_end", rule: "tenure_end", draft: true, respond: { type: "none" } });
    expect(te[0]!.title).toMatch(/^End of tenure 2024-2025: Russian Federation \(coordinator\) and China \(co-coordinator\)/);
    expect([...(te[0]!.addressees as string[])].sort()).toEqual(["CHN", "RUS"]);
  });

  it("the review and the coordinators' contributions come from the draft rules (3.2, 3.5); the contributions ask those serving", async () => {
    const xs = await items(SEED_NOW, "2023-08-23");
    expect(byId(xs, "cbm-review-2023")).toEqual({
      id: "cbm-review-2023", kind: "review_window", due: "2023-12-31", daysLeft: 130, restricted: false,
      title: "SOC regular review of CBM implementation in 2023 (not less than once a year)", rule: "cbm_review", draft: true, addressees: "members", respond: { type: "none" },
    });
    const c = byId(xs, "contribution-2023")!;
    expect(c).toMatchObject({ kind: "review_window", due: "2023-12-01", title: "Coordinators' and Co-coordinators' written contributions to the SOC review of 2023", rule: "written_contribution", draft: true, respond: { type: "none" } });
    const asked = c.addressees as string[];
    // Russia (ICT, seeds/004), Tajikistan (Tourism), Bangladesh and Jordan (co-coordinators since 2021, seeds/001) …
    expect(asked).toEqual(expect.arrayContaining(["RUS", "TJK", "BGD", "JOR", "CHN", "TUR", "KGZ"]));
    expect(new Set(asked).size).toBe(asked.length);
    // … not Iraq or Israel, whose offers are pending.
    expect(asked).not.toContain("IRQ");
    expect(asked).not.toContain("ISR");
  });

  it("a meeting asks nobody and cites no rule", async () => {
    expect(byId(await items(SEED_NOW, "2023-08-23"), "mc-informal-2023-09-21")).toEqual({
      id: "mc-informal-2023-09-21", kind: "meeting", due: "2023-09-21", daysLeft: 29, restricted: false,
      title: "Informal CICA Ministerial Council Meeting, New York (sidelines of the High-level Week of the 78th session of the UN General Assembly)",
    });
  });

  it("only [from, to]: 1-30 September 2023 holds the MC meeting, the side event and the proposals, no later date", async () => {
    expect(ids(await items(SEED_NOW, "2023-09-01", "2023-09-30"))).toEqual(["mc-informal-2023-09-21", "side-event-un-cica-2023-09-22", "event-plan-2024-inputs"]);
    expect(ids(await items(SEED_NOW, "2023-09-22", "2023-09-30"))).toEqual(["side-event-un-cica-2023-09-22", "event-plan-2024-inputs"]);
  });

  it("in date order, and on one day by title in the reader's language", async () => {
    const en = (await items(SEED_NOW, "2023-12-31", "2023-12-31")).map((x) => x.id);
    expect(en).toEqual(["soc-approval-plan-2024", "cbm-review-2023"]); // "SOC approval …" < "SOC regular review …"
    const ru = await items(SEED_NOW, "2023-12-31", "2023-12-31", "India", "ru");
    expect(ru.map((x) => x.id)).toEqual(["cbm-review-2023", "soc-approval-plan-2024"]); // "Регулярный обзор …" < "Утверждение …"
    expect(ru[1]!.title).toBe("Утверждение КСДЛ Ежегодного плана реализации мер доверия СВМДА на 2024 год (до конца 2023 года)");
    expect(ru[0]!.title).toBe("Регулярный обзор КСДЛ реализации мер доверия в 2023 году (не реже одного раза в год)");
    const all = await items(SEED_NOW, "2023-08-23");
    expect(all.map((x) => x.due)).toEqual([...all.map((x) => x.due)].sort());
  });
});

describe("a date is known from the day it was announced", () => {
  it("on 21 August 2023, before the SOC set the 2024 dates, the rule's own items stand in for the table's rows", async () => {
    const xs = await items("2023-08-21T12:00:00+05:00", "2023-08-21", "2023-12-31");
    expect(ids(xs)).not.toContain("event-plan-2024-inputs");
    expect(ids(xs)).not.toContain("soc-approval-plan-2024");
    expect(ids(xs)).not.toContain("seminar-digital-forensics-2023");
    expect(byId(xs, "plan-proposals-2024")).toMatchObject({ kind: "event_plan", due: "2023-09-30", title: "Proposals of CBM events for the Annual Plan 2024 to the Secretariat (before 1 October)" });
    expect(byId(xs, "plan-approval-2024")).toMatchObject({ due: "2023-12-31", rule: "plan_approval" });
    expect(byId(xs, "swg-2023-08-21")).toMatchObject({ kind: "meeting", daysLeft: 0 });
    // The ICT term for 2024-2025 was not decided yet: no tenure end.
    expect(xs.concat(await items("2023-08-21T12:00:00+05:00", "2025-01-01")).some((x) => x.kind === "tenure_end")).toBe(false);
  });

  it("the review meeting of 15 June 2022 (announced 7 December 2022) fixes the 2022 contributions' date and replaces the default review", async () => {
    const before = await items("2022-12-06T12:00:00+05:00", "2022-01-01", "2022-12-31");
    expect(byId(before, "cbm-review-2022")).toMatchObject({ due: "2022-12-31" });
    expect(byId(before, "contribution-2022")).toMatchObject({ due: "2022-12-01" });
    expect(ids(before)).not.toContain("soc-2022-06-15");
    const after = await items("2022-12-08T12:00:00+05:00", "2022-01-01", "2022-12-31");
    expect(ids(after)).not.toContain("cbm-review-2022");
    expect(byId(after, "contribution-2022")).toMatchObject({ due: "2022-06-15", daysLeft: -176 });
    expect(byId(after, "soc-2022-06-15")).toMatchObject({ kind: "meeting", due: "2022-06-15" });
  });

  it("a review meeting the Secretariat adds, named 'Review' or 'обзор', is the review of its year; another meeting is not", async () => {
    for (const line of ["/deadline add 2024-06-20 meeting SOC Review of CBM implementation", "/deadline add 2025-06-18 meeting КСДЛ: Обзор мер доверия", "/deadline add 2025-03-12 meeting SOC meeting in Astana"])
      expect((await app.as("secretariat", line)).status).toBe("ok");
    const xs = await items(SEED_NOW, "2024-01-01", "2025-12-31");
    expect(ids(xs)).not.toContain("cbm-review-2024");
    expect(ids(xs)).not.toContain("cbm-review-2025");
    expect(byId(xs, "contribution-2024")).toMatchObject({ due: "2024-06-20" });
    expect(byId(xs, "contribution-2025")).toMatchObject({ due: "2025-06-18" });
  });

  it("in March 2021 nobody is on record as serving: no contributions are asked for; the Plan's dates are", async () => {
    const xs = await items("2021-03-10T12:00:00+05:00", "2021-01-01");
    expect(xs.some((x) => x.rule === "written_contribution")).toBe(false);
    expect(ids(xs)).toEqual(expect.arrayContaining(["plan-proposals-2022", "plan-approval-2022", "cbm-review-2021"]));
  });
});

describe("draft rules until MC/2023/DRAFT/4 is adopted, and only from the day it is", () => {
  it("GIVEN the Secretariat records its adoption on 23 August 2023 THEN the review's rule is a rule from that day, a draft rule the day before", async () => {
    expect((await app.as("secretariat", "/decide MC/2023/DRAFT/4 adopted override Adopted by the Ministerial Council")).status).toBe("ok");
    expect(byId(await items(SEED_NOW, "2023-08-23"), "cbm-review-2023")).toMatchObject({ rule: "cbm_review", draft: false });
    expect(byId(await items("2023-08-22T12:00:00+05:00", "2023-08-22"), "cbm-review-2023")).toMatchObject({ rule: "cbm_review", draft: true });
    // The SOC's own decisions were never draft rules.
    expect(byId(await items("2023-08-22T12:00:00+05:00", "2023-08-22"), "event-plan-2024-inputs")).toMatchObject({ draft: false });
  });
});
