import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commandReference, generated, regenerated } from "../../scripts/commands-doc.ts";
import { envExampleNotes, envTable, envVariables } from "../../scripts/env-doc.ts";
import { envSchema } from "../../src/config.ts";
import { commands as registry } from "../../commands/index.ts";
import { commandsForForum } from "../../src/core/forum-commands.ts";
import { loadForum } from "../../src/forum/load.ts";

/** The registry as the default forum's bot shows it (its wording filled in). */
const commands = commandsForForum(registry, loadForum("data/cica.yaml"));

describe("generated documents", () => {
  for (const file of Object.keys(generated))
    it(`GIVEN their sources THEN ${file} holds exactly what npm run commands:doc generates`, () => {
      const text = readFileSync(file, "utf8");
      expect(regenerated(file, text), `${file} is out of date: run npm run commands:doc`).toBe(text);
    });

  it("GIVEN commands/ THEN the reference lists every command, in English and in Russian, with its Discord options", () => {
    for (const lang of ["en", "ru"] as const) {
      const table = commandReference(lang);
      for (const c of commands) {
        expect(table).toContain(`\`/${c.name}`);
        expect(table).toContain(c.description[lang]);
        for (const o of c.options) expect(table).toContain(`${o.name}:`);
      }
    }
  });

  it("GIVEN the environment's zod schema THEN every variable has a row, its schema default and a meaning", () => {
    const vars = envVariables();
    expect(vars.map((v) => v.name)).toEqual(Object.keys(envSchema.shape));
    expect(vars.length).toBeGreaterThan(10);
    for (const v of vars) expect(v.meaning, `${v.name} has no description (zod .describe() or a comment in .env.example)`).not.toBe("");
    expect(vars.find((v) => v.name === "DIGEST_TIME")!.default).toBe("`08:30`");
    expect(vars.find((v) => v.name === "NOW")!.default).toBe("—");
  });

  it("GIVEN a change to .env.example or the schema THEN the table changes with it", () => {
    const example = readFileSync(".env.example", "utf8").replace("# When the Chair's daily digest is sent", "# At what hour the digest goes out");
    expect(envTable(example)).not.toBe(envTable());
    expect(envTable(example)).toContain("At what hour the digest goes out");
    expect(envExampleNotes("# A\nX=1\nY=\n\n# B\n# more\nZ=\n").get("Y")).toBe("A");
    expect(envExampleNotes("# A\nX=1\nY=\n\n# B\n# more\nZ=\n").get("Z")).toBe("B more");
  });
});
