import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";
import { parseDataFile } from "../../src/db/importer.ts";
import { parseBrackets } from "../../src/domain/brackets.ts";

/**
 * The default data set must say what the seeds say. seeds/002 is read from a copy in test/fixtures/seeds
 * (byte for byte the workplace's ../shared/seeds/002_35bfa2842ad7305e.txt), so a clone anywhere runs this.
 */
describe("the CICA data set (data/cica.yaml)", () => {
  const d = parseDataFile("data/cica.yaml");
  const seed002 = readFileSync("test/fixtures/seeds/002_35bfa2842ad7305e.txt", "utf8");
  let app: TestApp;
  beforeAll(async () => { app = await testApp(); });
  afterAll(async () => { await app.close(); });

  it("GIVEN MC/2023/DRAFT/5 THEN every bracketed paragraph is stored exactly as written in seeds/002", () => {
    const doc = d.documents.find((x) => x.symbol === "MC/2023/DRAFT/5")!;
    const bracketed = doc.paragraphs.filter((p) => !parseBrackets(p.text).agreed);
    expect(bracketed.map((p) => p.ref)).toEqual(["PP8", "11", "11altern.", "13", "15"]);
    for (const p of bracketed) {
      const inner = p.text.slice(p.text.indexOf("["));
      expect(seed002.replace(/\*/g, ""), p.ref).toContain(inner);
    }
  });

  it("GIVEN MC/2023/DRAFT/4 THEN its numbered paragraphs run 1.1–5.3 and 1.10 keeps India's bracket", () => {
    const doc = d.documents.find((x) => x.symbol === "MC/2023/DRAFT/4")!;
    expect(doc.paragraphs.filter((p) => /^\d+\.\d+$/.test(p.ref)).map((p) => p.ref).slice(0, 12)).toEqual(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11", "1.12"]);
    expect(doc.paragraphs.find((p) => p.ref === "1.10")!.text).toContain("[, which should be not less than two and not more than four years]. (-IND)");
    expect(doc.commentsDue).toBe("2023-07-15");
    expect(doc.restricted).toBe(true);
    expect(doc.positions).toEqual([expect.objectContaining({ state: "ISR", stance: "reservation", on: "2023-08-22" })]);
  });

  it("GIVEN the offers of 22 August 2023 THEN support, objections and 'more time' are as minuted", () => {
    const iraq = d.offers.find((o) => o.state === "IRQ")!;
    expect(iraq.status).toBe("pending");
    expect(iraq.positions.filter((p) => p.stance === "support").map((p) => p.state).sort()).toEqual(["IRN", "KWT", "PSE", "QAT", "RUS"]);
    expect(iraq.positions.filter((p) => p.stance === "needs_more_time").map((p) => p.state)).toEqual(["ISR"]);
    const israel = d.offers.find((o) => o.state === "ISR")!;
    expect(israel.positions.filter((p) => p.stance === "support").map((p) => p.state)).toEqual(["KOR"]);
    expect(israel.positions.filter((p) => p.stance === "objection").map((p) => p.state).sort()).toEqual(["IRN", "IRQ", "KWT", "PSE", "QAT"]);
    expect(d.offers.filter((o) => o.area === "ict-security").map((o) => [o.state, o.role, o.status, o.tenure])).toEqual([
      ["RUS", "coordinator", "approved", "2024-2025"],
      ["CHN", "co_coordinator", "approved", "2024-2025"],
    ]);
  });

  it("GIVEN the March 2021 silence procedure, the DSG nomination and the deadlines THEN their dates are right", () => {
    expect(d.silenceProcedures[0]).toMatchObject({ startsOn: "2021-03-05", expiresOn: "2021-03-20", outcome: "concluded" });
    expect(d.nominations[0]).toMatchObject({ nominatedBy: "CHN", candidate: "Ms. Zhang Ling", status: "under_consultation" });
    expect(d.nominations[0]!.positions.find((p) => p.state === "IND")!.stance).toBe("reservation");
    const due = Object.fromEntries(d.deadlines.map((x) => [x.kind + ":" + x.due, true]));
    expect(due["event_plan:2023-09-30"]).toBe(true);
    expect(due["comments_due:2023-07-15"]).toBe(true);
    expect(due["meeting:2023-09-21"]).toBe(true);
    expect(due["event:2023-10-02"]).toBe(true);
  });

  it("GIVEN the 2022 report THEN every area has a concept-paper status and aliases include the common short names", () => {
    for (const a of d.areas) expect(a.conceptPaper?.status, a.id).toBeDefined();
    const aliases = d.areas.flatMap((a) => a.aliases.map((x) => x.toLowerCase()));
    for (const a of ["ict", "terrorism", "smes"]) expect(aliases).toContain(a);
    const names = Object.fromEntries(d.states.map((s) => [s.code, [s.nameEn, ...s.aliases]]));
    expect(names.TUR).toEqual(expect.arrayContaining(["Türkiye", "Turkey"]));
    expect(names.KOR).toEqual(expect.arrayContaining(["ROK"]));
    expect(names.RUS).toEqual(expect.arrayContaining(["Russia"]));
  });

  it("GIVEN the database after first load THEN it holds the data set and every record names its source", async () => {
    expect(await app.db.prisma.document.count()).toBe(d.documents.length);
    expect(await app.db.prisma.paragraph.count()).toBe(d.documents.reduce((n, x) => n + x.paragraphs.length, 0));
    expect(await app.db.prisma.offer.count({ where: { source: "" } })).toBe(0);
    expect(await app.db.prisma.position.count({ where: { source: "" } })).toBe(0);
  });
});
