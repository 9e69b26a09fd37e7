/** The bench's statistics: the median reported for the ack ratios, the cold starts and the CPU reference. */
import { describe, expect, it } from "vitest";
import { median, percentile } from "../../bench/stats.ts";

describe("bench statistics", () => {
  it("GIVEN an odd count THEN the median is the middle value, whatever the order", () => {
    expect(median([3, 1, 2])).toBe(2);
  });
  it("GIVEN an even count THEN the median is the mean of the two middle values, not the lower one (which would flatter)", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it("GIVEN 100 samples THEN p99 is the nearest rank, the 99th value", () => {
    expect(percentile(Array.from({ length: 100 }, (_, i) => 100 - i), 99)).toBe(99);
  });
});
