/**
 * Items the draft rules on coordinators imply (src/services/dated.ts over src/domain/procedures.ts), as a
 * delegation sees them after the SOC approves new offers: the new Coordinator's concept paper three months after
 * the term starts (MC/2023/DRAFT/4 para 2.7), the ends of the terms (1.3, 1.12), expert meetings (2.5); and the
 * table's rows matched with the rule item of their own date when the window holds several years.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SEED_NOW, testApp, type TestApp } from "../helpers/app.ts";
import { datedItems, type DatedItem } from "../../src/services/dated.ts";
import { ctxAs } from "./positions-helpers.ts";

let app: TestApp;
beforeEach(async () => { app = await testApp(); });
afterEach(async () => app?.close());

const items = async (now: string, from: string, to?: string, lang: "en" | "ru" = "en") => datedItems(await ctxAs(app, "India", now, lang), from, to);
const byId = (xs: DatedItem[], id: string) => xs.find((x) => x.id === id);
const approve = async (state: string, line: string) => {
  expect((await app.as(state, line)).status).toBe("ok");
  const offer = (await app.repos.coordination.offers()).find((o) => o.stateCode === (state === "Azerbaijan" ? "AZE" : "KWT") && o.status === "pending")!;
  expect((await app.as("secretariat", `/decide offer:${offer.stateCode} approved decision SOC/2023-II/DEC/9`)).status).toBe("ok");
};

describe("GIVEN the SOC approves Azerbaijan as Coordinator of Trade and investment for 2024-2026 and Kuwait as Co-coordinator of Tourism for 2024-2025", () => {
  beforeEach(async () => {
    await approve("Azerbaijan", "/offer trade and investment as coordinator for 2024-2026 We will coordinate");
    await approve("Kuwait", "/offer tourism as co-coordinator for 2024-2025 We will host an expert meeting");
  });

  it("Azerbaijan owes a concept paper by 1 April 2024, three months after its term starts; asked of Azerbaijan alone, a draft rule", async () => {
    const x = byId(await items(SEED_NOW, "2023-08-23"), "cp-appt-aze-trade-investment");
    expect(x).toEqual({
      id: "cp-appt-aze-trade-investment", kind: "concept_paper", title: "Concept paper due from Azerbaijan (Trade and investment)", due: "2024-04-01", daysLeft: 222,
      restricted: false, rule: "concept_paper_due", draft: true, addressees: ["AZE"], respond: { type: "none" },
    });
    expect(byId(await items(SEED_NOW, "2023-08-23", undefined, "ru"), "cp-appt-aze-trade-investment")?.title).toBe("Срок концептуального документа: Азербайджан (Торговля и инвестиции)");
    // A Co-coordinator owes none (2.7 is the Coordinator's).
    expect((await items(SEED_NOW, "2023-08-23")).some((i) => i.id.startsWith("cp-") && i.addressees?.includes("KWT"))).toBe(false);
  });

  it("each term's end is an item of its own, naming the state, its role and the area, in English and Russian", async () => {
    const xs = await items(SEED_NOW, "2023-08-23");
    expect(byId(xs, "te-appt-aze-trade-investment")).toEqual({
      id: "te-appt-aze-trade-investment", kind: "tenure_end", title: "Tenure ends: Azerbaijan, Coordinator, Trade and investment", due: "2026-12-31", daysLeft: 1226,
      restricted: false, rule: "tenure_end", draft: true, addressees: ["AZE"], respond: { type: "none" },
    });
    const kwt = xs.find((i) => i.kind === "tenure_end" && i.addressees?.includes("KWT"))!;
    expect(kwt).toMatchObject({ title: "Tenure ends: Kuwait, Co-coordinator, Tourism", due: "2025-12-31" });
    const ru = await items(SEED_NOW, "2023-08-23", undefined, "ru");
    expect(byId(ru, "te-appt-aze-trade-investment")?.title).toBe("Истекает срок: Азербайджан, Координатор, Торговля и инвестиции");
    expect(byId(ru, kwt.id)?.title).toBe("Истекает срок: Кувейт, Сокоординатор, Туризм");
  });

  it("Kuwait's term ends on the day the ICT row states: the row still asks only Russia and China, Kuwait's end stays its own", async () => {
    const xs = (await items(SEED_NOW, "2025-12-31", "2025-12-31")).filter((i) => i.kind === "tenure_end");
    expect(xs.map((x) => x.title)).toEqual([expect.stringMatching(/^End of tenure 2024-2025: Russian Federation/), "Tenure ends: Kuwait, Co-coordinator, Tourism"]);
    expect([...(xs[0]!.addressees as string[])].sort()).toEqual(["CHN", "RUS"]);
    expect(xs[1]!.addressees).toEqual(["KWT"]);
  });

  it("none of it was known the day before the decision", async () => {
    const xs = await items("2023-08-22T12:00:00+05:00", "2023-08-22");
    expect(xs.some((i) => i.addressees?.includes("AZE") || i.addressees?.includes("KWT"))).toBe(false);
  });
});

describe("expert meetings (2.5), six months after a concept paper reported under consideration on 7 December 2022", () => {
  it("on 1 May 2023: 7 June 2023, asked of the area's Coordinator, in Russian too", async () => {
    const xs = await items("2023-05-01T12:00:00+05:00", "2023-05-01", "2023-06-30");
    const tour = byId(xs, "em-tourism")!;
    expect(tour).toEqual({
      id: "em-tourism", kind: "concept_paper", due: "2023-06-07", daysLeft: 37, restricted: false,
      title: "Concept paper on Tourism under consideration for over six months: the Coordinator convenes CICA expert meetings",
      rule: "expert_meetings", draft: true, addressees: ["TJK"], respond: { type: "none" },
    });
    expect(byId(await items("2023-05-01T12:00:00+05:00", "2023-05-01", "2023-06-30", "ru"), "em-tourism")?.title).toBe("Концептуальный документ по области «Туризм» рассматривается более шести месяцев: координатор созывает совещания экспертов СВМДА");
  });
});

describe("a window over several years: each table row is matched with the rule item of its own date", () => {
  it("from 2022: the 2024 row states the 2024 proposals and approval; 2023's come from the rule, with their own years", async () => {
    const xs = await items(SEED_NOW, "2022-01-01", "2023-12-31");
    expect(byId(xs, "event-plan-2024-inputs")).toMatchObject({ due: "2023-09-30", respond: { type: "plan", year: 2024 } });
    expect(byId(xs, "soc-approval-plan-2024")).toMatchObject({ due: "2023-12-31", respond: { type: "plan", year: 2024 } });
    expect(byId(xs, "plan-proposals-2023")).toMatchObject({ due: "2022-09-30", title: "Proposals of CBM events for the Annual Plan 2023 to the Secretariat (before 1 October)", respond: { type: "plan", year: 2023 } });
    expect(byId(xs, "plan-approval-2023")).toMatchObject({ due: "2022-12-31", respond: { type: "plan", year: 2023 } });
    expect(xs.filter((x) => x.rule === "plan_proposals").map((x) => x.due)).toEqual(["2022-09-30", "2023-09-30"]);
  });
});
