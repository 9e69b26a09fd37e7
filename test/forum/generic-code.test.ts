/**
 * Generic code names no forum: CICA's name, zone, bodies, wording and procedural parameters live in its
 * description (data/cica.yaml, forum:). Each pattern below is one way they were hard-coded before.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (p.startsWith(join("src", "db", "generated"))) return [];
    return statSync(p).isDirectory() ? files(p) : /\.(ts|cjs)$/.test(p) ? [p] : [];
  });
}

/** Each pattern, where it may appear: only the forum description itself (data/), never src/. */
const FORBIDDEN: [string, RegExp][] = [
  ["the forum's name", /(?<![\p{L}/.])CICA(?![\p{L}])|СВМДА/u],
  ["the forum's time zone or seat", /Asia\/Almaty|Almaty|Astana|Астан/],
  ["CICA's wording (CBM, МД)", /\bCBMs?\b|(?<![\p{L}])МД(?![\p{L}])/u],
  ["a CICA body's code as a literal", /["'`](SOC|SWG|MC)["'`]/],
  ["the modalities text's symbol", /["'`]MC\/2023\/DRAFT\/4["'`]/],
  ["the tenure bounds", /TENURE_(MIN|MAX)_YEARS\s*=|min:\s*2,\s*max:\s*4/],
  ["a month count in a rule", /addMonths\([^()]*,\s*\d+\)/],
  ["the Annual Plan's dates", /-09-30|-10-01|["'`]12-31["'`]/],
];

describe("generic code carries nothing of one forum", () => {
  const all = files("src");
  it("GIVEN the source tree THEN it is read (the scan is not empty)", () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all).toContain(join("src", "domain", "rules.ts"));
  });
  for (const [what, re] of FORBIDDEN)
    it(`GIVEN src/ THEN no file hard-codes ${what}`, () => {
      const hits = all.flatMap((f) => readFileSync(f, "utf8").split("\n").map((l, i) => [f, i + 1, l] as const)).filter(([, , l]) => re.test(l));
      expect(hits.map(([f, n, l]) => `${f}:${n}: ${l.trim()}`)).toEqual([]);
    });
  it("GIVEN CICA's description THEN each pattern's fact is there instead", () => {
    const cica = readFileSync("data/cica.yaml", "utf8");
    for (const fact of [/acronym: \{ en: CICA, ru: СВМДА \}/, /timeZone: Asia\/Almaty/, /code: SOC/, /minYears: 2\n\s+maxYears: 4/, /months: 3/, /proposalsBy: "09-30"/, /measure: CBM/, /modalitiesDocument: MC\/2023\/DRAFT\/4/])
      expect(cica).toMatch(fact);
  });
});
