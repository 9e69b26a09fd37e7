/** Clocks and calendar dates in the forum's zone (src/domain/dates.ts). */
import { describe, expect, it } from "vitest";
import { fixedClock, isIsoDate, isValidTimeZone, offsetClock, startOfDay, zonedTime } from "../../src/domain/dates.ts";

describe("clocks", () => {
  it("GIVEN a fixed clock THEN it always tells the same instant, and a caller changing what it got changes nothing", () => {
    const clock = fixedClock("2023-08-22T10:00:00Z");
    const first = clock();
    first.setUTCFullYear(1999);
    expect(clock().toISOString()).toBe("2023-08-22T10:00:00.000Z");
    expect(fixedClock(new Date("2021-03-05T00:00:00Z"))().toISOString()).toBe("2021-03-05T00:00:00.000Z");
  });
  it("GIVEN an offset clock THEN it starts at the given instant and runs at real speed", () => {
    let real = 1_000_000;
    const clock = offsetClock(new Date("2023-08-22T10:00:00Z"), () => real);
    expect(clock().toISOString()).toBe("2023-08-22T10:00:00.000Z");
    real += 90_000;
    expect(clock().toISOString()).toBe("2023-08-22T10:01:30.000Z");
  });
});

describe("days and instants in a zone", () => {
  it("GIVEN a calendar date in Astana in 2023 THEN its day starts at 18:00 UTC the day before (then UTC+6)", () => {
    expect(startOfDay("2023-08-23", "Asia/Almaty").toISOString()).toBe("2023-08-22T18:00:00.000Z");
    expect(startOfDay("2023-08-23", "Asia/Tashkent").toISOString()).toBe("2023-08-22T19:00:00.000Z");
  });
  it("GIVEN 01:30 in Berlin on the night the clocks go forward THEN it is still winter time (UTC+1)", () => {
    expect(zonedTime("2024-03-31", "01:30", "Europe/Berlin").toISOString()).toBe("2024-03-31T00:30:00.000Z");
  });
  it("GIVEN a year, a month without the day or a six-digit year THEN it is no calendar date", () => {
    expect(isIsoDate("2023-08")).toBe(false);
    expect(isIsoDate("2023")).toBe(false);
    expect(isIsoDate("+012023-08-23")).toBe(false); // an extended year is no date of the papers
    expect(isIsoDate("2023-08-23")).toBe(true);
  });
  it("GIVEN a zone name THEN only IANA zones are accepted", () => {
    expect(isValidTimeZone("Asia/Almaty")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Astana/Time")).toBe(false);
  });
});
