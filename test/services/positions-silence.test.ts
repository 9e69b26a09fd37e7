/**
 * Positions taken while a silence procedure runs (recordPosition in src/services/positions.ts, seeds/001 item 3):
 * what is stored on the procedure, audited and announced when an objection breaks it, when a reservation or a
 * support is recorded under it, and after its last day. The Secretariat starts one on MC/2023/DRAFT/5 on
 * 23 August 2023, running through 5 September 2023.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { actorOf, testApp, type TestApp } from "../helpers/app.ts";
import { auditSince, lastAuditId, openOn } from "./positions-helpers.ts";

const SP = "sp-2023-08-23-mc-2023-draft-5";
const DRAFT5 = "MC/2023/DRAFT/5";
const SUBJECT = "MC/2023/DRAFT/5 — Draft Statement of the CICA Ministerial Council on Promoting Volunteerism for Sustainable Development";
const NOTE = "This objection breaks the silence procedure. It is reported to the Chair (at once where alerts are set up, and in the digest).";

let app: TestApp;
beforeEach(async () => {
  app = await testApp();
  expect((await app.as("secretariat", `/silence start ${DRAFT5} 2023-09-05`)).status).toBe("ok");
});
afterEach(async () => app?.close());

const ru = async (who: string, line: string, extra = {}) => app.as(who, line, { actor: await actorOf(app.repos, who, "ru"), ...extra });
const stored = async () => (await app.repos.silence.byId(SP))!;

describe("an objection while the procedure runs", () => {
  it("WHEN China objects to the procedure itself THEN it is broken in the record, audited, announced and noted in the reply", async () => {
    app.setNow("2023-08-28T12:00:00+05:00");
    const before = await lastAuditId(app);
    const r = await app.as("China", `/object silence:${SP} We cannot join consensus`);
    const [p] = await openOn(app, "silence", SP, "CHN");
    expect(r.status).toBe("ok");
    expect(r.blocks).toEqual([
      { type: "text", text: `#${p!.id} China: objection on silence procedure: ${SUBJECT} (2023-08-28)` },
      { type: "quote", text: "We cannot join consensus" },
      { type: "context", text: NOTE },
    ]);
    expect(await stored()).toMatchObject({ outcome: "broken", brokenBy: "CHN", brokenAt: new Date("2023-08-28T12:00:00+05:00") });
    expect(await auditSince(app, before)).toEqual([
      { action: "record_objection", entity: "position", entityId: String(p!.id), stateCode: "CHN", details: { targetType: "silence", targetRef: SP, paragraphRef: null, reason: "We cannot join consensus" } },
      { action: "break_silence", entity: "silence", entityId: SP, stateCode: "CHN", details: { by: "CHN", positionId: p!.id } },
    ]);
    expect(app.events).toEqual([
      { type: "silence_broken", silenceId: SP, by: "CHN", positionId: p!.id },
      { type: "position_recorded", positionId: p!.id },
    ]);
  });

  it("WHEN India objects to a paragraph of the matter in Russian THEN the Russian note says it breaks the procedure", async () => {
    const r = await ru("India", `/object ${DRAFT5} para 11 Не можем присоединиться`);
    expect(r.blocks.at(-1)).toEqual({ type: "context", text: "Это возражение прерывает процедуру умолчания. Председатель будет уведомлён (сразу, если настроены оповещения, и в сводке)." });
    expect((await stored()).brokenBy).toBe("IND");
  });

  it("WHEN the same request is retried after it broke the procedure THEN it is 'already on record', not refused as closed", async () => {
    const first = await app.as("India", `/object silence:${SP} Not acceptable`, { requestKey: "req-sp-1" });
    const again = await app.as("India", `/object silence:${SP} Not acceptable`, { requestKey: "req-sp-1" });
    const [p] = await openOn(app, "silence", SP, "IND");
    expect(first.summary).toBe(`Recorded: objection (#${p!.id}).`);
    expect(again.status).toBe("info");
    expect(again.summary).toBe(`Already on record: objection (#${p!.id}). Nothing was added.`);
  });

  it("WHEN another state then objects to the broken procedure THEN it is refused as no longer running, in English and Russian", async () => {
    await app.as("India", `/object silence:${SP} Not acceptable`);
    const r = await app.as("China", `/object silence:${SP} Neither can we`);
    expect(r.status).toBe("error");
    expect(r.summary).toBe(`The silence procedure ${SP} is no longer running.`);
    expect((await ru("China", `/object silence:${SP} Тоже`)).summary).toBe(`Процедура умолчания ${SP} уже завершена.`);
    expect(await openOn(app, "silence", SP, "CHN")).toEqual([]);
    expect((await stored()).brokenBy).toBe("IND");
  });

  it("WHEN India objects to the procedure late on its last day (Astana time) THEN it still breaks", async () => {
    // Astana (Asia/Almaty) was UTC+6 in 2023: 23:30 on 5 September there is still the last day.
    app.setNow("2023-09-05T23:30:00+06:00");
    expect((await app.as("India", `/object silence:${SP} Not acceptable`)).status).toBe("ok");
    expect((await stored()).outcome).toBe("broken");
  });
});

describe("positions that do not break it", () => {
  it("WHEN India reserves its position on the matter THEN it is recorded under silence: the procedure stays running, no note", async () => {
    const before = await lastAuditId(app);
    const r = await app.as("India", `/object ${DRAFT5} as reservation We reserve our position`);
    const [p] = await openOn(app, "document", DRAFT5, "IND");
    expect(r.blocks.map((b) => b.type)).toEqual(["text", "quote"]);
    expect(await stored()).toMatchObject({ outcome: "running", brokenBy: null, brokenAt: null });
    expect((await auditSince(app, before)).map((a) => a.action)).toEqual(["record_reservation"]);
    expect(app.events).toEqual([
      { type: "position_under_silence", silenceId: SP, by: "IND", positionId: p!.id },
      { type: "position_recorded", positionId: p!.id },
    ]);
  });

  it("WHEN India supports the matter THEN only the position is announced: support is not 'under silence'", async () => {
    const r = await app.as("India", `/support ${DRAFT5}`);
    const [p] = await openOn(app, "document", DRAFT5, "IND");
    expect(r.status).toBe("ok");
    expect(app.events).toEqual([{ type: "position_recorded", positionId: p!.id }]);
    expect((await stored()).outcome).toBe("running");
  });

  it("WHEN India objects to the matter the day after the last day THEN the approved procedure is untouched and nothing is reported about it", async () => {
    app.setNow("2023-09-06T09:00:00+05:00");
    const r = await app.as("India", `/object ${DRAFT5} Too late`);
    const [p] = await openOn(app, "document", DRAFT5, "IND");
    expect(r.blocks.map((b) => b.type)).toEqual(["text", "quote"]);
    expect(app.events).toEqual([{ type: "position_recorded", positionId: p!.id }]);
    expect(await stored()).toMatchObject({ outcome: "running", brokenBy: null });
    const closed = await app.as("China", `/object silence:${SP} Too late`);
    expect(closed.summary).toBe(`The silence procedure ${SP} is no longer running.`);
  });
});
