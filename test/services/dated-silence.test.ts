/**
 * The last days of silence procedures among the dated items (src/services/dated.ts datedItems, silenceOn): the
 * 2021 procedure on Turkmenistan's observer status (seeds/001 item 3) and one the Secretariat starts on
 * 23 August 2023; listed while running, from the day they were announced, to those who may see a silence.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SEED_NOW, testApp, type TestApp } from "../helpers/app.ts";
import { silenceOn, type DatedItem } from "../../src/services/dated.ts";
import { ctxAs, itemsAs } from "./positions-helpers.ts";

let app: TestApp;
beforeEach(async () => { app = await testApp(); });
afterEach(async () => app?.close());

const items = (now: string, from: string, to?: string, who = "India", lang: "en" | "ru" = "en") => itemsAs(app, now, from, to, who, lang);
const silences = (xs: DatedItem[]) => xs.filter((x) => x.kind === "silence");
const TKM = "silence-2021-tkm-observer-status";
const TKM_ROW = "silence-tkm-observer-expiry-2021";
const SP = "sp-2023-08-23-mc-2023-draft-5";
const start = async () => expect((await app.as("secretariat", "/silence start MC/2023/DRAFT/5 2023-09-05")).status).toBe("ok");

describe("the 2021 procedure on Turkmenistan's observer status (5-20 March 2021)", () => {
  it("while it runs, its table row carries the rule's facts: all members asked, answered by a position on the procedure or its matter", async () => {
    const xs = silences(await items("2021-03-10T12:00:00+05:00", "2021-03-01", "2021-03-31"));
    expect(xs).toEqual([{
      id: TKM_ROW, kind: "silence", title: "Expiry of the silence procedure on granting CICA Observer Status to Turkmenistan", due: "2021-03-20", daysLeft: 10,
      restricted: false, rule: "silence_expiry", draft: false, addressees: "members",
      respond: { type: "silence", ref: TKM, matter: expect.stringMatching(/^Request of Turkmenistan of 3 March 2021/) },
    }]);
    const ru = silences(await items("2021-03-10T12:00:00+05:00", "2021-03-01", "2021-03-31", "India", "ru"));
    expect(ru[0]!.title).toBe("Истечение срока процедуры умолчания по предоставлению Туркменистану статуса наблюдателя в СВМДА");
  });

  it("on its last day it is still listed; the day after (approved) its row is gone, though the date is in range", async () => {
    expect(silences(await items("2021-03-20T12:00:00+05:00", "2021-03-01", "2021-03-31")).map((x) => x.id)).toEqual([TKM_ROW]);
    expect(silences(await items("2021-03-21T09:00:00+05:00", "2021-03-01", "2021-03-31"))).toEqual([]);
    // The meetings of the same table are kept: only the ended procedure's row goes.
    expect((await items("2021-06-24T09:00:00+05:00", "2021-03-01", "2021-06-30")).map((x) => x.id)).toContain("soc-2021-06-23");
  });

  it("WHEN India objects on 10 March (silence broken) THEN /deadlines no longer counts down to 20 March, in English or Russian", async () => {
    app.setNow("2021-03-10T12:00:00+05:00");
    expect(await app.text("India", "/deadlines 30")).toMatch(/20 March 2021 — Expiry of the silence procedure/);
    expect((await app.as("India", `/object silence:${TKM} Not acceptable`)).status).toBe("ok");
    expect(await app.text("India", "/deadlines 30")).toBe("Nothing falls due (next 30 days).\n  (Type /deadlines all for everything ahead, or /deadlines 14 for two weeks.)");
    expect(silences(await items("2021-03-10T12:00:00+05:00", "2021-03-01", "2021-03-31", "India", "ru"))).toEqual([]);
  });

  it("before 5 March 2021 nobody knew of it", async () => {
    expect(silences(await items("2021-03-04T12:00:00+05:00", "2021-03-01", "2021-03-31"))).toEqual([]);
  });

  it("silenceOn: its status on a day, for all procedures or only those asked about (by id or by matter)", async () => {
    const ctx = await ctxAs(app, "India", "2021-03-10T12:00:00+05:00");
    expect((await silenceOn(ctx, "2021-03-10")).map((x) => [x.s.id, x.status.state])).toEqual([[TKM, "running"]]);
    expect((await silenceOn(ctx, "2021-03-21", [TKM]))[0]?.status.state).toBe("approved");
    expect(await silenceOn(ctx, "2021-03-10", ["offer-irq-cocoord-terrorism"])).toEqual([]);
  });
});

describe("GIVEN the Secretariat starts a silence procedure on MC/2023/DRAFT/5 on 23 August 2023, until 5 September", () => {
  it("its last day is one item, the procedure's row with the rule's facts, restricted, answered by a position on it or on the text", async () => {
    await start();
    const xs = silences(await items(SEED_NOW, "2023-08-23", "2023-09-30"));
    expect(xs).toEqual([{
      id: `silence-${SP}`, kind: "silence", title: expect.stringMatching(/^Silence procedure ends: /), due: "2023-09-05", daysLeft: 13, restricted: true,
      rule: "silence_expiry", draft: false, addressees: "members", respond: { type: "silence", ref: SP, matter: "MC/2023/DRAFT/5" },
    }]);
    expect(silences(await items(SEED_NOW, "2023-08-23", "2023-09-30", "India", "ru"))[0]!.title).toMatch(/^Истекает процедура умолчания: /);
  });

  it("the Chair sees it; an observer (Turkmenistan) never does, in either language", async () => {
    await start();
    expect(silences(await items(SEED_NOW, "2023-08-23", "2023-09-30", "chair")).map((x) => x.id)).toEqual([`silence-${SP}`]);
    expect(silences(await items(SEED_NOW, "2023-08-23", "2023-09-30", "Turkmenistan"))).toEqual([]);
    expect(silences(await items(SEED_NOW, "2023-08-23", "2023-09-30", "Turkmenistan", "ru"))).toEqual([]);
    // The rest of the observer's list is kept.
    expect((await items(SEED_NOW, "2023-08-23", "2023-09-30", "Turkmenistan")).map((x) => x.id)).toContain("mc-informal-2023-09-21");
  });

  it("the row carries the day it was announced: replayed on 22 August, the procedure is not yet known", async () => {
    await start();
    expect((await app.repos.deadlines.between("2023-09-05", "2023-09-05")).find((r) => r.id === `silence-${SP}`)?.announcedOn).toBe("2023-08-23");
    expect(silences(await items("2023-08-22T12:00:00+05:00", "2023-08-22", "2023-09-30"))).toEqual([]);
  });

  it("WHEN the Secretariat cancels the procedure's row THEN its last day is still shown from the procedure itself, in the reader's language", async () => {
    await start();
    expect((await app.as("secretariat", `/deadline cancel silence-${SP}`)).status).toBe("ok");
    const [x] = silences(await items(SEED_NOW, "2023-08-23", "2023-09-30"));
    const s = await app.repos.silence.byId(SP);
    expect(x).toEqual({
      id: `silence-${SP}`, kind: "silence", title: `Silence procedure ends: ${s!.subject}`, due: "2023-09-05", daysLeft: 13, restricted: true,
      rule: "silence_expiry", draft: false, addressees: "members", respond: { type: "silence", ref: SP, matter: "MC/2023/DRAFT/5" },
    });
    const [r] = silences(await items(SEED_NOW, "2023-08-23", "2023-09-30", "India", "ru"));
    expect(r!.title).toBe(`Истекает процедура умолчания: ${s!.subjectRu}`);
    expect(silences(await items(SEED_NOW, "2023-08-23", "2023-09-30", "Turkmenistan"))).toEqual([]);
    // Out of the window asked: not listed.
    expect(silences(await items(SEED_NOW, "2023-08-23", "2023-09-04"))).toEqual([]);
  });

  it("WHEN India objects on 28 August THEN silence is broken: the last day is no longer listed, and silenceOn says broken", async () => {
    await start();
    app.setNow("2023-08-28T12:00:00+06:00");
    expect((await app.as("India", "/object MC/2023/DRAFT/5 Not acceptable")).status).toBe("ok");
    expect(silences(await items("2023-08-28T12:00:00+06:00", "2023-08-28", "2023-09-30"))).toEqual([]);
    const ctx = await ctxAs(app, "India", "2023-08-28T12:00:00+06:00");
    const on = await silenceOn(ctx, "2023-08-28", ["MC/2023/DRAFT/5"]);
    expect(on.map((x) => [x.s.id, x.status.state])).toEqual([[SP, "broken"]]);
    expect((await silenceOn(ctx, "2023-08-28", [SP])).map((x) => x.s.id)).toEqual([SP]);
  });
});

describe("the day of a break is the forum's calendar day (Asia/Almaty)", () => {
  it("India's objection typed at 23:30 in Astana on 28 August (00:30 on the 29th in Almaty) breaks silence on 29 August", async () => {
    await start();
    app.setNow("2023-08-28T23:30:00+05:00");
    expect((await app.as("India", "/object MC/2023/DRAFT/5 Not acceptable")).status).toBe("ok");
    const ctx = await ctxAs(app, "India", "2023-08-29T10:00:00+06:00");
    expect((await silenceOn(ctx, "2023-08-28", [SP]))[0]?.status).toEqual({ state: "running" });
    expect((await silenceOn(ctx, "2023-08-29", [SP]))[0]?.status).toEqual({ state: "broken", brokenBy: "IND", brokenOn: "2023-08-29" });
  });

  it("a break on record with no position on file (China, 20:00 UTC on 25 August) counts from that day in Almaty, 26 August", async () => {
    await start();
    await app.repos.write({ platform: "console", userId: "import", role: "secretariat" }, async (tx) => {
      await app.repos.silence.breakBy(tx, SP, "CHN", new Date("2023-08-25T20:00:00Z"));
      return { result: null, audit: [] };
    }, new Date("2023-08-25T20:00:00Z"));
    const ctx = await ctxAs(app, "India", "2023-08-27T10:00:00+06:00");
    expect((await silenceOn(ctx, "2023-08-25", [SP]))[0]?.status).toEqual({ state: "running" });
    expect((await silenceOn(ctx, "2023-08-26", [SP]))[0]?.status).toEqual({ state: "broken", brokenBy: "CHN", brokenOn: "2023-08-26" });
    expect(silences(await items("2023-08-25T12:00:00+06:00", "2023-08-25", "2023-09-30"))).toHaveLength(1);
    expect(silences(await items("2023-08-26T12:00:00+06:00", "2023-08-26", "2023-09-30"))).toEqual([]);
  });
});
