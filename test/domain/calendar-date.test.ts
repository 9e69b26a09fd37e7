import { describe, expect, it } from "vitest";
import { calendarDate, calendarDateByIntl } from "../../src/domain/dates.ts";

// calendarDate reads a zone's offset once per quarter hour (issue 15: a year's digest formats thousands of
// dates); it must give Intl's own answer for every instant, around offset changes above all.
const ZONES = ["Asia/Almaty", "Asia/Kathmandu", "Australia/Lord_Howe", "America/St_Johns", "America/Santiago", "Europe/London", "Pacific/Chatham", "UTC", "America/Havana"];

/** Every `stepMin` minutes for `hours` hours either side of an instant. */
const around = (iso: string, hours: number, stepMin: number) => {
  const mid = Date.parse(iso);
  const out: Date[] = [];
  for (let ms = mid - hours * 3600_000; ms <= mid + hours * 3600_000; ms += stepMin * 60_000) out.push(new Date(ms));
  return out;
};

describe("calendarDate", () => {
  it("agrees with Intl minute by minute across offset changes, at and near local midnight", () => {
    const cases: [string, string][] = [
      ["Asia/Almaty", "2024-02-29T18:00:00Z"], // Kazakhstan moved from UTC+6 to UTC+5 at midnight, 1 March 2024
      ["America/Santiago", "2023-09-03T04:00:00Z"], // Chile springs forward at local midnight
      ["America/Santiago", "2023-04-02T03:00:00Z"],
      ["America/Havana", "2023-03-12T05:00:00Z"], // Cuba changes at midnight
      ["Australia/Lord_Howe", "2023-10-01T15:30:00Z"], // a half-hour change
      ["Europe/London", "2023-03-26T01:00:00Z"],
      ["Pacific/Chatham", "2023-09-23T14:00:00Z"], // +12:45 → +13:45
    ];
    let n = 0;
    for (const [tz, at] of cases)
      for (const d of around(at, 30, 1)) {
        expect(calendarDate(d, tz), `${tz} ${d.toISOString()}`).toBe(calendarDateByIntl(d, tz));
        n++;
      }
    expect(n).toBeGreaterThan(20_000);
  });

  it("agrees with Intl at seconds and milliseconds either side of midnight, in every zone", () => {
    for (const tz of ZONES)
      for (const day of ["2023-01-01", "2023-07-15", "2024-03-01", "1999-12-31"]) {
        const midnightUtc = Date.parse(`${day}T00:00:00Z`);
        for (let h = -15; h <= 15; h++)
          for (const dms of [-1001, -1000, -1, 0, 1, 999, 1000]) {
            const d = new Date(midnightUtc + h * 3600_000 + dms);
            expect(calendarDate(d, tz), `${tz} ${d.toISOString()}`).toBe(calendarDateByIntl(d, tz));
          }
      }
  });

  it("agrees with Intl on instants spread over 1900–2100, and in the same order given twice (the cache)", () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const instants = Array.from({ length: 3000 }, () => new Date(Date.UTC(1900, 0, 1) + rnd() * 200 * 365.25 * 86_400_000));
    for (const pass of [1, 2])
      for (const tz of ZONES)
        for (const d of instants) expect(calendarDate(d, tz), `${tz} ${d.toISOString()} pass ${pass}`).toBe(calendarDateByIntl(d, tz));
  });

  it("answers Intl's way for an invalid date and far years", () => {
    expect(() => calendarDateByIntl(new Date(NaN), "UTC")).toThrow();
    expect(() => calendarDate(new Date(NaN), "UTC")).toThrow();
    expect(calendarDate(new Date(Date.UTC(12000, 0, 1)), "UTC")).toBe(calendarDateByIntl(new Date(Date.UTC(12000, 0, 1)), "UTC"));
  });
});
