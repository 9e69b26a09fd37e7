/**
 * /withdraw with no number (src/services/positions.ts myPositions): the delegation's open positions, newest
 * first, each with its line, and a withdraw button for the five newest. Facts: seeds/000 (Israel needs more
 * time on Iraq's offer, reserves on MC/2023/DRAFT/4; Kazakhstan, the Chair, has no position on record).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type TestApp, asRussian } from "../helpers/app.ts";
import { openOn } from "./positions-helpers.ts";

let app: TestApp;
beforeEach(async () => { app = await testApp(); });
afterEach(async () => app?.close());

const ru = (who: string, line: string) => asRussian(app, who, line);

describe("GIVEN the seeded positions of Israel", () => {
  it("WHEN Israel lists its positions THEN both are listed with their lines and a withdraw button each (English and Russian)", async () => {
    const [time] = await openOn(app, "offer", "offer-irq-cocoord-terrorism", "ISR");
    const [reservation] = await openOn(app, "document", "MC/2023/DRAFT/4", "ISR");
    const ids = [time!.id, reservation!.id];
    const r = await app.as("Israel", "/withdraw");
    expect(r.status).toBe("ok");
    expect(r.summary).toBe("Open positions of Israel (2). To withdraw one, type /withdraw <id>.");
    expect(r.blocks).toEqual([{ type: "list", items: expect.arrayContaining([
      `#${time!.id} Israel: needs more time on offer of Iraq (Co-coordinator, Combating terrorism) (2023-08-22)`,
      `#${reservation!.id} Israel: reservation on MC/2023/DRAFT/4 (2023-08-22)`,
    ]) }]);
    expect(r.actions).toEqual(expect.arrayContaining(ids.map((id) => ({ kind: "withdraw", positionId: id, label: `Withdraw #${id}` }))));
    expect(r.actions).toHaveLength(2);
    const t = await ru("Israel", "/withdraw");
    expect(t.summary).toBe("Действующие позиции: Израиль (2). Чтобы отозвать, введите /withdraw <номер>.");
    expect(t.actions?.map((a) => a.label).sort()).toEqual(ids.map((id) => `Отозвать №${id}`).sort());
  });

  it("WHEN Israel has withdrawn one THEN only the other is listed", async () => {
    const [reservation] = await openOn(app, "document", "MC/2023/DRAFT/4", "ISR");
    await app.as("Israel", `/withdraw ${reservation!.id}`);
    const r = await app.as("Israel", "/withdraw");
    expect(r.summary).toBe("Open positions of Israel (1). To withdraw one, type /withdraw <id>.");
    expect(r.blocks).toEqual([{ type: "list", items: [expect.stringContaining("needs more time on offer of Iraq")] }]);
  });
});

describe("GIVEN Kazakhstan has no position", () => {
  it("WHEN Kazakhstan lists its positions THEN it has none (English and Russian), with no buttons", async () => {
    const r = await app.as("Kazakhstan", "/withdraw");
    expect(r.status).toBe("info");
    expect(r.summary).toBe("Kazakhstan has no open positions.");
    expect(r.blocks).toEqual([]);
    expect(r.actions ?? []).toEqual([]);
    expect((await ru("Kazakhstan", "/withdraw")).summary).toBe("У делегации «Казахстан» нет действующих позиций.");
  });

  it("WHEN Kazakhstan has recorded six positions THEN all six are listed newest first, with buttons for the five newest", async () => {
    for (const [i, para] of ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"].entries()) {
      app.setNow(`2023-08-23T1${i}:00:00+06:00`);
      expect((await app.as("Kazakhstan", `/support MC/2023/DRAFT/4 para ${para}`)).status).toBe("ok");
    }
    const mine = (await app.repos.positions.openOf("KAZ")).map((p) => p.id);
    const r = await app.as("Kazakhstan", "/withdraw");
    expect(r.summary).toBe("Open positions of Kazakhstan (6). To withdraw one, type /withdraw <id>.");
    const items = r.blocks[0]?.type === "list" ? r.blocks[0].items : [];
    expect(items.map((l) => /para (\S+)/.exec(l)?.[1])).toEqual(["1.6", "1.5", "1.4", "1.3", "1.2", "1.1"]);
    expect(items[0]).toBe(`#${mine[0]} Kazakhstan: support on MC/2023/DRAFT/4 para 1.6 (2023-08-23)`);
    expect(r.actions).toEqual(mine.slice(0, 5).map((id) => ({ kind: "withdraw", positionId: id, label: `Withdraw #${id}` })));
  });
});
