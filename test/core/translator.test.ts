/** The translator fills placeholders from params, then the forum's words, and is built once per forum and language (issue 15). */
import { describe, expect, it } from "vitest";
import { catalogues, translator } from "../../src/i18n/index.ts";
import { loadForum } from "../../src/forum/load.ts";

const CICA = loadForum("data/cica.yaml");
const KEY = "refused" as const;

describe("translator", () => {
  it("GIVEN params THEN every placeholder of every message is filled, in both languages, with the text around it kept", () => {
    for (const lang of ["en", "ru"] as const) {
      const t = translator(lang);
      for (const [key, template] of Object.entries(catalogues[lang]) as [keyof (typeof catalogues)["en"], string][]) {
        const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        const params = Object.fromEntries(names.map((n) => [n, `<${n}:${names.indexOf(n)}>`]));
        const want = template.replace(/\{(\w+)\}/g, (_, n: string) => `<${n}:${names.indexOf(n)}>`).replace(lang === "ru" ? / г\.\./g : /^\b$/, " г.");
        expect(t(key, params), `${lang}.${key}`).toBe(want);
      }
    }
  });

  it("GIVEN a placeholder with no param THEN the forum's word fills it, and a param of the same name wins over the forum", () => {
    const t = translator("en", CICA);
    const key = (Object.keys(catalogues.en) as (keyof (typeof catalogues)["en"])[]).find((k) => catalogues.en[k].includes("{forum}"))!;
    expect(key).toBeTruthy();
    expect(t(key, {})).toContain("CICA");
    expect(t(key, {})).not.toContain("{forum}");
    expect(t(key, { forum: "OTHER" })).toContain("OTHER");
    expect(t(key, { forum: "OTHER" })).not.toContain("CICA");
  });

  it("GIVEN neither a param nor a forum word THEN the placeholder stays as typed, and a param of 0 or an empty string is still used", () => {
    const t = translator("en");
    expect(t(KEY)).toContain("{who}");
    expect(t(KEY, { who: 0 })).toContain(" 0");
    expect(t(KEY, { who: "" })).not.toContain("{who}");
  });

  it("GIVEN the same forum and language THEN the same translator is returned; another forum object or language gets its own", () => {
    expect(translator("en", CICA)).toBe(translator("en", CICA));
    expect(translator("ru")).toBe(translator("ru"));
    expect(translator("ru", CICA)).not.toBe(translator("en", CICA));
    const other = { ...CICA, acronym: { en: "OSCE", ru: "ОБСЕ" } };
    const key = (Object.keys(catalogues.en) as (keyof (typeof catalogues)["en"])[]).find((k) => catalogues.en[k].includes("{forum}"))!;
    expect(translator("en", other)(key, {})).toContain("OSCE");
    expect(translator("en", CICA)(key, {})).toContain("CICA");
  });
});
