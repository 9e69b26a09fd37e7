/**
 * /coordinators lookups (src/services/coordinators.ts findCoordinators) on the seeds (23 August 2023): every
 * area, a dimension, a priority area, several areas, a state by name or near miss, and what is said when
 * nothing matches: the reply's summary and headers in English and Russian.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type TestApp, asRussian } from "../helpers/app.ts";
import { findCoordinators, matchDimension } from "../../src/services/coordinators.ts";
import { ctxAs } from "./positions-helpers.ts";
import type { Reply } from "../../src/services/reply.ts";

let app: TestApp;
beforeAll(async () => { app = await testApp(); });
afterAll(async () => app?.close());

const headers = (r: Reply) => r.blocks.filter((b) => b.type === "header").map((b) => (b as { text: string }).text.split(" · ")[0]);
const ask = (q: string, at = "2023-08-23T09:00:00+05:00") => app.setNow(at) ?? app.as("India", `/coordinators ${q}`);
const ECONOMIC = ["Agriculture", "Development of SMEs", "Development of secure and effective systems of transportation corridors", "Energy security", "Finance", "Information technologies", "Tourism", "Trade and investment"];

describe("no query: every priority area, dimension by dimension", () => {
  it("on 23 August 2023: 18 areas, 11 without a Coordinator (seeds/004 names 7), in the order of the dimensions", async () => {
    const r = await ask("");
    expect(r.summary).toBe("Priority areas (18); 11 without a Coordinator.");
    const h = headers(r);
    expect(h).toHaveLength(18);
    expect(h[0]).toBe("Military-political dimension (general)");
    expect(h.slice(6, 14)).toEqual(ECONOMIC);
    expect(h.at(-1)).toBe("Human dimension");
    expect((await asRussian(app, "India", "/coordinators")).summary).toBe("Приоритетные области (18); без координатора: 11.");
  });
  it("before the SG report of 7 December 2022 none of its Coordinators is known: all 18 are without one", async () => {
    expect((await ask("", "2022-06-01T09:00:00+05:00")).summary).toBe("Priority areas (18); 18 without a Coordinator.");
  });
  it("a blank query is no query", async () => {
    const ctx = await ctxAs(app, "India", "2023-08-23T09:00:00+05:00");
    expect((await findCoordinators(ctx, "   ")).summary).toBe("Priority areas (18); 11 without a Coordinator.");
  });
});

describe("a dimension, by words of its English or Russian name", () => {
  it("'the economic dimension', 'econ' and 'экономическое' list its 8 areas, 6 without a Coordinator", async () => {
    for (const q of ["the economic dimension", "econ"]) {
      const r = await ask(q);
      expect(r.summary).toBe("Economic dimension: 8 priority area(s), 6 without a Coordinator");
      expect(headers(r)).toEqual(ECONOMIC);
    }
    expect((await asRussian(app, "India", "/coordinators экономическое")).summary).toBe("Экономическое измерение: приоритетных областей — 8, без координатора — 6");
  });
  it("'environmental' is the dimension; 'environment', an area's own alias, is that area", async () => {
    expect((await ask("environmental")).summary).toBe("Environmental dimension: 3 priority area(s), 2 without a Coordinator");
    expect((await ask("environment")).summary).toBe("Coordination of Environment protection");
    // A word of a hyphenated name counts alone.
    expect((await ask("political")).summary).toBe("Military-political dimension: 1 priority area(s), 0 without a Coordinator");
  });
  it("a dimension's list is not detailed: each area says its Coordinator and Co-coordinators only", async () => {
    const r = await ask("economic");
    expect(r.blocks.slice(0, 2)).toEqual([
      { type: "header", text: "Agriculture · Economic dimension" },
      { type: "fields", fields: [{ label: "Coordinator", value: "China" }, { label: "Co-coordinators", value: "—" }] },
    ]);
    expect(r.blocks.filter((b) => b.type === "context" && !b.matter)).toEqual([]);
  });
  it("matchDimension: filler words and words under 4 letters name nothing; every word must match", () => {
    const dims = [
      { id: "economic", nameEn: "Economic dimension", nameRu: "Экономическое измерение" },
      { id: "human", nameEn: "Human dimension", nameRu: "Человеческое измерение" },
    ];
    expect(matchDimension(dims, "the dimension")).toBeUndefined();
    expect(matchDimension(dims, "измерение")).toBeUndefined();
    // Four letters in common are not enough when both words are longer: at least six (or the shorter word).
    expect(matchDimension(dims, "econiche")).toBeUndefined();
    expect(matchDimension(dims, "eco")).toBeUndefined();
    expect(matchDimension(dims, "economy")?.id).toBe("economic");
    expect(matchDimension(dims, "human economic")).toBeUndefined();
    expect(matchDimension(dims, "humanitarian")?.id).toBe("human");
    expect(matchDimension(dims, "humid")).toBeUndefined();
    expect(matchDimension(dims, "человеческое измерения")?.id).toBe("human");
  });
});

describe("priority areas", () => {
  it("one area: its title and its detailed blocks", async () => {
    const r = await ask("ICT");
    expect(r.summary).toBe("Coordination of Security of and in the use of ICTs");
    expect(headers(r)).toEqual(["Security of and in the use of ICTs"]);
    expect((await asRussian(app, "India", "/coordinators ИКТ")).summary).toBe("Координация: Безопасность в сфере использования ИКТ и самих ИКТ");
  });
  it("'combating' matches two areas equally: both, detailed", async () => {
    const r = await ask("combating");
    expect(r.summary).toBe("2 priority areas match:");
    expect(headers(r).sort()).toEqual(["Combating illicit drugs", "Combating terrorism"]);
    expect((await asRussian(app, "India", "/coordinators combating")).summary).toBe("Подходящих приоритетных областей: 2");
  });
  it("a part of a name ('urism') is enough for one area", async () => {
    expect((await ask("urism")).summary).toBe("Coordination of Tourism");
  });
  it("'and' matches six areas equally: the first five are shown", async () => {
    const r = await ask("and");
    expect(r.summary).toBe("5 priority areas match:");
    expect(headers(r)).toHaveLength(5);
  });
});

describe("states", () => {
  it("by code or name, and by a near miss that stands out ('Bangldesh', 'Irann')", async () => {
    expect((await ask("KAZ")).summary).toBe("Kazakhstan coordinates:");
    expect((await ask("Bangldesh")).summary).toBe("Bangladesh coordinates:");
    expect((await ask("Irann")).summary).toBe("Iran coordinates:");
    expect((await ask("Tajik")).summary).toBe("Tajikistan coordinates:");
    // Two letters off in eight: still a near miss.
    expect((await ask("Bangldsh")).summary).toBe("Bangladesh coordinates:");
  });
  it("'Ira' starts both Iran and Iraq: neither is chosen, both are suggested (a tie is not a match)", async () => {
    const r = await ask("Ira");
    expect(r.status).toBe("error");
    expect(r.summary).toBe("I could not find a priority area or state “Ira”.");
    expect(r.blocks.at(-1)).toEqual({ type: "list", items: ["Iran", "Iraq"] });
    const ru = await asRussian(app, "India", "/coordinators Ира");
    expect(ru.summary).toBe("Не удалось найти приоритетную область или государство «Ира».");
    expect(ru.blocks.at(-1)).toEqual({ type: "list", items: ["Иран", "Ирак"] });
  });
  it("'Republic' starts several states' names: the area it nearly matches and two states are suggested", async () => {
    const r = await ask("Republic");
    expect(r.status).toBe("error");
    expect(r.blocks.at(-1)).toEqual({ type: "list", items: ["Epidemiological safety, public health and pharmaceuticals", "Azerbaijan", "India"] });
  });
  it("a near miss that an area matches as closely is not taken: 'khe' (Cambodia, ICTs), 'nd' (India, three areas of seven)", async () => {
    expect((await ask("khe")).blocks.at(-1)).toEqual({ type: "list", items: ["Security of and in the use of ICTs", "Cambodia"] });
    const r = await ask("nd");
    expect(r.status).toBe("error");
    expect(r.blocks.at(-1)).toEqual({ type: "list", items: ["Development of SMEs", "Development of secure and effective systems of transportation corridors", "Epidemiological safety, public health and pharmaceuticals", "India"] });
  });
  it("nothing near: the first five areas are offered", async () => {
    const r = await ask("zzzz");
    expect(r.status).toBe("error");
    expect(r.blocks.at(-1)).toEqual({ type: "list", items: ["Agriculture", "Combating illicit drugs", "Combating terrorism", "Development of SMEs", "Development of secure and effective systems of transportation corridors"] });
  });
});
