/**
 * Adapters know no command by name (issue 10): what a command needs from a platform is declared in its own
 * file under commands/ and read through the desk. This reads every adapter source, without comments, and
 * fails on any string or regular-expression literal that names a command of the registry.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";

const ROOT = "src/adapters";
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });

/** The source without comments (block, line, JSDoc), keeping string contents. */
const uncommented = (src: string) =>
  src
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`\\])\/\/[^\n]*/g, "$1")
    // `typeof x === "object"` names a JavaScript type, not the command.
    .replace(/typeof\s+[\w.?]+\s*[!=]==?\s*"\w+"/g, "");

/** String literals ('…', "…", `…`) and regular-expression literals of a source file. */
function literals(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) out.push(m[1] ?? m[2] ?? m[3] ?? "");
  for (const m of src.matchAll(/(?<=[=(,:!&|?]\s*)\/((?:[^/\\\n]|\\.)+)\/[a-z]*/g)) out.push(m[1]!);
  return out;
}

/** Whether a literal names the command: exactly, as "/name", or as a word of a pattern or phrase that starts with it. */
const names = (lit: string, name: string) => new RegExp(`^\\/?${name}$|^\\/?${name}\\s|[\\^(|]${name}[\\b)|$\\\\]`, "i").test(lit.trim());

describe("adapters name no command", () => {
  const sources = files(ROOT).map((f) => ({ f, lits: literals(uncommented(readFileSync(f, "utf8"))) }));

  it("GIVEN the adapter sources THEN there are some to check (the walk works)", () => {
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.some((s) => s.lits.includes("ephemeral"))).toBe(true);
  });

  for (const c of commands) {
    it(`GIVEN /${c.name} THEN no adapter source has a literal naming it`, () => {
      const hits = sources.flatMap(({ f, lits }) => lits.filter((l) => names(l, c.name)).map((l) => `${f}: ${JSON.stringify(l)}`));
      expect(hits).toEqual([]);
    });
  }
});
