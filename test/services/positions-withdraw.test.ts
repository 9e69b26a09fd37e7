/**
 * /withdraw (src/services/positions.ts withdrawPosition, myPositions): a delegation withdraws its own open
 * positions, the row and its history stay; another delegation's position cannot be withdrawn, and one who may not
 * see objections is not told it exists. Facts: seeds/000 item 6(a) (Israel needs more time on Iraq's offer,
 * Kuwait supports it) and MC/2023/DRAFT/4 (Israel's reservation on the entire draft).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type TestApp, asRussian } from "../helpers/app.ts";
import { withdrawPosition } from "../../src/services/positions.ts";
import { auditSince, ctxAs, lastAuditId, openOn, withPositions } from "./positions-helpers.ts";

let app: TestApp;
beforeEach(async () => { app = await testApp(); });
afterEach(async () => app?.close());

const ru = (who: string, line: string) => asRussian(app, who, line);
const DRAFT4 = "MC/2023/DRAFT/4";
const israelReservation = async () => (await openOn(app, "document", DRAFT4, "ISR"))[0]!;
const LATER = "2023-08-24T11:00:00+05:00";

describe("a delegation withdraws its own position", () => {
  it("WHEN Israel withdraws its reservation on MC/2023/DRAFT/4 THEN it is marked withdrawn by Israel, audited, and the reply says so", async () => {
    const p = await israelReservation();
    app.setNow(LATER);
    const before = await lastAuditId(app);
    const r = await app.as("Israel", `/withdraw ${p.id}`);
    expect(r.status).toBe("ok");
    expect(r.summary).toBe(`Withdrawn: reservation #${p.id}. The record keeps its history.`);
    expect(r.blocks).toEqual([{ type: "text", text: `#${p.id} Israel: reservation on MC/2023/DRAFT/4 (2023-08-22)` }]);
    expect(await app.repos.positions.byId(p.id)).toMatchObject({ stance: "reservation", withdrawnAt: new Date(LATER), withdrawnBy: "console:isr" });
    expect(await auditSince(app, before)).toEqual([{ action: "withdraw", entity: "position", entityId: String(p.id), stateCode: "ISR", details: {} }]);
  });

  it("WHEN Israel withdraws it in Russian THEN the reply is in Russian", async () => {
    const p = await israelReservation();
    const r = await ru("Israel", `/withdraw ${p.id}`);
    expect(r.summary).toBe(`Отозвано: оговорка №${p.id}. История записи сохраняется.`);
    expect(r.blocks).toEqual([{ type: "text", text: `№${p.id} Израиль: оговорка — MC/2023/DRAFT/4 (2023-08-22)` }]);
  });

  it("WHEN Israel withdraws it a second time THEN it was already withdrawn: nothing changes, nothing is audited", async () => {
    const p = await israelReservation();
    await app.as("Israel", `/withdraw ${p.id}`);
    app.setNow(LATER);
    const before = await lastAuditId(app);
    const r = await app.as("Israel", `/withdraw ${p.id}`);
    expect(r.status).toBe("info");
    expect(r.summary).toBe(`Position #${p.id} was already withdrawn.`);
    expect(r.blocks).toEqual([{ type: "text", text: `#${p.id} Israel: reservation on MC/2023/DRAFT/4 (2023-08-22)` }]);
    expect((await ru("Israel", `/withdraw ${p.id}`)).summary).toBe(`Позиция №${p.id} уже отозвана.`);
    expect((await app.repos.positions.byId(p.id))?.withdrawnAt).toEqual(new Date("2023-08-23T09:00:00+05:00"));
    expect(await auditSince(app, before)).toEqual([]);
  });

  it("GIVEN another official of Israel withdrew it a moment earlier WHEN this withdrawal writes THEN it answers 'already withdrawn' and audits nothing", async () => {
    const p = await israelReservation();
    const stale = { ...p };
    await app.as("Israel", `/withdraw ${p.id}`);
    const before = await lastAuditId(app);
    // This request read the position before the other withdrawal committed.
    const ctx = await ctxAs(app, "Israel", LATER, "en", { repos: withPositions(app.repos, { byId: async () => stale }) });
    const r = await withdrawPosition(ctx, p.id);
    expect(r.status).toBe("info");
    expect(r.summary).toBe(`Position #${p.id} was already withdrawn.`);
    expect(r.blocks).toEqual([{ type: "text", text: `#${p.id} Israel: reservation on MC/2023/DRAFT/4 (2023-08-22)` }]);
    expect(await auditSince(app, before)).toEqual([]);
  });
});

describe("positions that are not the delegation's own", () => {
  it("WHEN Israel tries to withdraw Kuwait's support of Iraq's offer THEN it is refused and the support stays open", async () => {
    const [kwt] = await openOn(app, "offer", "offer-irq-cocoord-terrorism", "KWT");
    const r = await app.as("Israel", `/withdraw ${kwt!.id}`);
    expect(r.status).toBe("error");
    expect(r.summary).toBe(`Position #${kwt!.id} belongs to another delegation. You can withdraw only your own delegation's positions.`);
    expect((await ru("Israel", `/withdraw ${kwt!.id}`)).summary).toBe(`Позиция №${kwt!.id} принадлежит другой делегации. Отозвать можно только позиции своей делегации.`);
    expect((await app.repos.positions.byId(kwt!.id))?.withdrawnAt).toBeNull();
  });

  it("WHEN a position number does not exist THEN there is no such position (English and Russian)", async () => {
    expect((await app.as("Israel", "/withdraw 9999")).summary).toBe("There is no position #9999.");
    expect((await ru("Israel", "/withdraw 9999")).summary).toBe("Позиции №9999 нет.");
  });

  it("WHEN an observer names another state's objection THEN it is told there is no such position, not whose it is", async () => {
    const [pse] = await openOn(app, "offer", "offer-isr-cocoord-sustainable-development", "PSE");
    expect(pse?.stance).toBe("objection");
    const ctx = await ctxAs(app, "Turkmenistan", LATER);
    expect(ctx.actor).toMatchObject({ role: "observer", stateCode: "TKM" });
    await expect(withdrawPosition(ctx, pse!.id)).rejects.toMatchObject({ key: "position_not_found", params: { id: pse!.id } });
    await expect(withdrawPosition(ctx, 9999)).rejects.toMatchObject({ key: "position_not_found" });
    expect((await app.repos.positions.byId(pse!.id))?.withdrawnAt).toBeNull();
  });
});
