/** Revisions and the texts that replace a document (src/domain/timeline.ts; DOMAIN.md: `Rev.N` is a revision of the same document). */
import { describe, expect, it } from "vitest";
import { successorOf, versionOf } from "../../src/domain/timeline.ts";
import type { DocumentRow } from "../../src/domain/types.ts";

type Doc = Pick<DocumentRow, "symbol" | "date" | "source" | "status">;
const doc = (symbol: string, date: string | null, o: Partial<Doc> = {}): Doc => ({ symbol, date, source: "", status: "under_negotiation", ...o });

describe("the version of a symbol", () => {
  it("GIVEN a revision with two digits or a space after “Rev.” THEN that is the version", () => {
    expect(versionOf({ symbol: "MC/2023/DRAFT/4/Rev.12", revision: 0 })).toBe("Rev.12");
    expect(versionOf({ symbol: "MC/2023/DRAFT/4/Rev. 2", revision: 0 })).toBe("Rev. 2");
  });
});

describe("the text that replaced a document", () => {
  it("GIVEN Rev.12 THEN Rev.13 replaces it, and Rev.11 does not", () => {
    const rev12 = doc("MC/2023/DRAFT/4/Rev.12", "2023-07-01");
    const rev13 = doc("MC/2023/DRAFT/4/Rev.13", "2023-07-10");
    const rev11 = doc("MC/2023/DRAFT/4/Rev.11", "2023-07-01");
    expect(successorOf(rev12, [rev11, rev12, rev13], "2023-07-31")).toEqual({ symbol: "MC/2023/DRAFT/4/Rev.13", on: "2023-07-10" });
    expect(successorOf(rev12, [rev11, rev12], "2023-07-31")).toBeUndefined();
  });
  it("GIVEN Rev.1 and Rev.2 circulated the same day THEN Rev.2 replaces Rev.1 that day, not the other way round", () => {
    const rev1 = doc("MC/2023/CHAIR/1/Rev.1", "2023-06-14");
    const rev2 = doc("MC/2023/CHAIR/1/Rev.2", "2023-06-14");
    expect(successorOf(rev1, [rev1, rev2], "2023-06-14")).toEqual({ symbol: "MC/2023/CHAIR/1/Rev.2", on: "2023-06-14" });
    expect(successorOf(rev2, [rev1, rev2], "2023-06-14")).toBeUndefined();
  });
  it("GIVEN another document's revision, or a later text that names neither THEN it is no successor", () => {
    const d4 = doc("MC/2023/DRAFT/4", "2023-06-14");
    expect(successorOf(d4, [d4, doc("MC/2023/CHAIR/1/Rev.1", "2023-07-01")], "2023-08-01")).toBeUndefined();
    expect(successorOf(d4, [d4, doc("SOC/2023-II/DEC/1", "2023-08-22")], "2023-08-31")).toBeUndefined();
  });
  it("GIVEN a record whose source cites its own symbol THEN the document is not its own successor", () => {
    const dec = doc("SOC/2023-II/DEC/1", "2023-08-22", { source: "SOC/2023-II/DEC/1 of 22 August 2023, CICA website", status: "adopted" });
    expect(successorOf(dec, [dec], "2023-09-01")).toBeUndefined();
  });
});
