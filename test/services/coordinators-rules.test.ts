/**
 * What /coordinators says of the rules and the concept papers (src/services/coordinators.ts ruleNote,
 * conceptPaperText, stepText): a rule of MC/2023/DRAFT/4 is a draft rule until the day that text is adopted and a
 * rule from that day, observers are told of "the draft rules" without the restricted symbol, and each step of a
 * concept paper says its date and what the date is, in English and Russian.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type TestApp, asRussian } from "../helpers/app.ts";
import type { Reply } from "../../src/services/reply.ts";
import { field, onDays } from "./coordinators-helpers.ts";

let app: TestApp;
beforeEach(async () => { app = await testApp(); });
afterEach(async () => app?.close());

const { at, ask } = onDays(() => app);
const steps = (r: Reply) => r.blocks.filter((b) => b.type === "list" && !b.matter).flatMap((b) => (b as { items: string[] }).items);
const ACTING_EN = "vacant; no Coordinator: a Co-coordinator may act as Coordinator with the consent of the other Co-coordinators";

describe("GIVEN the Ministerial Council adopts MC/2023/DRAFT/4 on 21 September 2023, recorded the day after", () => {
  beforeEach(async () => {
    at("2023-09-22");
    const r = await app.as("secretariat", "/decide MC/2023/DRAFT/4 adopted on 2023-09-21 override Adopted by the Ministerial Council");
    expect(r.status).toBe("ok");
  });

  it("WHEN asked on or after 21 September THEN para 1.11 is a rule; in Russian too", async () => {
    expect(field(await ask("2023-09-22", "trade"), "Coordinator")).toBe(`${ACTING_EN} (rule: MC/2023/DRAFT/4 para 1.11)`);
    expect(field(await ask("2023-09-21", "trade"), "Coordinator")).toBe(`${ACTING_EN} (rule: MC/2023/DRAFT/4 para 1.11)`);
    expect(field(await asRussian(app, "India", "/coordinators trade"), "Координатор")).toMatch(/\(правило: MC\/2023\/DRAFT\/4 п\. 1\.11\)$/);
    expect(steps(await ask("2023-09-22", "sustainable development"))).toContain("from 7 June 2023: over 6 months under consideration: CICA expert meetings (rule: MC/2023/DRAFT/4 para 2.5)");
  });
  it("WHEN a day before the adoption is asked (a replay) THEN it was still a draft rule", async () => {
    expect(field(await ask("2023-09-20", "trade"), "Coordinator")).toBe(`${ACTING_EN} (draft rule: MC/2023/DRAFT/4 para 1.11 (not adopted))`);
    expect(field(await ask("2023-08-23", "trade"), "Coordinator")).toBe(`${ACTING_EN} (draft rule: MC/2023/DRAFT/4 para 1.11 (not adopted))`);
  });
});

describe("GIVEN MC/2023/DRAFT/4 approved by the SOC on 1 September 2023, then adopted on 21 September", () => {
  it("THEN only the adoption makes its paras rules: on 10 September they were still draft rules", async () => {
    at("2023-09-01");
    expect((await app.as("secretariat", "/decide MC/2023/DRAFT/4 approved override Approved for the Ministerial Council")).status).toBe("ok");
    at("2023-09-22");
    expect((await app.as("secretariat", "/decide MC/2023/DRAFT/4 adopted on 2023-09-21 override Adopted")).status).toBe("ok");
    expect(field(await ask("2023-09-10", "trade"), "Coordinator")).toBe(`${ACTING_EN} (draft rule: MC/2023/DRAFT/4 para 1.11 (not adopted))`);
    expect(field(await ask("2023-09-21", "trade"), "Coordinator")).toBe(`${ACTING_EN} (rule: MC/2023/DRAFT/4 para 1.11)`);
  });
});

describe("GIVEN MC/2023/DRAFT/4 recorded as adopted with no decision on record (as an import would)", () => {
  it("THEN it counts as adopted from its own date, 14 June 2023", async () => {
    await app.repos.write({ platform: "import", userId: "import", role: "system" }, async (tx) => {
      await app.repos.cycle.setDocumentStatus(tx, "MC/2023/DRAFT/4", "adopted");
      return { result: null, audit: [] };
    }, new Date("2023-08-23T09:00:00+05:00"));
    app.repos.invalidate();
    expect(field(await ask("2023-06-14", "trade"), "Coordinator")).toBe(`${ACTING_EN} (rule: MC/2023/DRAFT/4 para 1.11)`);
    expect(field(await ask("2023-06-13", "trade"), "Coordinator")).toBe(`${ACTING_EN} (draft rule: MC/2023/DRAFT/4 para 1.11 (not adopted))`);
  });
});

describe("GIVEN MC/2023/DRAFT/4 is not adopted", () => {
  it("a member is told the draft's symbol; an observer only of the draft rules on modalities", async () => {
    expect(field(await ask("2023-08-23", "trade"), "Coordinator")).toBe(`${ACTING_EN} (draft rule: MC/2023/DRAFT/4 para 1.11 (not adopted))`);
    const observer = await ask("2023-08-23", "trade", "Turkmenistan");
    expect(field(observer, "Coordinator")).toBe(`${ACTING_EN} (draft rule: the draft rules on modalities of CBM implementation para 1.11 (not adopted))`);
    expect(JSON.stringify(observer)).not.toContain("DRAFT/4");
    const ru = field(await asRussian(app, "India", "/coordinators trade"), "Координатор");
    expect(ru).toMatch(/\(проект правила: MC\/2023\/DRAFT\/4 п\. 1\.11 \(не принят\)\)$/);
  });
});

describe("concept papers", () => {
  it("the status is the one reported on 7 December 2022, said to be the report's date; before it, none is reported", async () => {
    expect(field(await ask("2023-08-23", "tourism"), "Concept paper")).toBe("submitted for approval (as reported on 7 December 2022; not the date of a decision)");
    expect(field(await ask("2022-12-06", "tourism"), "Concept paper")).toBe("no status reported yet");
    expect(steps(await ask("2022-12-06", "tourism"))).toEqual([]);
    at("2023-08-23");
    expect(field(await asRussian(app, "India", "/coordinators tourism"), "Концептуальный документ")).toBe("представлен на утверждение (по состоянию на 7 декабря 2022 г., по докладу; это не дата решения)");
  });
  it("the report's step names the first meeting after it, in the reader's language; none had met on the day of the report", async () => {
    expect(steps(await ask("2022-12-07", "tourism"))[0]).toBe("7 December 2022: status reported: submitted for approval (the report's date, not a decision's)");
    expect(steps(await ask("2022-12-12", "tourism"))[0]).toBe("7 December 2022: status reported: submitted for approval (the report's date, not a decision's); next meeting after the report: Special Working Group (SWG) meeting (12 December 2022)");
    at("2022-12-12");
    const [ru] = steps(await asRussian(app, "India", "/coordinators tourism"));
    expect(ru).toContain("Заседание Специальной рабочей группы (СРГ) (12 декабря 2022 г.)");
  });
  it("a dated item that is not a meeting is not taken for the meeting after the report", async () => {
    at("2022-12-08");
    expect((await app.as("secretariat", "/deadline add 2022-12-09 deadline Written comments on the report")).status).toBe("ok");
    expect((await app.as("secretariat", "/deadline add 2022-12-10 meeting Consultations on concept papers")).status).toBe("ok");
    const [step] = steps(await ask("2022-12-12", "tourism"));
    expect(step).toContain("next meeting after the report: Consultations on concept papers (10 December 2022)");
  });
});
