/**
 * The second forum's own parameters are the ones applied: its tenure bounds and words, its length of silence,
 * its months for concept papers and expert meetings, its plan dates and its time zone. Each check is paired
 * with CICA's answer to the same question, so a constant left in code fails one side or the other.
 */
import { afterEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";
import { NORTHERN_LAKES_FILE } from "../helpers/forum.ts";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
const lakes = (now: string) => testApp({ dataFile: NORTHERN_LAKES_FILE, now });

describe("the Northern Lakes Forum's parameters", () => {
  it("GIVEN tenure bounds of 1–3 years THEN a one-year offer passes and a four-year one is flagged in its words", async () => {
    app = await lakes("2025-06-10T09:00:00+12:00");
    const one = await app.text("Pinehold", "/offer fisheries as coordinator for 2026-2026");
    expect(one).not.toMatch(/outside/);
    const four = await app.text("Westmark", "/offer fisheries as co-coordinator for 2026-2029");
    expect(four).toMatch(/The tenure 2026-2029 is outside 1–3 years \(NLF Rules art\. 12: “one to three years”\)\. The offer is accepted; the Council decides\./);
    await app.as("Westmark", "/lang ru");
    const ru = await app.text("Westmark", "/offer shores as co-coordinator for 2026-2029");
    expect(ru).toMatch(/вне пределов 1–3 лет \(NLF Rules art\. 12: «от одного года до трёх лет»\)\. Предложение принято; решение принимает Совет\./);
  });

  it("GIVEN CICA's bounds of 2–4 years THEN the same one-year offer is flagged there", async () => {
    app = await testApp();
    expect(await app.text("Iraq", "/offer tourism as co-coordinator for 2026-2026")).toMatch(/outside 2–4 years \(MC\/2023\/DRAFT\/4 para 1\.10: “not less than two and not more than four years”, bracketed by India\)\. The offer is accepted; the SOC decides\./);
  });

  it("GIVEN a 5-day silence THEN a procedure started without a last day runs five days (CICA: fifteen)", async () => {
    app = await lakes("2025-06-10T09:00:00+12:00");
    expect(await app.text("secretariat", "/silence start COM/2025/INF/1")).toMatch(/silence runs through 15 June 2025/);
    await app.close();
    app = await testApp();
    expect(await app.text("secretariat", "/silence start DRAFT/5")).toMatch(/silence runs through 7 September 2023/);
  });

  it("GIVEN 2 and 4 months THEN the concept paper and expert meetings fall due then, with its own rule citations", async () => {
    // Eastlake was appointed from 1 March 2025; the concept paper was in progress as of 15 January 2025.
    app = await lakes("2025-04-10T09:00:00+12:00");
    const out = await app.text("chair", "/deadlines 60");
    expect(out).toMatch(/1 May 2025 — [^\n]*concept paper[^\n]*\(draft rule: CNL\/2025\/DRAFT\/1 para art\. 14/i);
    expect(out).toMatch(/15 May 2025 — [^\n]*NLF expert meetings[^\n]*para art\. 15/);
    expect(out).not.toMatch(/MC\/2023|SOC|CICA|seeds\//);
  });

  it("GIVEN Pacific/Auckland THEN the day turns at Auckland midnight: 1 May has begun there while it is 30 April in UTC", async () => {
    app = await lakes("2025-04-30T13:00:00Z");
    expect(await app.text("chair", "/deadlines 10")).toMatch(/1 May 2025 — [^\n]*concept paper[^\n]*today/i);
    app.setNow("2025-04-30T11:00:00Z");
    expect(await app.text("chair", "/deadlines 10")).toMatch(/1 May 2025 — [^\n]*concept paper[^\n]*tomorrow/i);
  });

  it("GIVEN event proposals due by 31 August THEN the plan deadline and its words are the forum's", async () => {
    app = await lakes("2025-08-20T09:00:00+12:00");
    const out = await app.text("Eastlake", "/deadlines 30");
    expect(out).toMatch(/31 August 2025 — Proposals of cooperation events for the Annual Plan 2026 to the Secretariat \(by 31 August\)[^\n]*rule: NLF Rules art\. 20/);
  });
});
