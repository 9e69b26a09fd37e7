/**
 * /silence with no target (src/services/silence.ts listSilence): the procedures that have started by today, each
 * with its subject in the reader's language, its days and its outcome as of today. Facts: seeds/001 item 3
 * (Turkmenistan's observer status, 5–20 March 2021, no objection received).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SEED_NOW, testApp, type TestApp, asRussian } from "../helpers/app.ts";
import { listSilence } from "../../src/services/silence.ts";
import { ctxAs } from "./positions-helpers.ts";

let app: TestApp;
beforeEach(async () => { app = await testApp(); });
afterEach(async () => app?.close());

const ru = (who: string, line: string) => asRussian(app, who, line);
const TKM = "silence:silence-2021-tkm-observer-status — Granting CICA Observer Status to Turkmenistan · 5 March 2021 – 20 March 2021";
const TKM_RU = "silence:silence-2021-tkm-observer-status — Предоставление Туркменистану статуса наблюдателя в СВМДА · 5 марта 2021 г. – 20 марта 2021 г.";
const SP = "sp-2023-08-23-mc-2023-draft-5";
const DRAFT5 = "MC/2023/DRAFT/5 — Draft Statement of the CICA Ministerial Council on Promoting Volunteerism for Sustainable Development";
const DRAFT5_RU = "MC/2023/DRAFT/5 — Проект Заявления Совета министров СВМДА о поощрении добровольчества в интересах устойчивого развития";

describe("the seeded procedure", () => {
  it("is listed as approved, in English and in Russian", async () => {
    const r = await app.as("India", "/silence");
    expect(r.status).toBe("ok");
    expect(r.summary).toBe("Silence procedures (1)");
    expect(r.blocks).toEqual([{ type: "list", items: [`${TKM} · approved (silence not broken by 20 March 2021)`] }]);
    const t = await ru("India", "/silence");
    expect(t.summary).toBe("Процедуры умолчания (1)");
    expect(t.blocks).toEqual([{ type: "list", items: [`${TKM_RU} · одобрено (умолчание не нарушено до 20 марта 2021 г.)`] }]);
  });

  it("on a replayed day before it started (4 March 2021) there is none", async () => {
    app.setNow("2021-03-04T12:00:00+06:00");
    const r = await app.as("India", "/silence");
    expect(r.status).toBe("info");
    expect(r.summary).toBe("There are no silence procedures.");
    expect(r.blocks).toEqual([]);
    expect((await ru("India", "/silence")).summary).toBe("Процедур умолчания нет.");
  });

  it("on its first day (5 March 2021) it is running until its last day", async () => {
    app.setNow("2021-03-05T09:00:00+06:00");
    expect((await app.as("India", "/silence")).blocks).toEqual([{ type: "list", items: [`${TKM} · running until 20 March 2021`] }]);
    expect((await ru("India", "/silence")).blocks).toEqual([{ type: "list", items: [`${TKM_RU} · идёт до 20 марта 2021 г.`] }]);
  });
});

describe("a procedure started on MC/2023/DRAFT/5 on 23 August 2023", () => {
  beforeEach(async () => {
    expect((await app.as("secretariat", "/silence start MC/2023/DRAFT/5 2023-09-05")).status).toBe("ok");
  });

  it("is listed beside the seeded one, running; once India objects, as broken by India on that day (English and Russian)", async () => {
    const r = await app.as("China", "/silence");
    expect(r.summary).toBe("Silence procedures (2)");
    expect(r.blocks).toEqual([{ type: "list", items: [
      `${TKM} · approved (silence not broken by 20 March 2021)`,
      `silence:${SP} — ${DRAFT5} · 23 August 2023 – 5 September 2023 · running until 5 September 2023`,
    ] }]);
    app.setNow("2023-08-28T12:00:00+06:00");
    await app.as("India", "/object MC/2023/DRAFT/5 Not acceptable");
    expect((await app.as("China", "/silence")).blocks).toEqual([{ type: "list", items: [
      `${TKM} · approved (silence not broken by 20 March 2021)`,
      `silence:${SP} — ${DRAFT5} · 23 August 2023 – 5 September 2023 · broken by India on 28 August 2023`,
    ] }]);
    expect((await ru("China", "/silence")).blocks).toEqual([{ type: "list", items: [
      `${TKM_RU} · одобрено (умолчание не нарушено до 20 марта 2021 г.)`,
      `silence:${SP} — ${DRAFT5_RU} · 23 августа 2023 г. – 5 сентября 2023 г. · нарушена: Индия, 28 августа 2023 г.`,
    ] }]);
  });

  it("is not listed on a replayed day before it started", async () => {
    app.setNow("2023-08-22T12:00:00+06:00");
    const r = await app.as("China", "/silence");
    expect(r.summary).toBe("Silence procedures (1)");
    expect(r.blocks).toEqual([{ type: "list", items: [`${TKM} · approved (silence not broken by 20 March 2021)`] }]);
  });
});

describe("a procedure recorded without a Russian subject", () => {
  it("is listed in Russian under its English subject", async () => {
    await app.repos.write({ platform: "system", userId: "test", role: "system" }, async (tx) => {
      await app.repos.silence.create(tx, {
        id: "sp-no-ru", subject: "Extension of a tenure", subjectRu: null, targetType: "other", targetRef: null,
        startsOn: "2023-08-01", expiresOn: "2023-08-15", outcome: "running", source: "test",
      });
      return { result: null, audit: [] };
    }, new Date("2023-08-01T09:00:00+06:00"));
    const items = (await ru("China", "/silence")).blocks[0];
    expect(items).toEqual({ type: "list", items: [
      `${TKM_RU} · одобрено (умолчание не нарушено до 20 марта 2021 г.)`,
      "silence:sp-no-ru — Extension of a tenure · 1 августа 2023 г. – 15 августа 2023 г. · одобрено (умолчание не нарушено до 15 августа 2023 г.)",
    ] });
  });
});

describe("observers", () => {
  it("may not see silence procedures (seeds/001 item 10)", async () => {
    const ctx = await ctxAs(app, "Turkmenistan", SEED_NOW);
    expect(ctx.actor.role).toBe("observer");
    await expect(listSilence(ctx)).rejects.toMatchObject({ key: "observer_restricted" });
  });
});
