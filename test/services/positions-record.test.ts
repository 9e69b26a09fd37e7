/**
 * /object and /support (src/services/positions.ts recordPosition) on documents, paragraphs and offers, as the
 * console desk runs them on the seeds (22 August 2023 SOC, seeds/000): what is replied in English and Russian,
 * what is stored and audited, when a position is "already on record", and when one replaces the opposite one.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SEED_NOW, testApp, type TestApp, asRussian } from "../helpers/app.ts";
import { auditSince, lastAuditId, openOn } from "./positions-helpers.ts";

let app: TestApp;
beforeEach(async () => { app = await testApp(); });
afterEach(async () => app?.close());

const ru = (who: string, line: string) => asRussian(app, who, line);
const DRAFT4 = "MC/2023/DRAFT/4";
const IRQ_OFFER = "offer-irq-cocoord-terrorism";
const recorded = () => app.events.filter((e) => e.type === "position_recorded");

describe("GIVEN India has no position on MC/2023/DRAFT/4 para 1.10", () => {
  it("WHEN India objects with a reason THEN the objection is recorded, quoted, with its buttons, stored, audited and announced", async () => {
    const before = await lastAuditId(app);
    const r = await app.as("India", "/object MC/2023/DRAFT/4 para 1.10 The range is not agreed", { requestKey: "req-india-1" });
    const [p] = await openOn(app, "paragraph", DRAFT4, "IND");
    expect(p).toBeDefined();
    const id = p!.id;
    expect(r.status).toBe("ok");
    expect(r.summary).toBe(`Recorded: objection (#${id}).`);
    expect(r.blocks).toEqual([
      { type: "text", text: `#${id} India: objection on MC/2023/DRAFT/4 para 1.10 (2023-08-23)` },
      { type: "quote", text: "The range is not agreed" },
    ]);
    expect(r.actions).toEqual([
      { kind: "withdraw", positionId: id, label: `Withdraw #${id}` },
      { kind: "show_paragraph", document: DRAFT4, paragraph: "1.10", label: "Show para 1.10" },
    ]);
    expect(p).toMatchObject({
      stance: "objection", targetType: "paragraph", targetRef: DRAFT4, paragraphRef: "1.10", reason: "The range is not agreed",
      createdAt: new Date(SEED_NOW), withdrawnAt: null, platform: "console", userId: "ind", source: "",
    });
    expect((await app.repos.positions.byKey("req-india-1"))?.id).toBe(id);
    expect(await auditSince(app, before)).toEqual([
      { action: "record_objection", entity: "position", entityId: String(id), stateCode: "IND", details: { targetType: "paragraph", targetRef: DRAFT4, paragraphRef: "1.10", reason: "The range is not agreed" } },
    ]);
    expect(app.events).toEqual([{ type: "position_recorded", positionId: id }]);
  });

  it("WHEN India objects in Russian THEN the reply is in Russian", async () => {
    const r = await ru("India", "/object MC/2023/DRAFT/4 para 1.10 Диапазон не согласован");
    const [p] = await openOn(app, "paragraph", DRAFT4, "IND");
    expect(r.summary).toBe(`Зарегистрировано: возражение (№${p!.id}).`);
    expect(r.blocks[0]).toEqual({ type: "text", text: `№${p!.id} Индия: возражение — MC/2023/DRAFT/4, пункт 1.10 (2023-08-23)` });
    expect(r.actions?.map((a) => a.label)).toEqual([`Отозвать №${p!.id}`, "Показать п. 1.10"]);
  });

  it("WHEN India makes the same objection twice THEN the second is 'already on record', adds nothing and announces nothing", async () => {
    await app.as("India", "/object MC/2023/DRAFT/4 para 1.10 The range is not agreed");
    const before = await lastAuditId(app);
    const again = await app.as("India", "/object MC/2023/DRAFT/4 para 1.10 Still not agreed");
    const open = await openOn(app, "paragraph", DRAFT4, "IND");
    expect(open).toHaveLength(1);
    const id = open[0]!.id;
    expect(again.status).toBe("info");
    expect(again.summary).toBe(`Already on record: objection (#${id}). Nothing was added.`);
    expect(again.blocks).toEqual([
      { type: "text", text: `#${id} India: objection on MC/2023/DRAFT/4 para 1.10 (2023-08-23)` },
      { type: "quote", text: "The range is not agreed" },
    ]);
    expect(await auditSince(app, before)).toEqual([]);
    expect(recorded()).toHaveLength(1);
    expect((await ru("India", "/object MC/2023/DRAFT/4 para 1.10 Снова")).summary).toBe(`Уже зарегистрировано: возражение (№${id}). Ничего не добавлено.`);
  });

  it("WHEN India objects to para 1.10 and then to para 1.9 THEN these are two positions", async () => {
    await app.as("India", "/object MC/2023/DRAFT/4 para 1.10 The range is not agreed");
    const r = await app.as("India", "/object MC/2023/DRAFT/4 para 1.9 One coordinator only");
    expect(r.summary).toMatch(/^Recorded: objection/);
    expect((await openOn(app, "paragraph", DRAFT4, "IND")).map((p) => p.paragraphRef).sort()).toEqual(["1.10", "1.9"]);
    expect(recorded()).toHaveLength(2);
  });
});

describe("GIVEN the seeded positions of other states and of the delegation itself", () => {
  it("WHEN India supports Iraq's offer, which Kuwait already supports, THEN India's support is a new position", async () => {
    expect((await openOn(app, "offer", IRQ_OFFER, "KWT")).map((p) => p.stance)).toEqual(["support"]);
    const r = await app.as("India", "/support offer:IRQ");
    const [p] = await openOn(app, "offer", IRQ_OFFER, "IND");
    expect(r.summary).toBe(`Recorded: support (#${p!.id}).`);
    // No reason: no quote; not a paragraph: no "show paragraph" button.
    expect(r.blocks).toEqual([{ type: "text", text: `#${p!.id} India: support on offer of Iraq (Co-coordinator, Combating terrorism) (2023-08-23)` }]);
    expect(r.actions).toEqual([{ kind: "withdraw", positionId: p!.id, label: `Withdraw #${p!.id}` }]);
  });

  it("WHEN Israel states again its reservation on the entire MC/2023/DRAFT/4 THEN the seeded one is already on record", async () => {
    const [seeded] = await openOn(app, "document", DRAFT4, "ISR");
    expect(seeded?.stance).toBe("reservation");
    const r = await app.as("Israel", "/object MC/2023/DRAFT/4 as reservation We reserve our position");
    expect(r.status).toBe("info");
    expect(r.summary).toBe(`Already on record: reservation (#${seeded!.id}). Nothing was added.`);
    expect(r.blocks[0]).toEqual({ type: "text", text: `#${seeded!.id} Israel: reservation on MC/2023/DRAFT/4 (2023-08-22)` });
    expect(await openOn(app, "document", DRAFT4, "ISR")).toHaveLength(1);
  });

  it("WHEN Israel objects to Iraq's offer THEN its 'needs more time' stays open beside the objection (neither is support)", async () => {
    const r = await app.as("Israel", "/object offer:IRQ We cannot agree");
    const open = await openOn(app, "offer", IRQ_OFFER, "ISR");
    expect(open.map((p) => p.stance)).toEqual(["needs_more_time", "objection"]);
    expect(r.summary).toBe(`Recorded: objection (#${open[1]!.id}).`);
    expect(r.blocks.map((b) => b.type)).toEqual(["text", "quote"]);
  });

  it("WHEN a state objects where no silence procedure runs THEN the reply has no silence note", async () => {
    const t = await app.text("Israel", "/object offer:IRQ We cannot agree");
    expect(t).not.toContain("silence");
  });
});

describe("a state cannot both support and object: the new position replaces the opposite ones", () => {
  it("GIVEN India's objection and reservation on para 1.10 WHEN India supports it THEN both are withdrawn by India, audited and named", async () => {
    await app.as("India", "/object MC/2023/DRAFT/4 para 1.10 The range is not agreed");
    await app.as("India", "/object MC/2023/DRAFT/4 para 1.10 as reservation Pending instructions");
    const [a, b] = await openOn(app, "paragraph", DRAFT4, "IND");
    app.setNow("2023-08-24T10:00:00+05:00");
    const before = await lastAuditId(app);
    const r = await app.as("India", "/support MC/2023/DRAFT/4 para 1.10");
    const open = await openOn(app, "paragraph", DRAFT4, "IND");
    expect(open.map((p) => p.stance)).toEqual(["support"]);
    const s = open[0]!.id;
    expect(r.summary).toBe(`Recorded: support (#${s}).`);
    expect(r.blocks).toEqual([
      { type: "text", text: `#${s} India: support on MC/2023/DRAFT/4 para 1.10 (2023-08-24)` },
      { type: "context", text: `This replaces your delegation's earlier opposite position (#${a!.id}, #${b!.id}), now marked withdrawn.` },
    ]);
    for (const old of [a!, b!]) expect(await app.repos.positions.byId(old.id)).toMatchObject({ withdrawnAt: new Date("2023-08-24T10:00:00+05:00"), withdrawnBy: "console:ind" });
    expect(await auditSince(app, before)).toEqual([
      { action: "withdraw", entity: "position", entityId: String(a!.id), stateCode: "IND", details: { replacedBy: s } },
      { action: "withdraw", entity: "position", entityId: String(b!.id), stateCode: "IND", details: { replacedBy: s } },
      { action: "record_support", entity: "position", entityId: String(s), stateCode: "IND", details: { targetType: "paragraph", targetRef: DRAFT4, paragraphRef: "1.10", reason: "" } },
    ]);
  });

  it("GIVEN Kuwait's seeded support of Iraq's offer WHEN Kuwait objects to it (in Russian) THEN the support is withdrawn", async () => {
    const [support] = await openOn(app, "offer", IRQ_OFFER, "KWT");
    const r = await ru("Kuwait", "/object offer:IRQ Пересмотрели позицию");
    const open = await openOn(app, "offer", IRQ_OFFER, "KWT");
    expect(open.map((p) => p.stance)).toEqual(["objection"]);
    expect(r.summary).toBe(`Зарегистрировано: возражение (№${open[0]!.id}).`);
    // The ids are listed as typed in /withdraw (#N) in both languages.
    expect(r.blocks.at(-1)).toEqual({ type: "context", text: `Это заменяет прежнюю противоположную позицию вашей делегации (#${support!.id}); она отмечена как отозванная.` });
    expect((await app.repos.positions.byId(support!.id))?.withdrawnBy).toBe("console:kwt");
  });
});
