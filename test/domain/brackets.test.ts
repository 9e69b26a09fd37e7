import { describe, expect, it } from "vitest";
import { parseBrackets, readMarkGroup } from "../../src/domain/brackets.ts";

describe("bracketed negotiating text (seeds/002)", () => {
  it("GIVEN text with no brackets THEN it is agreed", () => {
    const r = parseBrackets("14. Promote training and courses to develop technical skills.");
    expect(r.agreed).toBe(true);
    expect(r.brackets).toHaveLength(0);
  });

  it("GIVEN an addition by Iran THEN the bracket is not agreed and Iran proposes it", () => {
    const r = parseBrackets("respect for [intercivilizational and intercultural exchanges] (+IRAN) and");
    expect(r.agreed).toBe(false);
    expect(r.brackets).toEqual([{ text: "intercivilizational and intercultural exchanges", depth: 0, marks: [{ party: "IRAN", kind: "proposes" }] }]);
  });

  it("GIVEN nested brackets THEN the outer proposer and the inner opponent are both read", () => {
    const r = parseBrackets("[cultural [and religious] (-CHN)] (+IND) diversity");
    expect(r.brackets).toHaveLength(2);
    const outer = r.brackets.find((b) => b.depth === 0)!;
    const inner = r.brackets.find((b) => b.depth === 1)!;
    expect(outer.text).toBe("cultural [and religious] (-CHN)");
    expect(outer.marks).toEqual([{ party: "IND", kind: "proposes" }]);
    expect(inner).toEqual({ text: "and religious", depth: 1, marks: [{ party: "CHN", kind: "opposes" }] });
  });

  it("GIVEN a whole paragraph opposed by Iran and proposed by Azerbaijan THEN both marks are kept in order", () => {
    const r = parseBrackets("[11. Promote volunteers' participation;] (-IRAN) (+AZER)");
    expect(r.brackets[0]!.marks).toEqual([{ party: "IRAN", kind: "opposes" }, { party: "AZER", kind: "proposes" }]);
    expect(r.parties).toEqual(["IRAN", "AZER"]);
  });

  it("GIVEN “to come back” marks THEN they are read as reserved positions", () => {
    const r = parseBrackets("databases for volunteers [, and encourage to assign country operators] (CHN tcb) in the CICA Member States;");
    expect(r.brackets[0]!.marks).toEqual([{ party: "CHN", kind: "to_come_back" }]);
    expect(parseBrackets("[15. Encourage …] (+IRAN) (SEC tcb)").brackets[0]!.marks).toEqual([
      { party: "IRAN", kind: "proposes" },
      { party: "SEC", kind: "to_come_back" },
    ]);
  });

  it("GIVEN India's bracket in para 1.10 followed by a full stop THEN the mark after the stop is read", () => {
    const r = parseBrackets("indicating the proposed tenure [, which should be not less than two and not more than four years]. (-IND)");
    expect(r.brackets[0]!.marks).toEqual([{ party: "IND", kind: "opposes" }]);
  });

  it("GIVEN unbalanced brackets THEN the text is reported unbalanced and not agreed", () => {
    const r = parseBrackets("[open but never closed");
    expect(r.balanced).toBe(false);
    expect(parseBrackets("closed] only").balanced).toBe(false);
  });

  it("GIVEN nested and side-by-side brackets THEN outer ones are listed first, each depth in the order of the text", () => {
    const r = parseBrackets("[a] (+IND) and [b [c] (-CHN)] (+IRAN) and [d] (-IRAN)");
    expect(r.brackets.map((b) => `${b.depth}:${b.text}`)).toEqual(["0:a", "0:b [c] (-CHN)", "0:d", "1:c"]);
  });

  it("GIVEN marks right after the bracket, or after a stop with no space THEN they are read", () => {
    expect(parseBrackets("[text](+IRAN)").brackets[0]!.marks).toEqual([{ party: "IRAN", kind: "proposes" }]);
    expect(parseBrackets("[text].(-IND)").brackets[0]!.marks).toEqual([{ party: "IND", kind: "opposes" }]);
    expect(parseBrackets("[text] (-IND, -IRAN)").brackets[0]!.marks).toEqual([{ party: "IND", kind: "opposes" }, { party: "IRAN", kind: "opposes" }]);
    expect(parseBrackets("[text];(-IND) (+CHN)").brackets[0]!.marks).toEqual([{ party: "IND", kind: "opposes" }, { party: "CHN", kind: "proposes" }]);
  });

  it("GIVEN a “to come back” mark after unbracketed text, in any case THEN the text is still not agreed", () => {
    expect(parseBrackets("3. Develop routes (IND, CHN tcb);").agreed).toBe(false);
    expect(parseBrackets("3. Develop routes (CHN TCB);").agreed).toBe(false);
    expect(parseBrackets("3. Develop routes (see annex);").agreed).toBe(true);
  });
});

describe("one group of marks", () => {
  it("GIVEN several parties, however the commas are spaced THEN each is read", () => {
    const tcb = [{ party: "IND", kind: "to_come_back" }, { party: "CHN", kind: "to_come_back" }];
    expect(readMarkGroup("IND, CHN tcb")).toEqual(tcb);
    expect(readMarkGroup("IND,CHN tcb")).toEqual(tcb);
    expect(readMarkGroup("IND , CHN tcb")).toEqual(tcb);
    const against = [{ party: "IND", kind: "opposes" }, { party: "IRAN", kind: "opposes" }];
    expect(readMarkGroup("-IND, -IRAN")).toEqual(against);
    expect(readMarkGroup("-IND,-IRAN")).toEqual(against);
    expect(readMarkGroup("-IND , -Iran")).toEqual(against);
  });
  it("GIVEN spaces inside the parentheses THEN the marks are still read", () => {
    expect(readMarkGroup(" +IRAN ")).toEqual([{ party: "IRAN", kind: "proposes" }]);
    expect(parseBrackets("[text] ( CHN tcb )").brackets[0]!.marks).toEqual([{ party: "CHN", kind: "to_come_back" }]);
  });
  it("GIVEN a group that is not all marks THEN it is ordinary text", () => {
    expect(readMarkGroup("+IRAN, see annex")).toBeUndefined();
    expect(readMarkGroup("Asia-Pacific")).toBeUndefined();
  });
});
