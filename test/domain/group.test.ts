import { describe, expect, it } from "vitest";
import { groupBy } from "../../src/domain/group.ts";

describe("groupBy", () => {
  it("GIVEN items THEN each key holds its items in their order, keys in order of first appearance", () => {
    const g = groupBy([{ k: "b", n: 1 }, { k: "a", n: 2 }, { k: "b", n: 3 }], (x) => x.k);
    expect([...g.keys()]).toEqual(["b", "a"]);
    expect(g.get("b")!.map((x) => x.n)).toEqual([1, 3]);
    expect(g.get("a")!.map((x) => x.n)).toEqual([2]);
  });
  it("GIVEN no items THEN no groups", () => {
    expect(groupBy([], (x: number) => x).size).toBe(0);
  });
});
