/**
 * Facts recorded from chat are dated too (issue 12: "nothing dated after NOW is shown as having happened"):
 * a deadline the Secretariat adds is known from the day it was added, and the digest of a morning says what
 * a silence procedure was on that morning, from its dated facts, not its outcome as stored today.
 */
import { afterEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";

let app: TestApp | undefined;
afterEach(async () => { await app?.close(); app = undefined; });

describe("dated facts recorded from chat", () => {
  it("GIVEN a meeting added on 1 March 2024 THEN /deadlines lists it from that day, not on an earlier NOW", async () => {
    app = await testApp({ now: "2024-03-01T10:00:00+05:00" });
    expect(await app.text("secretariat", "/deadline add 2024-04-10 10:00 meeting Extraordinary SOC meeting")).toMatch(/2024-04-10-extraordinary-soc-meeting/);
    expect(await app.text("India", "/deadlines all")).toContain("Extraordinary SOC meeting");
    app.setNow("2024-02-15T10:00:00+05:00");
    expect(await app.text("India", "/deadlines all")).not.toContain("Extraordinary SOC meeting");
  });

  it("GIVEN silence on DRAFT/5 broken on its last day THEN the digest of the morning before says it expires, and the next one that it was broken", async () => {
    app = await testApp({ now: "2024-03-01T10:00:00+05:00" });
    expect(await app.text("secretariat", "/silence start MC/2023/DRAFT/5 2024-03-16")).toMatch(/16 March 2024/);
    app.setNow("2024-03-16T10:00:00+05:00");
    expect(await app.text("India", "/object MC/2023/DRAFT/5 as objection Not acceptable")).toMatch(/silence/i);
    app.setNow("2024-03-18T10:00:00+05:00");
    const before = await app.text("chair", "/digest 2024-03-15");
    expect(before).toMatch(/Expires 16 March 2024: /);
    expect(before).not.toMatch(/Silence broken/);
    const after = await app.text("chair", "/digest 2024-03-17");
    expect(after).toMatch(/Silence broken: .*, by India/);
    expect(after).not.toMatch(/Expires 16 March 2024/);
  });
});
