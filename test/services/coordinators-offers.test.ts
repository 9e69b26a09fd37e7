/**
 * Pending offers on /coordinators (src/services/coordinators.ts board, areaBlocks): who supports, objects or
 * needs more time, as on record by the day asked about; an offer exists from its submission or its first dated
 * position (seeds/000 item 6(a)); observers see no offer and no position (seeds/001 item 10).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type TestApp, asRussian } from "../helpers/app.ts";
import { findCoordinators } from "../../src/services/coordinators.ts";
import type { Reply } from "../../src/services/reply.ts";
import { ctxAs } from "./positions-helpers.ts";

let app: TestApp;
beforeEach(async () => { app = await testApp(); });
afterEach(async () => app?.close());

const at = (day: string) => app.setNow(`${day}T09:00:00+05:00`);
const ask = async (day: string, q: string, who = "India") => { at(day); return app.as(who, `/coordinators ${q}`); };
const offerBlocks = (r: Reply) => r.blocks.filter((b) => b.matter === "offer");
const IRQ = "Pending offer: Iraq as Co-coordinator [offer:offer-irq-cocoord-terrorism]";
const IRQ_SUPPORT = "supported by: Palestine, Kuwait, Russian Federation, Qatar, Iran";
const ISR = "Pending offer: Israel as Co-coordinator [offer:offer-isr-cocoord-sustainable-development]";

describe("the seeded offers on 23 August 2023", () => {
  it("Iraq's (Combating terrorism), detailed: its supporters and Israel needing more time, one item each", async () => {
    expect(offerBlocks(await ask("2023-08-23", "terrorism"))).toEqual([{ type: "list", matter: "offer", items: [IRQ, IRQ_SUPPORT, "needs more time: Israel"] }]);
    const ru = offerBlocks(await asRussian(app, "India", "/coordinators terrorism"));
    expect(ru).toEqual([{ type: "list", matter: "offer", items: [
      "Предложение на рассмотрении: Ирак, Сокоординатор [offer:offer-irq-cocoord-terrorism]",
      "поддерживают: Палестина, Кувейт, Российская Федерация, Катар, Иран",
      "требуется дополнительное время: Израиль",
    ] }]);
  });
  it("Israel's (Sustainable development), in the dimension's list: one line, the objections counted against it", async () => {
    expect(offerBlocks(await ask("2023-08-23", "environmental"))).toEqual([
      { type: "context", matter: "offer", text: `${ISR} · supported by: Republic of Korea · objected to by: Palestine, Kuwait, Qatar, Iran, Iraq` },
    ]);
  });
  it("a reservation counts against the offer; India's own offer of 2021 has no position at all", async () => {
    at("2023-08-24");
    await app.as("India", "/object offer:ISR as reservation Pending instructions");
    const items = (offerBlocks(await ask("2023-08-24", "sustainable development"))[0] as { items: string[] }).items;
    expect(items).toEqual([ISR, "supported by: Republic of Korea", "objected to by: Palestine, Kuwait, Qatar, Iran, Iraq, India"]);
    expect(offerBlocks(await ask("2023-08-24", "human"))).toEqual([{ type: "list", matter: "offer", items: ["Pending offer: India as Co-coordinator [offer:offer-ind-cocoord-human-2021]"] }]);
  });
});

describe("positions and offers as on record by the day asked about", () => {
  it("GIVEN India supports Iraq's offer on 24 August THEN the day before it is not among the supporters", async () => {
    at("2023-08-24");
    await app.as("India", "/support offer:IRQ");
    expect((offerBlocks(await ask("2023-08-24", "terrorism"))[0] as { items: string[] }).items[1]).toBe(`${IRQ_SUPPORT}, India`);
    expect((offerBlocks(await ask("2023-08-23", "terrorism"))[0] as { items: string[] }).items[1]).toBe(IRQ_SUPPORT);
  });
  it("Iraq's offer, with no submission date, exists from its first position (22 August 2023); Israel's from its submission (13 June 2023)", async () => {
    expect(offerBlocks(await ask("2023-08-21", "terrorism"))).toEqual([]);
    expect(offerBlocks(await ask("2023-08-22", "terrorism"))).toHaveLength(1);
    expect(offerBlocks(await ask("2023-06-12", "sustainable development"))).toEqual([]);
    // Submitted, with no position yet.
    expect(offerBlocks(await ask("2023-06-13", "sustainable development"))).toEqual([{ type: "list", matter: "offer", items: [ISR] }]);
    expect((await ask("2023-06-12", "Israel")).status).toBe("info");
  });
  it("GIVEN Thailand supports Israel's offer on 20 June 2023 THEN that date is not Iraq's: Iraq's offer is still unknown on 1 July", async () => {
    at("2023-06-20");
    expect((await app.as("Thailand", "/support offer:ISR")).status).toBe("ok");
    expect(offerBlocks(await ask("2023-07-01", "terrorism"))).toEqual([]);
    expect(offerBlocks(await ask("2023-07-01", "sustainable development"))).toEqual([{ type: "list", matter: "offer", items: [ISR, "supported by: Thailand"] }]);
  });
  it("GIVEN Iraq offers to coordinate Trade and investment for 2025-2026 THEN the offer says its role and tenure until it is decided", async () => {
    at("2024-03-04");
    await app.as("Iraq", "/offer trade and investment as coordinator for 2025-2026 We will host");
    expect(offerBlocks(await ask("2024-03-04", "trade"))).toEqual([{ type: "list", matter: "offer", items: ["Pending offer: Iraq as Coordinator [offer:irq-trade-investment] (2025-2026)"] }]);
    const view = (await ask("2024-03-04", "Iraq")).blocks.at(-1) as { matter: string; items: string[] };
    expect(view.matter).toBe("offer");
    expect([...view.items].sort()).toEqual([
      "Pending offer: Co-coordinator, Combating terrorism [offer:offer-irq-cocoord-terrorism]",
      "Pending offer: Coordinator, Trade and investment [offer:irq-trade-investment]",
    ]);
    at("2024-03-20");
    expect((await app.as("secretariat", "/decide offer:irq-trade-investment approved decision SOC/2024-I/DEC/3")).status).toBe("ok");
    expect(offerBlocks(await ask("2024-03-20", "trade"))).toEqual([]);
  });
});

describe("observers (Turkmenistan) see no offer and no position", () => {
  it("through the desk: no offer line, no supporter, and Israel, with only an offer, coordinates nothing", async () => {
    const t = await app.text("Turkmenistan", "/coordinators terrorism");
    expect(t).not.toContain("Pending offer");
    expect(t).not.toContain("Palestine");
    const r = await ask("2023-08-23", "Israel", "Turkmenistan");
    expect(r.status).toBe("info");
    expect(r.summary).toBe("Israel does not coordinate a priority area and has no pending offer.");
  });
  it("in what the service builds for an observer the positions are not even read: the offer line names no state but Iraq", async () => {
    const ctx = await ctxAs(app, "Turkmenistan", "2023-08-23T09:00:00+05:00");
    const r = await findCoordinators(ctx, "terrorism");
    expect(offerBlocks(r)).toEqual([{ type: "list", matter: "offer", items: [IRQ] }]);
  });
});
