import { afterEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { createDesk, type Desk } from "../../src/core/desk.ts";
import { createAlerter, concludeSilence } from "../../src/digest/alerts.ts";
import { toPlainText } from "../../src/services/reply.ts";
import { testApp, actorOf, type TestApp } from "../helpers/app.ts";
import { fakePlatform, runtimeFor } from "./helpers.ts";
import type { Destination } from "../../src/digest/destinations.ts";
import { CICA } from "../helpers/forum.ts";

const CHAIR: Destination[] = [
  { platform: "slack", channelId: "C-CHAIR", lang: "en" },
  { platform: "discord", channelId: "998877", lang: "ru" },
];

describe("alerts to the Chair", () => {
  let app: TestApp;
  afterEach(async () => app?.close());

  /** A desk over the test database whose events go to a real alerter, as main.ts wires it. */
  async function wired() {
    const slack = fakePlatform("slack");
    const discord = fakePlatform("discord");
    const { rt } = runtimeFor(app, [slack, discord], CHAIR);
    const alerter = createAlerter(rt);
    const desk: Desk = createDesk({ commands: app.desk.commands, repos: app.repos, clock: app.desk.clock, settings: { timeZone: "Asia/Almaty", forum: CICA }, digestTime: "08:30", onEvent: alerter.onEvent });
    const run = async (who: string, line: string) => {
      const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line)!;
      const actor = await actorOf(app.repos, who);
      return toPlainText(await desk.run({ platform: "console", userId: actor.userId, command: m[1]!, text: m[2]!, actor, requestKey: randomUUID() }));
    };
    return { slack, discord, rt, alerter, run };
  }

  it("GIVEN a silence procedure on DRAFT/5 WHEN India objects THEN the Chair is alerted at once, in each destination's language, and only once", async () => {
    app = await testApp({ now: "2023-08-23T10:00:00+05:00" });
    const w = await wired();
    expect(await w.run("secretariat", "/silence start MC/2023/DRAFT/5 2023-09-05")).toMatch(/Silence procedure \S+ started/);
    expect(await w.run("India", "/object MC/2023/DRAFT/5 We cannot join consensus on paragraph 11")).toContain("This objection breaks the silence procedure");
    await w.alerter.idle();
    expect(w.slack.posted).toHaveLength(1);
    expect(w.slack.posted[0]!.channelId).toBe("C-CHAIR");
    expect(w.slack.posted[0]!.text).toMatch(/^⚠ Silence broken: .*MC\/2023\/DRAFT\/5.*\. India objected\./);
    expect(w.slack.posted[0]!.text).toContain("We cannot join consensus on paragraph 11");
    expect(w.slack.posted[0]!.reply.ephemeral).toBe(false);
    expect(w.discord.posted).toHaveLength(1);
    expect(w.discord.posted[0]!.text).toMatch(/^⚠ Умолчание прервано: .*\. Возражение: Индия\./);
    // A second objection finds the silence already broken, and the same event raised again is a no-op.
    await w.run("China", "/object MC/2023/DRAFT/5 We also object");
    const broken = (await app.repos.silence.all()).find((s) => s.targetRef === "MC/2023/DRAFT/5")!;
    const india = (await app.repos.positions.openOf("IND")).find((p) => p.targetRef === "MC/2023/DRAFT/5")!;
    w.alerter.onEvent({ type: "silence_broken", silenceId: broken.id, by: "IND", positionId: india.id });
    await w.alerter.idle();
    expect(w.slack.posted).toHaveLength(1);
    expect(w.discord.posted).toHaveLength(1);
    // The next morning's digest reports it too.
    const { digestFor } = await import("../../src/digest/deliver.ts");
    expect(toPlainText(await digestFor(w.rt, "2023-08-24", "en"))).toMatch(/⚠ Silence broken: .*, by India/);
  });

  it("GIVEN a silence procedure that expires with no objection WHEN the hourly housekeeping runs THEN it is concluded and the Chair and the Member States' linked channels are told once, observers not", async () => {
    app = await testApp({ now: "2023-08-23T10:00:00+05:00" });
    const w = await wired();
    await w.run("secretariat", "/link channel slack:C-IND India");
    await w.run("secretariat", "/link channel discord:4242 Turkmenistan");
    await w.run("secretariat", "/silence start MC/2023/DRAFT/5 2023-09-05");
    app.setNow("2023-09-05T23:00:00+06:00"); // still the last day of silence
    expect(await concludeSilence(w.rt)).toEqual([]);
    expect(w.slack.posted).toHaveLength(0);
    app.setNow("2023-09-06T00:30:00+06:00");
    const done = await concludeSilence(w.rt);
    expect(done).toHaveLength(1);
    expect((await app.repos.silence.byId(done[0]!))?.outcome).toBe("concluded");
    const chair = w.slack.posted.find((p) => p.channelId === "C-CHAIR")!;
    expect(chair.text).toMatch(/^✓ Silence procedure concluded without objection: .*The proposal is approved\./);
    const india = w.slack.posted.find((p) => p.channelId === "C-IND")!;
    expect(india.text).toContain("✓ Silence procedure concluded without objection");
    expect(india.text).toContain("✓ Процедура умолчания завершена без возражений");
    expect(w.discord.posted.map((p) => p.channelId)).toEqual(["998877"]);
    expect(w.discord.posted[0]!.text).toMatch(/^✓ Процедура умолчания завершена без возражений/);
    app.setNow("2023-09-06T01:30:00+06:00");
    expect(await concludeSilence(w.rt)).toEqual([]);
    expect(w.slack.posted).toHaveLength(2);
    expect(w.discord.posted).toHaveLength(1);
  });

  it("GIVEN silence was broken through a process that sends no alerts WHEN the hourly housekeeping runs THEN the missed alert is sent, once", async () => {
    app = await testApp({ now: "2023-08-23T10:00:00+05:00" });
    await app.as("secretariat", "/silence start MC/2023/DRAFT/5 2023-09-05");
    await app.as("Iran", "/object MC/2023/DRAFT/5 Objection");
    expect(app.events.map((e) => e.type)).toContain("silence_broken");
    const w = await wired();
    app.setNow("2023-08-23T11:00:00+05:00");
    await concludeSilence(w.rt);
    await concludeSilence(w.rt);
    expect(w.slack.posted).toHaveLength(1);
    expect(w.slack.posted[0]!.text).toMatch(/Silence broken: .*Iran objected/);
  });
});
