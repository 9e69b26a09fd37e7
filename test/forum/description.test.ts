/** The forum description is read and checked at start; a second forum must give every word the catalogue asks of one. */
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify, parse } from "yaml";
import { readFileSync } from "node:fs";
import { loadForum, ForumError } from "../../src/forum/load.ts";
import { readEnv, ConfigError } from "../../src/config.ts";
import { en } from "../../src/i18n/en.ts";
import { ru } from "../../src/i18n/ru.ts";
import { forumTerms } from "../../src/domain/forum.ts";
import { CICA, NORTHERN_LAKES_FILE } from "../helpers/forum.ts";

const tmp = (name: string, data: unknown) => {
  const f = join(mkdtempSync(join(tmpdir(), "dd-forum-")), name);
  writeFileSync(f, stringify(data));
  return f;
};

describe("the forum description", () => {
  const lakes = loadForum(NORTHERN_LAKES_FILE);

  it("GIVEN both forums THEN each defines every forum word the catalogue uses, in English and Russian", () => {
    for (const [lang, cat] of [["en", en], ["ru", ru]] as const) {
      const used = new Set(Object.values(cat).flatMap((m) => [...m.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)));
      const cicaTerms = Object.keys(forumTerms(CICA, lang));
      expect(cicaTerms.every((t) => used.has(t)), `${lang}: a word of data/cica.yaml no message uses`).toBe(true);
      expect(Object.keys(forumTerms(lakes, lang)).sort()).toEqual([...cicaTerms].sort());
    }
  });

  it("GIVEN DATA_FILE THEN the zone defaults to the forum's and TIME_ZONE still wins", () => {
    expect(readEnv({}).TIME_ZONE).toBe("Asia/Almaty");
    const other = readEnv({ DATA_FILE: NORTHERN_LAKES_FILE });
    expect([other.TIME_ZONE, other.DIGEST_TZ, other.forum.acronym.en]).toEqual(["Pacific/Auckland", "Pacific/Auckland", "NLF"]);
    expect(readEnv({ DATA_FILE: NORTHERN_LAKES_FILE, TIME_ZONE: "Europe/Vienna" }).TIME_ZONE).toBe("Europe/Vienna");
  });

  it("GIVEN a file without forum: or with a bad parameter THEN start is refused with one line naming the field", () => {
    const data = parse(readFileSync(NORTHERN_LAKES_FILE, "utf8"));
    const bare = tmp("bare.yaml", { ...data, forum: undefined });
    expect(() => loadForum(bare)).toThrowError(ForumError);
    expect(() => readEnv({ DATA_FILE: bare })).toThrowError(/DATA_FILE .*no forum: section/);
    const bad = tmp("bad.yaml", { ...data, forum: { ...data.forum, rules: { ...data.forum.rules, tenure: { ...data.forum.rules.tenure, minYears: 4 } } } });
    expect(() => readEnv({ DATA_FILE: bad })).toThrowError(ConfigError);
    expect(() => loadForum(bad)).toThrowError(/forum\.rules\.tenure: minYears must not exceed maxYears/);
  });

  it("GIVEN a document of a body the forum does not have THEN the data file is refused", async () => {
    const { parseDataFile } = await import("../../src/db/importer.ts");
    const data = parse(readFileSync(NORTHERN_LAKES_FILE, "utf8"));
    data.documents[0].body = "SOC";
    expect(() => parseDataFile(tmp("body.yaml", data))).toThrowError(/documents\[0\] \(CNL\/2025\/DRAFT\/1\): field body: expected one of the forum's bodies: CNL, COM/);
  });
});
