/**
 * /coordinators terms and vacancies (src/services/coordinators.ts areaBlocks, vacancy, stateView): a term cut
 * short by the SOC, the vacancy it leaves and the Co-coordinator who may act (MC/2023/DRAFT/4 para 1.11), a
 * state's renewal on its own line, approved terms in the order they start, and the decisions named once each.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type TestApp, asRussian } from "../helpers/app.ts";
import type { Reply } from "../../src/services/reply.ts";
import { field, onDays } from "./coordinators-helpers.ts";

let app: TestApp;
beforeEach(async () => { app = await testApp(); });
afterEach(async () => app?.close());

const { at, ask } = onDays(() => app);
const contexts = (r: Reply) => r.blocks.filter((b) => b.type === "context").map((b) => (b as { text: string }).text);
const ACTING = "no Coordinator: a Co-coordinator may act as Coordinator with the consent of the other Co-coordinators (draft rule: MC/2023/DRAFT/4 para 1.11 (not adopted))";
const secretariat = async (day: string, line: string) => { at(day); const r = await app.as("secretariat", line); expect(r.status).toBe("ok"); return r; };

describe("GIVEN the SOC ends Tajikistan's undated term as Coordinator of Tourism on 30 September 2023", () => {
  beforeEach(async () => { await secretariat("2023-09-01", "/decide appointment:appt-tjk-coord-tourism terminated until 2023-09-30"); });

  it("WHEN asked before the end THEN Tajikistan serves with its last day; after it, the area is vacant since that day", async () => {
    expect(field(await ask("2023-09-30", "tourism"), "Coordinator")).toBe("Tajikistan (… – 30 September 2023)");
    const after = await ask("2023-10-01", "tourism");
    expect(field(after, "Coordinator")).toBe("vacant (the term of Tajikistan ended on 30 September 2023)");
    expect(field(await asRussian(app, "India", "/coordinators tourism"), "Координатор")).toBe("вакантно (срок Таджикистан истёк 30 сентября 2023 г.)");
    // No Co-coordinator in Tourism: nobody may act.
    expect(field(after, "Co-coordinators")).toBe("—");
  });
  it("WHEN Tajikistan's view is asked after the end THEN it coordinates nothing (info)", async () => {
    const r = await ask("2023-10-01", "Tajikistan");
    expect(r.status).toBe("info");
    expect(r.summary).toBe("Tajikistan does not coordinate a priority area and has no pending offer.");
    expect(r.blocks).toEqual([]);
    expect((await ask("2023-10-01", "")).summary).toBe("Priority areas (18); 12 without a Coordinator.");
  });
});

describe("GIVEN the SOC ends Russia's 2024-2025 ICT term on 30 June 2024 (its undated earlier term ended on 31 December 2023)", () => {
  it("WHEN asked on 1 July 2024 THEN the vacancy names the dated term, and China, Co-coordinator in force, may act", async () => {
    await secretariat("2024-03-01", "/decide appointment:appt-rus-coord-ict-2024 terminated until 2024-06-30");
    const r = await ask("2024-07-01", "ICT");
    expect(field(r, "Coordinator")).toBe(`vacant (the term of Russian Federation ended on 30 June 2024); ${ACTING}`);
    expect(field(r, "Co-coordinators")).toBe("China (2024-2025)");
    const ru = field(await asRussian(app, "India", "/coordinators ICT"), "Координатор");
    expect(ru).toBe("вакантно (срок Российская Федерация истёк 30 июня 2024 г.); координатора нет: сокоординатор может временно выполнять его функции с согласия других сокоординаторов (проект правила: MC/2023/DRAFT/4 п. 1.11 (не принят))");
  });
});

describe("GIVEN the SOC ends Bangladesh's term as Co-coordinator of Natural disaster management on 30 September 2023", () => {
  it("THEN the area, which never had a Coordinator, is just vacant: a Co-coordinator's end is not a Coordinator's", async () => {
    await secretariat("2023-09-01", "/decide appointment:appt-bgd-cocoord-disaster-2021 terminated until 2023-09-30");
    const r = await ask("2023-10-01", "disaster management");
    expect(field(r, "Coordinator")).toBe("vacant");
    expect(field(r, "Co-coordinators")).toBe("—");
  });
});

describe("seeded vacancies", () => {
  it("Finance has neither: just 'vacant'; SMEs has Thailand as Co-coordinator, who may act", async () => {
    expect(field(await ask("2023-08-23", "finance"), "Coordinator")).toBe("vacant");
    expect(field(await ask("2023-08-23", "SMEs"), "Coordinator")).toBe(`vacant; ${ACTING}`);
    // A serving Coordinator: no note on who may act, though China is approved as Co-coordinator from 2024.
    expect(field(await ask("2024-01-01", "ICT"), "Coordinator")).toBe("Russian Federation (2024-2025)");
  });
});

describe("GIVEN Iraq approved as Coordinator of Trade and investment for 2024-2025, renewed for 2026-2027, and India as Co-coordinator for 2025-2026", () => {
  beforeEach(async () => {
    at("2023-09-01");
    await app.as("Iraq", "/offer trade and investment as coordinator for 2024-2025 We will host");
    await secretariat("2023-09-01", "/decide offer:irq-trade-investment approved decision SOC/2023-II/DEC/5");
    at("2024-06-01");
    await app.as("India", "/offer trade and investment as co-coordinator for 2025-2026 We will help");
    await secretariat("2024-06-01", "/decide offer:ind-trade-investment approved decision SOC/2024-I/DEC/2");
    at("2025-06-01");
    await app.as("Iraq", "/offer trade and investment as coordinator for 2026-2027 We continue");
    const pending = (await app.repos.coordination.offers()).find((o) => o.stateCode === "IRQ" && o.status === "pending" && o.tenure === "2026-2027");
    await secretariat("2025-06-01", `/decide offer:${pending!.id} approved decision SOC/2025-I/DEC/4`);
  });

  it("on 1 July 2024: Iraq serves; India's term, not yet started, is listed apart; the two decisions are named once each", async () => {
    const r = await ask("2024-07-01", "trade");
    expect(field(r, "Coordinator")).toBe("Iraq (2024-2025)");
    expect(field(r, "Co-coordinators")).toBe("Kyrgyzstan (from 2022); Türkiye (from 2022)");
    expect(field(r, "Approved, not yet started")).toBe("India — Co-coordinator (2025-2026, from 1 January 2025)");
    expect(contexts(r).filter((t) => t.startsWith("Decisions"))).toEqual(["Decisions: SOC/2023-II/DEC/5, SOC/2024-I/DEC/2"]);
  });
  it("on 1 July 2025: Iraq's line says its renewal; in Russian too", async () => {
    const r = await ask("2025-07-01", "trade");
    expect(field(r, "Coordinator")).toBe("Iraq (2024-2025; next term: 2026-2027, from 1 January 2026)");
    expect(field(r, "Co-coordinators")).toBe("Kyrgyzstan (from 2022); Türkiye (from 2022); India (2025-2026)");
    expect(field(r, "Approved, not yet started")).toBeUndefined();
    expect(field(await asRussian(app, "India", "/coordinators trade"), "Координатор")).toBe("Ирак (2024-2025; следующий срок: 2026-2027, с 1 января 2026 г.)");
  });
  it("on 10 January 2028: both of Iraq's terms have ended; the vacancy names the later end", async () => {
    const r = await ask("2028-01-10", "trade");
    expect(field(r, "Coordinator")).toBe(`vacant (the term of Iraq ended on 31 December 2027); ${ACTING}`);
    // Its view keeps only its pending offer of 2023 (seeds/000).
    expect((await ask("2028-01-10", "Iraq")).blocks).toEqual([{ type: "list", matter: "offer", items: ["Pending offer: Co-coordinator, Combating terrorism [offer:offer-irq-cocoord-terrorism]"] }]);
  });
  it("Iraq's view on 1 July 2025: its serving term with the renewal", async () => {
    const r = await ask("2025-07-01", "Iraq");
    expect(r.summary).toBe("Iraq coordinates:");
    expect(r.blocks).toEqual([
      { type: "list", items: ["Coordinator: Trade and investment (2024-2025; next term: 2026-2027, from 1 January 2026)"] },
      { type: "list", matter: "offer", items: ["Pending offer: Co-coordinator, Combating terrorism [offer:offer-irq-cocoord-terrorism]"] },
    ]);
  });
});

describe("approved terms not yet started, in the order they start", () => {
  it("GIVEN Iraq as Coordinator from 2025 and India as Co-coordinator from 2024, both approved in 2023 THEN India comes first", async () => {
    at("2023-09-01");
    await app.as("Iraq", "/offer trade and investment as coordinator for 2025-2026 We will host");
    await app.as("India", "/offer trade and investment as co-coordinator for 2024-2025 We will help");
    await secretariat("2023-09-01", "/decide offer:irq-trade-investment approved decision SOC/2023-II/DEC/5");
    await secretariat("2023-09-01", "/decide offer:ind-trade-investment approved decision SOC/2023-II/DEC/6");
    const r = await ask("2023-09-02", "trade");
    // A term not yet started has not ended: the vacancy names no term.
    expect(field(r, "Coordinator")).toBe(`vacant; ${ACTING}`);
    expect(field(r, "Approved, not yet started")).toBe("India — Co-coordinator (2024-2025, from 1 January 2024); Iraq — Coordinator (2025-2026, from 1 January 2025)");
    const ru = await asRussian(app, "India", "/coordinators trade");
    expect(field(ru, "Утверждены, срок ещё не начался")).toBe("Индия — Сокоординатор (2024-2025, с 1 января 2024 г.); Ирак — Координатор (2025-2026, с 1 января 2025 г.)");
  });
});

describe("a state's view, role by role, each in the order its term starts", () => {
  it("China on 23 August 2023: Coordinator of Agriculture; Co-coordinator of five areas, the undated one first, the approved one last", async () => {
    expect((await ask("2023-08-23", "China")).blocks).toEqual([{ type: "list", items: [
      "Coordinator: Agriculture",
      "Co-coordinator: Environment protection",
      "Co-coordinator: Epidemiological safety, public health and pharmaceuticals (23 June 2021 – …)",
      "Co-coordinator: Human dimension (23 June 2021 – …)",
      "Co-coordinator: Development of secure and effective systems of transportation corridors (23 June 2021 – …)",
      "Co-coordinator: Security of and in the use of ICTs (2024-2025, from 1 January 2024) — approved, not yet started",
    ] }]);
    const ru = await asRussian(app, "India", "/coordinators China");
    expect(ru.summary).toBe("Китай координирует:");
    expect((ru.blocks[0] as { items: string[] }).items.at(-1)).toBe("Сокоординатор: Безопасность в сфере использования ИКТ и самих ИКТ (2024-2025, с 1 января 2024 г.) — утверждён, срок ещё не начался");
  });
});

describe("decisions, each named once", () => {
  it("Epidemiological safety: China and Jordan by one decision; Tourism: none on record, no line", async () => {
    expect(contexts(await ask("2023-08-23", "epidemiological safety"))).toContain("Decisions: SOC/2021-I/DEC/3");
    expect(contexts(await ask("2023-08-23", "tourism")).some((t) => t.startsWith("Decisions"))).toBe(false);
  });
});
