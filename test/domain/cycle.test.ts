/** Tenures as calendar dates (src/domain/cycle.ts; DRAFT/4 para 1.10: "indicating the proposed tenure"). */
import { describe, expect, it } from "vitest";
import { tenureDates } from "../../src/domain/cycle.ts";

describe("a tenure read as calendar dates", () => {
  it("GIVEN the years written with spaces around the dash THEN they are still a tenure", () => {
    expect(tenureDates("2024 - 2025")).toEqual({ fromDate: "2024-01-01", untilDate: "2025-12-31" });
    expect(tenureDates("2024 –2025")).toEqual({ fromDate: "2024-01-01", untilDate: "2025-12-31" });
    expect(tenureDates("2024– 2025")).toEqual({ fromDate: "2024-01-01", untilDate: "2025-12-31" });
  });
  it("GIVEN anything other than a dash between the years THEN it is no tenure", () => {
    expect(tenureDates("2024x-2025")).toBeUndefined();
    expect(tenureDates("2024-x2025")).toBeUndefined();
  });
  it("GIVEN more than the two years THEN it is no tenure, not a guess at part of it", () => {
    expect(tenureDates("for 2024-2025")).toBeUndefined();
    expect(tenureDates("12024-2025")).toBeUndefined();
    expect(tenureDates("2024-2025 and beyond")).toBeUndefined();
    expect(tenureDates("2024-20250")).toBeUndefined();
  });
  it("GIVEN no tenure at all THEN there are no dates", () => {
    expect(tenureDates(undefined)).toBeUndefined();
    expect(tenureDates("")).toBeUndefined();
    expect(tenureDates("   ")).toBeUndefined();
  });
});
