/**
 * A nomination's status derived from dated facts (src/domain/timeline.ts nominationState): under consultation from
 * the day it was communicated (7 August 2023) until a body's decision, counted from that decision's date.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";
import { nominationState } from "../../src/domain/timeline.ts";

let app: TestApp;
beforeAll(async () => { app = await testApp(); });
afterAll(async () => app?.close());

describe("the nomination of a Deputy Secretary General (seeds/000 item 7(a))", () => {
  it("is open to positions before the SOC decides, and closed from the decision's date, whatever the stored status says", async () => {
    app.setNow("2023-09-10T09:00:00+05:00");
    const d = await app.as("secretariat", "/decide nomination:DSG appointed on 2023-09-10 override The SOC agreed by consensus after consultations");
    expect(d.status).toBe("ok");
    // Replayed to a day before the decision, consultations are still open: Kuwait may still support.
    app.setNow("2023-09-01T09:00:00+05:00");
    expect((await app.as("Kuwait", "/support nomination:DSG We support the candidate")).status).toBe("ok");
    app.setNow("2023-09-11T09:00:00+05:00");
    const late = await app.as("Qatar", "/support nomination:DSG We support the candidate");
    expect(late.status).not.toBe("ok");
    expect(late.summary).toContain("Consultations on this nomination are closed.");
  });

  it("as a rule: not yet before it was communicated, then under consultation, then the decided outcome from its date; a deferral changes nothing", () => {
    const n = { nominatedOn: "2023-08-07" };
    expect(nominationState(n, [], "2023-08-06")).toBe("not_yet");
    expect(nominationState(n, [], "2023-08-07")).toBe("under_consultation");
    const decided = [{ outcome: "deferred", decidedOn: "2023-09-01" }, { outcome: "appointed", decidedOn: "2023-12-14" }];
    expect(nominationState(n, decided, "2023-09-02")).toBe("under_consultation");
    expect(nominationState(n, decided, "2023-12-13")).toBe("under_consultation");
    expect(nominationState(n, decided, "2023-12-14")).toBe("appointed");
    expect(nominationState(n, [...decided, { outcome: "declined", decidedOn: "2024-01-10" }], "2024-02-01")).toBe("declined");
    expect(nominationState({ nominatedOn: null }, [], "2000-01-01")).toBe("under_consultation");
  });
});
