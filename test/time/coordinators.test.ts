/**
 * Terms of Coordinators and Co-coordinators on any date (src/domain/timeline.ts appointmentState): an approved
 * term counts only from its start date; a serving state's next term is said on the same line; a term the
 * seeds record without dates is known only from the date of the document that records it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
beforeAll(async () => { app = await testApp(); });
afterAll(async () => app?.close());
/** `who` may end in ":ru" to ask in Russian (the person's /lang preference, set back to English after). */
const at = async (day: string, line: string, who = "India") => {
  app.setNow(`${day}T09:00:00+05:00`);
  const [name, lang] = who.split(":");
  if (!lang) return app.text(name!, line);
  await app.as(name!, `/lang ${lang}`);
  try { return await app.text(name!, line); } finally { await app.as(name!, "/lang en"); }
};

describe("/coordinators ICT around the renewal of 22 August 2023 (SOC/2023-II/DEC/1)", () => {
  it("before the SG report of 7 December 2022 records Russia's undated term, no Coordinator is on record", async () => {
    const t = await at("2022-06-01", "/coordinators ICT");
    expect(t).toMatch(/Coordinator: vacant\n/);
    expect(t).not.toContain("Russian Federation");
    expect(await at("2022-12-07", "/coordinators ICT")).toMatch(/Coordinator: Russian Federation\n/);
  });
  it("on 23 August 2023: one line for Russia with its current and its next term, China's approved term listed apart", async () => {
    const t = await at("2023-08-23", "/coordinators ICT");
    expect(t).toMatch(/Coordinator: Russian Federation \(current term; next term: 2024-2025, from 1 January 2024\)\n/);
    expect(t).not.toMatch(/Russian Federation;/);
    expect(t).toMatch(/Co-coordinators: —\n/);
    expect(t).toContain("Approved, not yet started: China — Co-coordinator (2024-2025, from 1 January 2024)");
    expect(t).toContain("(Decisions: SOC/2023-II/DEC/1)");
  });
  it("the same in Russian", async () => {
    const t = await at("2023-08-23", "/coordinators ICT", "India:ru");
    expect(t).toMatch(/Российская Федерация \(текущий срок; следующий срок: 2024-2025, с 1 января 2024 г\.\)/);
    expect(t).toContain("Утверждены, срок ещё не начался: Китай — Сокоординатор (2024-2025, с 1 января 2024 г.)");
  });
  it("on 31 December 2023 still the current term; from 1 January 2024 the new terms are in force and nothing is 'approved, not started'", async () => {
    expect(await at("2023-12-31", "/coordinators ICT")).toContain("next term: 2024-2025");
    const t = await at("2024-01-01", "/coordinators ICT");
    expect(t).toMatch(/Coordinator: Russian Federation \(2024-2025\)\n/);
    expect(t).toMatch(/Co-coordinators: China \(2024-2025\)\n/);
    expect(t).not.toContain("Approved, not yet started");
    expect(t).not.toContain("next term");
  });
  it("a state's view says the same: Russia's next term on its line, China's approved terms marked as not yet started", async () => {
    expect(await at("2023-08-23", "/coordinators Russia")).toContain("Coordinator: Security of and in the use of ICTs (current term; next term: 2024-2025, from 1 January 2024)");
    const china = await at("2023-08-23", "/coordinators China");
    expect(china).toContain("Co-coordinator: Security of and in the use of ICTs (2024-2025, from 1 January 2024) — approved, not yet started");
    // The next term of one area is never put on the line of another.
    expect(china).toMatch(/Co-coordinator: Human dimension \(23 June 2021 – …\)\n/);
    expect(await at("2024-02-01", "/coordinators China")).not.toContain("not yet started");
  });
});

describe("concept papers, step by step, each with its date and what the date is", () => {
  it("Sustainable development: the status as reported on 7 December 2022, the next meeting after the report, and expert meetings due six months later", async () => {
    const t = await at("2023-08-23", "/coordinators sustainable development");
    expect(t).toContain("7 December 2022: status reported: in progress (the report's date, not a decision's); next meeting after the report: Special Working Group (SWG) meeting (12 December 2022)");
    expect(t).toContain("from 7 June 2023: over 6 months under consideration: CICA expert meetings (draft rule: MC/2023/DRAFT/4 para 2.5 (not adopted))");
    // Before the report nothing is known of the paper, and no step is shown.
    expect(await at("2022-06-01", "/coordinators sustainable development")).not.toContain("step by step");
  });
  it("a new Coordinator (2.7): due with the application, and three months after appointment at the latest", async () => {
    await at("2024-03-04", "/offer trade and investment as coordinator for 2025-2026 We will host", "Iraq");
    expect((await at("2024-03-20", "/decide offer:irq-trade-investment approved decision SOC/2024-I/DEC/3", "secretariat"))).toContain("Decision #");
    // Before the SOC's decision there is no appointment, so no step of a new Coordinator.
    expect(await at("2024-03-10", "/coordinators trade and investment")).not.toContain("applied to coordinate");
    // Decided, starting later: the Coordinator-designate's steps are shown, with the term listed as not yet started.
    const designate = await at("2024-06-01", "/coordinators trade and investment");
    expect(designate).toContain("Approved, not yet started: Iraq — Coordinator (2025-2026, from 1 January 2025)");
    expect(designate).toContain("by 1 April 2025: concept paper due from Iraq");
    const t = await at("2025-01-02", "/coordinators trade and investment");
    expect(t).toContain("4 March 2024: Iraq applied to coordinate: a concept paper is due with the application (draft rule: MC/2023/DRAFT/4 para 2.7 (not adopted))");
    expect(t).toContain("by 1 April 2025: concept paper due from Iraq, three months after appointment at the latest (draft rule: MC/2023/DRAFT/4 para 2.7 (not adopted))");
  });
});

describe("documents superseded from the date of the text that replaced them", () => {
  it("MC/2023/SEC/1 is a draft until MC/2023/DRAFT/4 of 14 June 2023, then superseded by it, with that date", async () => {
    expect(await at("2023-05-20", "/drafts", "secretariat")).toMatch(/MC\/2023\/SEC\/1 — .* · draft\n/);
    expect(await at("2023-06-13", "/drafts", "secretariat")).not.toContain("superseded");
    expect(await at("2023-06-14", "/drafts", "secretariat")).toContain("superseded by MC/2023/DRAFT/4 on 14 June 2023");
    expect(await at("2023-08-23", "/drafts", "secretariat:ru")).toContain("заменён документом MC/2023/DRAFT/4 14 июня 2023 г.");
  });
});
