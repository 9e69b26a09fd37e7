/**
 * When recordPosition (src/services/positions.ts) refuses a target: an offer already decided, a nomination whose
 * consultations are closed (appointed or declined, or not yet made on a replayed date), and an actor with no
 * delegation. Facts: seeds/000 item 6(a) (Russia's offer approved by SOC/2023-II/DEC/1 on 22 August 2023,
 * Israel's offer pending) and item 7(a) (Ms. Zhang Ling nominated by China on 7 August 2023, consultations continue).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SEED_NOW, testApp, type TestApp, asRussian } from "../helpers/app.ts";
import { recordPosition, myPositions, withdrawPosition } from "../../src/services/positions.ts";
import { resolveTarget } from "../../src/services/resolve.ts";
import { UserError } from "../../src/services/context.ts";
import { ctxAs, openOn, unlinkedCtx } from "./positions-helpers.ts";

let app: TestApp;
beforeEach(async () => { app = await testApp(); });
afterEach(async () => app?.close());

const ru = (who: string, line: string) => asRussian(app, who, line);
const NOMINATION = "nomination-dsg-2023-zhang-ling";

describe("offers", () => {
  it("GIVEN Russia's offer was approved WHEN India objects to it THEN it is refused with the offer's status, in English and Russian, and nothing is stored", async () => {
    const r = await app.as("India", "/object offer:RUS Too late");
    expect(r.status).toBe("error");
    expect(r.summary).toBe("This offer has already been decided (approved); positions can no longer be recorded on it.");
    expect((await ru("India", "/support offer:RUS")).summary).toBe("По этому предложению уже принято решение (одобрено); позиции по нему больше не регистрируются.");
    expect(await openOn(app, "offer", "offer-rus-coord-ict-2024", "IND")).toEqual([]);
    expect(app.events).toEqual([]);
  });
});

describe("nominations", () => {
  it("GIVEN consultations continue WHEN Kazakhstan objects to the nomination THEN the line names the candidate and the post", async () => {
    const r = await app.as("Kazakhstan", "/object nomination:dsg Procedural concerns");
    const [p] = await openOn(app, "nomination", NOMINATION, "KAZ");
    expect(r.status).toBe("ok");
    expect(r.blocks[0]).toEqual({ type: "text", text: `#${p!.id} Kazakhstan: objection on nomination of Ms. Zhang Ling (CICA Deputy Secretary General) (2023-08-23)` });
  });

  it("GIVEN an offer (Israel's) was declined WHEN Kazakhstan objects to the nomination THEN that decision on another matter does not close it", async () => {
    expect((await app.as("secretariat", "/decide offer:ISR declined")).status).toBe("ok");
    expect((await app.as("Kazakhstan", "/object nomination:dsg Procedural concerns")).status).toBe("ok");
    expect(await openOn(app, "nomination", NOMINATION, "KAZ")).toHaveLength(1);
  });

  it("GIVEN the candidate was appointed WHEN Kazakhstan objects THEN consultations are closed (English and Russian), nothing stored", async () => {
    expect((await app.as("secretariat", "/decide nomination:dsg appointed override Consensus reached at SOC")).status).toBe("ok");
    const r = await app.as("Kazakhstan", "/object nomination:dsg Procedural concerns");
    expect(r.status).toBe("error");
    expect(r.summary).toBe("Consultations on this nomination are closed.");
    expect((await ru("Kazakhstan", "/support nomination:dsg")).summary).toBe("Консультации по этой кандидатуре завершены.");
    expect(await openOn(app, "nomination", NOMINATION, "KAZ")).toEqual([]);
  });

  it("GIVEN a replayed date before 7 August 2023 WHEN a position is taken on the nomination THEN it is not open for positions yet", async () => {
    const ctx = await ctxAs(app, "Kazakhstan", "2023-08-06T12:00:00+05:00");
    const target = await resolveTarget(ctx, "nomination", "dsg");
    await expect(recordPosition(ctx, { target, stance: "support", reason: "" })).rejects.toMatchObject({ key: "nomination_closed" });
    const onTheDay = await ctxAs(app, "Kazakhstan", "2023-08-07T12:00:00+05:00");
    expect((await recordPosition(onTheDay, { target, stance: "support", reason: "" })).status).toBe("ok");
  });
});

describe("an actor with no delegation", () => {
  it("cannot record, withdraw or list positions: each asks for a delegation", async () => {
    const ctx = unlinkedCtx(app, SEED_NOW);
    const target = await resolveTarget(await ctxAs(app, "India", SEED_NOW), "document", "MC/2023/DRAFT/4");
    const needs = { key: "needs_delegation" };
    await expect(recordPosition(ctx, { target, stance: "objection", reason: "x" })).rejects.toBeInstanceOf(UserError);
    await expect(recordPosition(ctx, { target, stance: "objection", reason: "x" })).rejects.toMatchObject(needs);
    const [isr] = await openOn(app, "document", "MC/2023/DRAFT/4", "ISR");
    await expect(withdrawPosition(ctx, isr!.id)).rejects.toMatchObject(needs);
    await expect(myPositions(ctx)).rejects.toMatchObject(needs);
    expect((await app.repos.positions.byId(isr!.id))?.withdrawnAt).toBeNull();
    expect(ctx.t("needs_delegation")).toBe("This needs a delegation: ask the Secretariat to link your account to your state.");
  });
});
