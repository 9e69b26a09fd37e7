import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";

describe("ambiguous and misspelled names", () => {
  let app: TestApp;
  beforeAll(async () => { app = await testApp(); });
  afterAll(async () => { await app.close(); });

  it.each([
    ["MC/2023/DRAFT/4", "MC/2023/DRAFT/4"],
    ["mc/2023/draft/4", "MC/2023/DRAFT/4"],
    ["DRAFT/4", "MC/2023/DRAFT/4"],
    ["DRAFT/3", "MC/2023/DRAFT/3/Rev.1"],
    ["CHAIR/1", "MC/2023/CHAIR/1/Rev.1"],
    ["volunteerism", "MC/2023/DRAFT/5"],
    ["INF/2", "SWG/2023-II/INF/2"],
  ])("GIVEN the document name %s THEN it resolves to %s", async (name, symbol) => {
    expect(await app.text("India", `/drafts ${name}`)).toMatch(new RegExp(`^${symbol.replace(/[/.]/g, "\\$&")} — `));
  });

  it("GIVEN an ambiguous name THEN a short list to choose from is given", async () => {
    const out = await app.text("India", "/drafts Modalities");
    expect(out).toMatch(/“Modalities” matches several documents; please give the symbol/);
    expect(out).toMatch(/MC\/2023\/DRAFT\/4/);
    expect(out).toMatch(/MC\/2023\/SEC\/1/);
  });

  it("GIVEN a misspelled symbol THEN the nearest matches are suggested", async () => {
    const out = await app.text("India", "/drafts DRAFT/44");
    expect(out).toMatch(/could not find a document “DRAFT\/44”/);
    expect(out).toMatch(/Did you mean:\n\s+• MC\/2023\/DRAFT\/4/);
  });

  it.each([
    ["TUR", "TUR"], ["Turkey", "TUR"], ["Türkiye", "TUR"], ["ROK", "KOR"], ["Republic of Korea", "KOR"],
    ["Vietnam", "VNM"], ["Viet Nam", "VNM"], ["Russia", "RUS"], ["Russian Federation", "RUS"], ["PSE", "PSE"], ["Palestine", "PSE"],
  ])("GIVEN the state name %s THEN it is %s", async (name, code) => {
    await app.as("secretariat", `/link user slack:U-${name.replace(/\W/g, "")} ${name}`);
    const actor = await app.desk.actorFor({ platform: "slack", userId: `U-${name.replace(/\W/g, "")}`, command: "" });
    expect(actor?.stateCode).toBe(code);
  });

  it("GIVEN a misspelled area or state in a lookup THEN the best match is used or suggested", async () => {
    expect(await app.text("India", "/coordinators Bangldesh")).toMatch(/^Bangladesh coordinates:/);
    expect(await app.text("India", "/coordinators terorism")).toMatch(/Combating terrorism/);
    expect(await app.text("India", "/coordinators SMEs")).toMatch(/Development of SMEs/);
  });

  it("GIVEN paragraph references as typed THEN they resolve (para 11, OP11, 11alt, PP8)", async () => {
    expect(await app.text("India", "/drafts DRAFT/5 para OP11")).toMatch(/^MC\/2023\/DRAFT\/5 para 11\n/);
    expect(await app.text("India", "/drafts DRAFT/5 para 11alt")).toMatch(/^MC\/2023\/DRAFT\/5 para 11altern\.\n/);
    expect(await app.text("India", "/drafts DRAFT/5 para pp8")).toMatch(/intercivilizational and intercultural exchanges/);
  });
});
