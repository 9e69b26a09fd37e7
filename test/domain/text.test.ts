/** Name matching and shortening (src/domain/text.ts): how lookups find "ICT", "terror", "Bangldesh". */
import { describe, expect, it } from "vitest";
import { cutText, levenshtein, matchScore, normalise, shorten } from "../../src/domain/text.ts";

describe("normalise", () => {
  it("drops diacritics, quotes and case, and folds spaces and underscores", () => {
    expect(normalise("  Türkiye  ")).toBe("turkiye");
    expect(normalise("«Security»   of_ICTs")).toBe("security of icts");
    expect(normalise("“Quoted” ‘words’ 'here'")).toBe("quoted words here");
    expect(normalise("Türkiye")).toBe("turkiye"); // remembered
  });
});

describe("levenshtein", () => {
  it("counts edits", () => {
    expect(levenshtein("abc", "abc")).toBe(0);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("abc", "")).toBe(3);
    expect(levenshtein("bangladesh", "bangldesh")).toBe(1);
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("ab", "ba")).toBe(2);
  });
});

describe("matchScore", () => {
  it("ranks exact, prefix, whole word, word prefix, substring, all words, near miss", () => {
    expect(matchScore("Tourism", "tourism")).toBe(100);
    expect(matchScore("Tour", "Tourism")).toBe(80);
    expect(matchScore("terrorism", "Combating terrorism")).toBe(75);
    expect(matchScore("terror", "Combating terrorism")).toBe(60);
    expect(matchScore("te", "Combating terrorism")).toBe(0);
    expect(matchScore("rroris", "Combating terrorism")).toBe(50);
    expect(matchScore("ro", "Combating terrorism")).toBe(0);
    expect(matchScore("comb terr", "Combating terrorism")).toBe(55);
    expect(matchScore("Bangldesh", "Bangladesh")).toBe(25);
    expect(matchScore("Bnglads", "Bangladesh")).toBe(0);
    expect(matchScore("Indai", "India")).toBe(20);
    expect(matchScore("Indi", "Indai")).toBe(25);
    expect(matchScore("Chna", "China")).toBe(25);
    expect(matchScore("Chin", "Chin")).toBe(100);
    expect(matchScore("Toursm development", "Tourism development")).toBe(25);
    expect(matchScore("", "China")).toBe(0);
    expect(matchScore("China", "  ")).toBe(0);
    expect(matchScore("xyz", "China")).toBe(0);
    expect(matchScore("environmental protections", "Environment protection")).toBe(15);
  });
  it("GIVEN a three-letter query THEN a word it begins or a word it is inside of is found", () => {
    expect(matchScore("ter", "Combating terrorism")).toBe(60);
    expect(matchScore("ror", "Combating terrorism")).toBe(50);
  });
  it("GIVEN a near miss THEN up to four letters allow one slip, up to eight two, longer ones three", () => {
    expect(matchScore("Iarn", "Iran")).toBe(0); // two slips in four letters
    expect(matchScore("Kazkhstn", "Kazakhstan")).toBe(20); // two slips in eight letters
    expect(matchScore("Agrcultr", "Agriculture")).toBe(0); // three slips in eight letters
    expect(matchScore("Turkmnstn", "Turkmenistan")).toBe(15); // three slips in nine letters
  });
  it("GIVEN a name that opens with punctuation THEN a one-letter query is no near miss of the empty gap before it", () => {
    expect(matchScore("a", "(ICT) security")).toBe(0);
  });
});

describe("shorten and cut", () => {
  it("shortens at a word boundary in the second half, else hard, with an ellipsis", () => {
    expect(shorten("short  text", 20)).toBe("short text");
    expect(shorten("exactly ten", 11)).toBe("exactly ten");
    expect(shorten("one two three four", 10)).toBe("one two…");
    expect(shorten("abcdefghijklmnop qr", 10)).toBe("abcdefghi…");
    expect(shorten("  short text \n", 20)).toBe("short text");
    expect(shorten("abcde fghijkl", 10)).toBe("abcde…"); // the space at exactly half still counts
  });
  it("gives a short text back as it is only when it has no whitespace to fold: every kind of whitespace, at any place", () => {
    // The slow path, written out: fold whitespace runs to one space, trim, then cut.
    const folded = (s: string, max: number) => { const f = s.replace(/\s+/g, " ").trim(); return f.length <= max ? f : null; };
    const spaces = [" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2009", "\u3000", "\ufeff"];
    for (const sp of spaces)
      for (const s of [`a${sp}b`, `${sp}ab`, `ab${sp}`, `${sp}`, `a b${sp}c d`])
        expect(shorten(s, 40), JSON.stringify(s)).toBe(folded(s, 40));
    expect(shorten("one two three", 13)).toBe("one two three");
    expect(shorten("", 5)).toBe("");
  });
  it("cuts into pieces no longer than the limit, losing only the break characters", () => {
    expect(cutText("aaaa bbbb cccc", 9)).toEqual(["aaaa bbbb", "cccc"]);
    expect(cutText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
    expect(cutText("", 5)).toEqual([""]);
    expect(cutText("a\nbb cc", 5, ["\n", " "])).toEqual(["a\nbb", "cc"]);
    expect(cutText("a bcdefgh", 6)).toEqual(["a bcde", "fgh"]);
    expect(cutText("abcde", 5)).toEqual(["abcde"]);
    expect(cutText("abc d", 5)).toEqual(["abc d"]); // a text that fits is not cut, even at a space
    expect(cutText("ab cdef", 4)).toEqual(["ab", "cdef"]); // a break at exactly half is used
    expect(cutText("abcd ", 4)).toEqual(["abcd"]); // no empty piece after a final break
  });
});
