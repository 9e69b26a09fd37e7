/** Every class of dated state on the seed data, at more than one NOW, through the console's desk. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
beforeAll(async () => { app = await testApp(); });
afterAll(async () => app?.close());
const at = async (now: string, who: string, line: string) => { app.setNow(now); return app.text(who, line); };

describe("silence procedure on Turkmenistan's observer status (5-20 March 2021)", () => {
  it("is not shown before it starts, runs until its last day, and is approved only after it", async () => {
    expect(await at("2021-03-01T12:00:00+05:00", "India", "/silence")).toMatch(/no silence procedures/);
    expect(await at("2021-03-10T12:00:00+05:00", "India", "/silence")).toMatch(/running until 20 March 2021/);
    expect(await at("2021-03-20T12:00:00+05:00", "India", "/silence")).toMatch(/running until 20 March 2021/);
    const after = await at("2021-03-21T12:00:00+05:00", "India", "/silence");
    expect(after).toMatch(/approved \(silence not broken by 20 March 2021\)/);
    expect(after).not.toMatch(/running/);
  });
});

describe("coordinators of ICT security (Russia serving; renewed for 2024-2025 on 22 August 2023)", () => {
  it("before the renewal shows Russia alone, without the term not yet decided", async () => {
    const t = await at("2023-06-01T12:00:00+05:00", "India", "/coordinators ICT");
    expect(t).toMatch(/Coordinator: Russian Federation\n/);
    expect(t).not.toMatch(/2024-2025/);
    expect(t).not.toMatch(/China/);
  });
  it("after the decision keeps the serving coordinator, with the term that starts next year on the same line", async () => {
    const t = await at("2023-08-23T09:00:00+05:00", "India", "/coordinators ICT");
    expect(t).toMatch(/Coordinator: Russian Federation \(current term; next term: 2024-2025, from 1 January 2024\)\n/);
  });
  it("in 2024 shows one term, the new one, and after 2025 marks the area vacant, naming the ended term", async () => {
    const t = await at("2024-06-01T12:00:00+05:00", "India", "/coordinators ICT");
    expect(t).toMatch(/Coordinator: Russian Federation \(2024-2025\)\n/);
    const later = await at("2026-01-05T12:00:00+05:00", "India", "/coordinators ICT");
    expect(later).toMatch(/vacant \(the term of Russian Federation ended on 31 December 2025\)/);
    expect(later).not.toMatch(/Coordinator: Russian Federation/);
  });
  it("labels the concept paper's date as the report's date", async () => {
    expect(await at("2023-08-23T09:00:00+05:00", "India", "/coordinators ICT")).toMatch(/adopted \(as reported on 7 December 2022; not the date of a decision\)/);
    expect(await at("2021-03-01T12:00:00+05:00", "India", "/coordinators ICT")).toMatch(/Concept paper: no status reported yet/);
  });
});

describe("offers exist from their dates", () => {
  it("Israel's offer (13 June 2023) is not pending before it was made", async () => {
    expect(await at("2023-06-01T12:00:00+05:00", "India", "/coordinators sustainable development")).not.toMatch(/Pending offer: Israel/);
    expect(await at("2023-08-23T09:00:00+05:00", "India", "/coordinators sustainable development")).toMatch(/Pending offer: Israel/);
  });
});

describe("forum structure in lookups", () => {
  it("/coordinators <dimension> lists its areas with coordinators and vacancies, in English and Russian", async () => {
    const t = await at("2023-08-23T09:00:00+05:00", "India", "/coordinators economic");
    expect(t).toMatch(/^Economic dimension: 8 priority area\(s\), 6 without a Coordinator/);
    expect(t).toMatch(/== Tourism · Economic dimension ==\n  Coordinator: Tajikistan/);
    expect(t).toMatch(/Trade and investment[\s\S]*Coordinator: vacant; no Coordinator: a Co-coordinator may act[\s\S]*para 1\.11/);
    expect(await at("2023-08-23T09:00:00+05:00", "India", "/coordinators экологическое")).toMatch(/^Environmental dimension: 3 priority area/);
  });
  it("/events accepts a dimension", async () => {
    const t = await at("2023-08-23T09:00:00+05:00", "India", "/events 2022 environmental");
    expect(t).toMatch(/CBM events, 2022, environmental \(5\)/);
    expect(t).not.toMatch(/Tourism/);
  });
});

describe("events: planned, in preparation, held", () => {
  it("the Digital Forensics seminar (2-3 October 2023) is planned, under way, then held", async () => {
    expect(await at("2023-08-23T09:00:00+05:00", "India", "/events 2023")).toMatch(/Digital Forensics[^\n]*\(planned, online\)/);
    expect(await at("2023-10-02T12:00:00+05:00", "India", "/events 2023")).toMatch(/Digital Forensics[^\n]*\(under way, online\)/);
    expect(await at("2023-10-04T12:00:00+05:00", "India", "/events 2023")).toMatch(/Digital Forensics[^\n]*\(held, online\)/);
  });
  it("the DRR e-publication being compiled is in preparation, never held", async () => {
    expect(await at("2023-08-23T09:00:00+05:00", "India", "/events 2022 Bangladesh")).toMatch(/E-publication on disaster risk reduction[^\n]*\(in preparation\)/);
  });
});

describe("documents: status from their paragraphs, version, meeting", () => {
  it("the volunteerism statement is agreed ad referendum except its bracketed paragraphs, with version and meeting", async () => {
    const t = await at("2023-08-23T09:00:00+05:00", "India", "/drafts DRAFT/5");
    expect(t).toMatch(/Status: agreed ad referendum except paras PP8, 11, 11altern\., 13, 15/);
    expect(t).not.toMatch(/Status: agreed\n/);
    expect(t).toMatch(/Version: original of 14 June 2023/);
    expect(t).toMatch(/To be taken up at: Informal CICA Ministerial Council Meeting, New York[^\n]*\(21 September 2023\)/);
  });
  it("a document dated after NOW is not listed", async () => {
    expect(await at("2023-05-20T12:00:00+05:00", "India", "/drafts")).toMatch(/MC\/2023\/SEC\/1/);
    expect(await at("2023-05-20T12:00:00+05:00", "India", "/drafts")).not.toMatch(/• MC\/2023\/DRAFT\/4/);
    expect(await at("2021-03-01T12:00:00+05:00", "India", "/drafts")).toMatch(/no documents/);
  });
});

describe("procedures that fall due", () => {
  it("the Annual Plan is generated for every year, and the modalities rules are marked draft rules", async () => {
    const t = await at("2021-03-01T12:00:00+05:00", "India", "/deadlines all");
    expect(t).toMatch(/30 September 2021 — Proposals of CBM events for the Annual Plan 2022/);
    expect(t).toMatch(/31 December 2021 — SOC approval of the Annual Plan of Implementation of CBMs for 2022/);
    expect(t).toMatch(/SOC regular review of CBM implementation in 2021[^\n]*draft rule: MC\/2023\/DRAFT\/4 para 3\.2 \(not adopted\)/);
    // Dates set by papers of 2023 were not known in 2021.
    expect(t).not.toMatch(/Digital Forensics|End of tenure 2024-2025/);
  });
  it("a concept paper reported in progress on 7 December 2022 calls for expert meetings six months later (2.5)", async () => {
    const t = await at("2023-05-01T12:00:00+05:00", "India", "/deadlines 60");
    expect(t).toMatch(/7 June 2023 — Concept paper on Military-political dimension \(general\) under consideration for over six months[^\n]*draft rule: MC\/2023\/DRAFT\/4 para 2\.5/);
    expect(await at("2022-11-01T12:00:00+05:00", "India", "/deadlines all")).not.toMatch(/over six months/);
  });
  it("a tenure ending shows with paras 1.3 and 1.12 once decided", async () => {
    expect(await at("2023-08-23T09:00:00+05:00", "India", "/deadlines all")).toMatch(/31 December 2025 — End of tenure 2024-2025[^\n]*paras 1\.3, 1\.12/);
  });
  it("comment due dates and silence expiries", async () => {
    expect(await at("2023-07-01T12:00:00+05:00", "India", "/deadlines 30")).toMatch(/15 July 2023 — Comments to the Secretariat on the draft MC decision/);
    expect(await at("2021-03-10T12:00:00+05:00", "India", "/deadlines 30")).toMatch(/20 March 2021 — Expiry of the silence procedure/);
    expect(await at("2021-03-21T12:00:00+05:00", "India", "/deadlines 30")).not.toMatch(/silence/);
  });
});

describe("the Chair's digest", () => {
  it("tallies the nomination with supporters and the reservation, and names who has not yet responded", async () => {
    const sup = await at("2023-08-23T09:00:00+05:00", "chair", "/digest");
    expect(sup).toMatch(/== Nominations ==\n  • nomination of Ms\. Zhang Ling[^\n]*Palestine: support;[^\n]*India: reservation\. Tally: 6 for, 1 against, 0 needing more time/);
    const t = await at("2023-09-25T09:00:00+05:00", "chair", "/digest");
    // Nothing changed on the nomination in the last 24 hours: no section, as for offers.
    expect(t).not.toMatch(/== Nominations ==/);
    expect(t).toMatch(/== Not yet responded ==\n  • Submit preliminary information on CBM events planned in 2024[^\n]*\(due 30 September 2023\): Azerbaijan,/);
    // Russia organises a 2023 event, not a 2024 proposal: still asked.
    expect(t).toMatch(/\(due 30 September 2023\):[^\n]*Russian Federation/);
  });
  it("on 10 July 2023 names Israel among those that have not commented, and not India after it comments", async () => {
    app.setNow("2023-07-10T12:00:00+05:00");
    await app.text("India", "/comment MC/2023/DRAFT/4 We support the text");
    const t = await app.text("chair", "/digest");
    const line = /Comments to the Secretariat on the draft MC decision[^\n]*\(due 15 July 2023\): ([^\n]*)/.exec(t)?.[1] ?? "";
    expect(line).toMatch(/Israel/);
    expect(line).not.toMatch(/India/);
  });
});
