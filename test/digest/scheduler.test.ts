import { afterEach, describe, expect, it } from "vitest";
import { startScheduler, dueDay, nextSendAt, type Timer, type Scheduler } from "../../src/digest/scheduler.ts";
import { deliverDay } from "../../src/digest/deliver.ts";
import { claim, markSent } from "../../src/digest/ledger.ts";
import { testApp, type TestApp } from "../helpers/app.ts";
import { fakePlatform, runtimeFor } from "./helpers.ts";

/** A clock and a timer the test moves by hand: firing the timer jumps the clock to its due time. */
function fakeTime(startIso: string) {
  let now = new Date(startIso).getTime();
  let pending: { fn: () => void; at: number } | undefined;
  const timer: Timer = (fn, ms) => {
    const t = { fn, at: now + ms };
    pending = t;
    return () => { if (pending === t) pending = undefined; };
  };
  return {
    clock: () => new Date(now),
    set: (iso: string) => { now = new Date(iso).getTime(); },
    timer,
    nextAt: () => (pending ? new Date(pending.at).toISOString() : undefined),
    async fire(s: Scheduler) {
      const t = pending!;
      pending = undefined;
      now = t.at;
      t.fn();
      await s.idle();
    },
    /** Fires wake-ups until the clock reaches `iso`. */
    async runUntil(s: Scheduler, iso: string) {
      while (pending && pending.at <= new Date(iso).getTime()) await this.fire(s);
    },
  };
}

/** The instant each day was first asked for: when that day's digest went out. */
function firstCalls(calls: { day: string; at: string }[]) {
  const out: Record<string, string> = {};
  for (const c of calls) out[c.day] ??= c.at;
  return out;
}

describe("digest scheduler", () => {
  let s: Scheduler | undefined;
  let app: TestApp | undefined;
  afterEach(async () => {
    await s?.stop();
    await app?.close();
    s = undefined;
    app = undefined;
  });

  // Asia/Almaty was UTC+6 until March 2024 (UTC+5 since), so 08:30 in August 2023 is 02:30 UTC.
  it("GIVEN 08:30 in Astana WHEN the fake clock runs across three days THEN each day's digest is asked for at 08:30 local (02:30 UTC in 2023), with hourly housekeeping", async () => {
    const t = fakeTime("2023-08-23T09:00:00+05:00");
    const calls: { day: string; at: string }[] = [];
    let housekeeping = 0;
    s = startScheduler({
      clock: t.clock, timer: t.timer, digestTime: "08:30", digestTz: "Asia/Almaty",
      sendDay: async (day) => { calls.push({ day, at: t.clock().toISOString() }); },
      housekeeping: async () => { housekeeping++; },
    });
    await s.idle();
    expect(calls).toEqual([{ day: "2023-08-23", at: "2023-08-23T04:00:00.000Z" }]);
    expect(t.nextAt()).toBe("2023-08-23T05:00:00.000Z");
    await t.runUntil(s, "2023-08-26T04:00:00Z");
    expect(firstCalls(calls)).toEqual({
      "2023-08-23": "2023-08-23T04:00:00.000Z",
      "2023-08-24": "2023-08-24T02:30:00.000Z",
      "2023-08-25": "2023-08-25T02:30:00.000Z",
      "2023-08-26": "2023-08-26T02:30:00.000Z",
    });
    // Hourly from the start: 23 Aug 04:00Z … 26 Aug 04:00Z is 73 wake-ups.
    expect(housekeeping).toBe(73);
  });

  it("GIVEN Europe/Berlin WHEN the clocks change for summer and for winter time THEN the digest still goes out at 08:30 local each day", async () => {
    const t = fakeTime("2023-03-24T12:00:00Z");
    const calls: { day: string; at: string }[] = [];
    s = startScheduler({ clock: t.clock, timer: t.timer, digestTime: "08:30", digestTz: "Europe/Berlin", sendDay: async (day) => { calls.push({ day, at: t.clock().toISOString() }); } });
    await s.idle();
    await t.runUntil(s, "2023-03-28T00:00:00Z");
    expect(firstCalls(calls)).toEqual({
      "2023-03-24": "2023-03-24T12:00:00.000Z",
      "2023-03-25": "2023-03-25T07:30:00.000Z", // CET, UTC+1
      "2023-03-26": "2023-03-26T06:30:00.000Z", // CEST from 02:00 that night, UTC+2
      "2023-03-27": "2023-03-27T06:30:00.000Z",
    });
    await s.stop();
    const w = fakeTime("2023-10-28T12:00:00Z");
    const autumn: { day: string; at: string }[] = [];
    s = startScheduler({ clock: w.clock, timer: w.timer, digestTime: "08:30", digestTz: "Europe/Berlin", sendDay: async (day) => { autumn.push({ day, at: w.clock().toISOString() }); } });
    await s.idle();
    await w.runUntil(s, "2023-10-31T00:00:00Z");
    expect(firstCalls(autumn)).toMatchObject({ "2023-10-29": "2023-10-29T07:30:00.000Z", "2023-10-30": "2023-10-30T07:30:00.000Z" });
  });

  it("GIVEN the due-day rules THEN before the send time the due day is yesterday and the next send is today", () => {
    expect(dueDay(new Date("2024-08-24T08:29:00+05:00"), "08:30", "Asia/Almaty")).toBe("2024-08-23");
    expect(dueDay(new Date("2024-08-24T08:30:00+05:00"), "08:30", "Asia/Almaty")).toBe("2024-08-24");
    expect(nextSendAt(new Date("2024-08-24T08:29:00+05:00"), "08:30", "Asia/Almaty").toISOString()).toBe("2024-08-24T03:30:00.000Z");
    expect(nextSendAt(new Date("2024-08-24T08:30:00+05:00"), "08:30", "Asia/Almaty").toISOString()).toBe("2024-08-25T03:30:00.000Z");
    // Just after midnight local time the due day is still yesterday's.
    expect(dueDay(new Date("2024-08-24T00:05:00+05:00"), "08:30", "Asia/Almaty")).toBe("2024-08-23");
  });

  it("GIVEN the digest was sent in Astana time WHEN the bot restarts with DIGEST_TZ=Europe/Berlin the same day THEN that day is not sent again and the next one follows Berlin time", async () => {
    app = await testApp({ now: "2023-08-23T09:00:00+05:00" });
    const p = fakePlatform("slack");
    const t = fakeTime("2023-08-23T09:00:00+05:00");
    const { rt } = runtimeFor(app, [p], [{ platform: "slack", channelId: "C-CHAIR", lang: "en" }], { clock: t.clock });
    s = startScheduler({ clock: t.clock, timer: t.timer, digestTime: "08:30", digestTz: "Asia/Almaty", sendDay: (day) => deliverDay(rt, day) });
    await s.idle();
    expect(p.posted).toHaveLength(1);
    await s.stop();
    t.set("2023-08-23T07:00:00Z"); // 09:00 in Berlin, 12:00 in Astana
    const berlin = { ...rt, digestTz: "Europe/Berlin", worker: "restarted" };
    s = startScheduler({ clock: t.clock, timer: t.timer, digestTime: "08:30", digestTz: "Europe/Berlin", sendDay: (day) => deliverDay(berlin, day) });
    await s.idle();
    expect(p.posted).toHaveLength(1);
    expect(t.nextAt()).toBe("2023-08-24T06:30:00.000Z");
    await t.fire(s);
    expect(p.posted.map((x) => x.text.split("\n")[0])).toEqual(["Daily digest for the Chair, 23 August 2023", "Daily digest for the Chair, 24 August 2023"]);
  });

  it("GIVEN the bot was down for three days WHEN it starts THEN it sends one digest, for the latest day, covering everything since the last one", async () => {
    app = await testApp({ now: "2023-08-24T12:00:00+05:00" });
    const c = await claim(app.repos, "2023-08-21", "slack:C-CHAIR", "old", new Date("2023-08-21T03:30:00Z"));
    expect(c.kind).toBe("claimed");
    await markSent(app.repos, (c as { id: number }).id, "old", new Date("2023-08-21T03:30:05Z"));
    const p = fakePlatform("slack");
    const t = fakeTime("2023-08-24T12:00:00+05:00");
    const { rt } = runtimeFor(app, [p], [{ platform: "slack", channelId: "C-CHAIR", lang: "en" }], { clock: t.clock });
    s = startScheduler({ clock: t.clock, timer: t.timer, digestTime: "08:30", digestTz: "Asia/Almaty", sendDay: (day) => deliverDay(rt, day, { retryFailed: true }), housekeeping: async () => {} });
    await s.idle();
    expect(p.posted).toHaveLength(1);
    const text = p.posted[0]!.text;
    expect(text.split("\n")[0]).toBe("Daily digest for the Chair, 24 August 2023");
    // The SOC's positions of 22 August fall outside a one-day window but inside "since the last digest".
    expect(text).toMatch(/NEW #\d+ Israel: reservation on MC\/2023\/DRAFT\/4/);
    const days = (await app.db.prisma.digestDelivery.findMany({ orderBy: { day: "asc" } })).map((r) => `${r.day} ${r.status}`);
    expect(days).toEqual(["2023-08-21 sent", "2023-08-24 sent"]);
    // Later (hourly) wake-ups the same day change nothing.
    await t.fire(s);
    await t.fire(s);
    expect(t.clock().toISOString()).toBe("2023-08-24T09:00:00.000Z");
    expect(p.posted).toHaveLength(1);
  });

  it("GIVEN the bot starts before the send time WHEN yesterday's digest was missed THEN yesterday's is sent at once and today's at 08:30", async () => {
    app = await testApp({ now: "2023-08-24T08:00:00+06:00" });
    const p = fakePlatform("slack");
    const t = fakeTime("2023-08-24T08:00:00+06:00");
    const { rt } = runtimeFor(app, [p], [{ platform: "slack", channelId: "C-CHAIR", lang: "en" }], { clock: t.clock });
    s = startScheduler({ clock: t.clock, timer: t.timer, digestTime: "08:30", digestTz: "Asia/Almaty", sendDay: (day) => deliverDay(rt, day) });
    await s.idle();
    expect(p.posted.map((x) => x.text.split("\n")[0])).toEqual(["Daily digest for the Chair, 23 August 2023"]);
    expect(t.nextAt()).toBe("2023-08-24T02:30:00.000Z");
    await t.fire(s);
    expect(p.posted.map((x) => x.text.split("\n")[0])).toEqual(["Daily digest for the Chair, 23 August 2023", "Daily digest for the Chair, 24 August 2023"]);
  });
});
