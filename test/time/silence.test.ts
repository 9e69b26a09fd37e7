/**
 * The silence procedure's rule (seeds/001 item 3; src/domain/timeline.ts breaksSilence), as /object, /silence apply it: only an objection on the procedure's own matter breaks it, on any day from
 * its first to its last; a reservation is recorded under silence; nothing after the last day breaks it.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
beforeEach(async () => {
  app = await testApp();
  app.setNow("2023-08-23T09:00:00+05:00");
  expect(await app.text("secretariat", "/silence start MC/2023/DRAFT/5 2023-09-05")).toMatch(/started/);
});
afterEach(async () => app?.close());

const silenceLine = async () => (await app.text("India", "/silence")).split("\n").find((l) => l.includes("DRAFT/5")) ?? "";
const types = () => app.events.map((e) => e.type);

describe("which objections break a running silence procedure", () => {
  it("an objection to another document, to an offer or to a nomination leaves the procedure on DRAFT/5 running", async () => {
    expect((await app.as("India", "/object MC/2023/DRAFT/4 para 1.10 The range is not agreed")).status).toBe("ok");
    expect((await app.as("Israel", "/object offer:IRQ We need more consultations")).status).toBe("ok");
    expect(await silenceLine()).toMatch(/running until 5 September 2023/);
    expect(types()).not.toContain("silence_broken");
    expect(types()).not.toContain("position_under_silence");
    expect((await app.repos.silence.all()).find((s) => s.targetRef === "MC/2023/DRAFT/5")?.outcome).toBe("running");
  });

  it("an objection to one paragraph of the matter breaks it, naming the state and the day", async () => {
    app.setNow("2023-08-28T12:00:00+05:00");
    const t = await app.text("China", "/object MC/2023/DRAFT/5 para 11 We cannot join consensus");
    expect(t).toContain("This objection breaks the silence procedure");
    expect(await silenceLine()).toMatch(/broken by China on 28 August 2023/);
    expect(types()).toContain("silence_broken");
  });

  it("an objection on the last day of silence breaks it", async () => {
    app.setNow("2023-09-05T22:00:00+05:00");
    expect(await app.text("India", "/object MC/2023/DRAFT/5 Not acceptable")).toContain("This objection breaks the silence procedure");
    expect(await silenceLine()).toMatch(/broken by India on 5 September 2023/);
    app.setNow("2023-09-07T09:00:00+05:00");
    expect(await silenceLine()).toMatch(/broken by India/);
    expect(await silenceLine()).not.toMatch(/approved/);
  });

  it("a reservation is recorded under silence and reported, but does not break it", async () => {
    const t = await app.text("India", "/object MC/2023/DRAFT/5 as reservation We reserve our position");
    expect(t).not.toContain("breaks the silence procedure");
    expect(types()).toContain("position_under_silence");
    expect(types()).not.toContain("silence_broken");
    expect(await silenceLine()).toMatch(/running until 5 September 2023/);
  });

  it("the day after the last day an objection no longer breaks it, and the procedure is approved and concluded once", async () => {
    app.setNow("2023-09-06T09:00:00+05:00");
    expect(await silenceLine()).toMatch(/approved \(silence not broken by 5 September 2023\)/);
    await app.as("India", "/object MC/2023/DRAFT/5 Too late");
    expect(types()).not.toContain("silence_broken");
    expect(await silenceLine()).toMatch(/approved/);
  });
});
