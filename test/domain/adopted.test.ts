/** adoptedBy (src/domain/timeline.ts): a text counts as adopted only from the day of the decision that adopted it. */
import { describe, expect, it } from "vitest";
import { adoptedBy } from "../../src/domain/timeline.ts";

const doc = (status: string, date: string | null = "2023-06-14") => ({ status, date });
const decided = (outcome: string, decidedOn: string) => ({ outcome, decidedOn });

describe("adoptedBy", () => {
  it("GIVEN a draft THEN it is not adopted, whatever decisions say", () => {
    expect(adoptedBy(doc("draft"), [decided("adopted", "2023-09-21")], "2024-01-01")).toBe(false);
    expect(adoptedBy(undefined, [], "2024-01-01")).toBe(false);
  });

  it("GIVEN an adopting decision THEN adopted from its day on, not the day before", () => {
    const ds = [decided("adopted", "2023-09-21")];
    expect(adoptedBy(doc("adopted"), ds, "2023-09-20")).toBe(false);
    expect(adoptedBy(doc("adopted"), ds, "2023-09-21")).toBe(true);
  });

  it("GIVEN two adopting decisions THEN the earlier counts; a decision of another outcome does not", () => {
    expect(adoptedBy(doc("adopted"), [decided("adopted", "2023-12-01"), decided("adopted", "2023-09-21")], "2023-10-01")).toBe(true);
    expect(adoptedBy(doc("adopted"), [decided("rejected", "2023-09-01"), decided("adopted", "2023-12-01")], "2023-10-01")).toBe(false);
  });

  it("GIVEN a text recorded as adopted with no decision THEN adopted from its own date", () => {
    expect(adoptedBy(doc("adopted", "2023-06-14"), [], "2023-06-13")).toBe(false);
    expect(adoptedBy(doc("adopted", "2023-06-14"), [], "2023-06-14")).toBe(true);
  });
});
