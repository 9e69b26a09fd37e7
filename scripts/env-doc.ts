/**
 * The operator guide's configuration table, generated from the zod schema of the environment
 * (src/config.ts: envSchema) so that it cannot drift. A variable's text is its zod description
 * (`.describe("…")`) when the schema gives one, else the comment above it in .env.example.
 * Defaults are what the schema itself yields for an unset variable.
 */
import { readFileSync } from "node:fs";
import type { z } from "zod";
import { envSchema } from "../src/config.ts";

/** Where the settings come from: change these two lines if the schema moves. */
export const ENV_SOURCE = "src/config.ts";
type Fields = z.ZodObject<Record<string, z.ZodType>>;
/** The object of fields, also when the schema wraps it (a .transform() or .pipe() makes a pipe whose input is the object). */
function fieldsOf(s: unknown): Fields {
  let cur = s as { shape?: unknown; _zod?: { def?: { in?: unknown; innerType?: unknown } } };
  for (let i = 0; i < 10 && cur && !cur.shape; i++) cur = (cur._zod?.def?.in ?? cur._zod?.def?.innerType) as typeof cur;
  if (!cur?.shape) throw new Error(`${ENV_SOURCE}: the environment schema is not a zod object`);
  return cur as unknown as Fields;
}
const schema = fieldsOf(envSchema);

export const ENV_START = "<!-- env:start (generated from src/config.ts by npm run commands:doc) -->";
export const ENV_END = "<!-- env:end -->";

/** Comment lines directly above each VAR= in .env.example (variables on consecutive lines share them). */
export function envExampleNotes(text: string): Map<string, string> {
  const notes = new Map<string, string>();
  let comment: string[] = [];
  let lastWasVar = false;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line) { comment = []; lastWasVar = false; continue; }
    if (line.startsWith("#")) {
      if (lastWasVar) comment = [];
      lastWasVar = false;
      const c = line.replace(/^#\s?/, "");
      if (!/^e\.g\. /.test(c) || comment.length) comment.push(c);
      continue;
    }
    const m = /^([A-Z][A-Z0-9_]*)=/.exec(line);
    if (m) { notes.set(m[1]!, comment.join(" ")); lastWasVar = true; }
  }
  return notes;
}

export type EnvVar = { name: string; default: string; meaning: string };

export function envVariables(example = readFileSync(".env.example", "utf8")): EnvVar[] {
  const notes = envExampleNotes(example);
  return Object.entries(schema.shape).map(([name, field]) => {
    const r = field.safeParse(undefined);
    const dflt = !r.success ? "required" : r.data === undefined ? "—" : `\`${String(r.data)}\``;
    return { name, default: dflt, meaning: field.description ?? notes.get(name) ?? "" };
  });
}

const cell = (s: string) => s.replace(/[|<>]/g, (c) => `\\${c}`).replace(/\s+/g, " ").trim();

export function envTable(example?: string): string {
  const rows = envVariables(example).map((v) => `| \`${v.name}\` | ${v.default} | ${cell(v.meaning)} |`);
  return [ENV_START, "", "| variable | default | meaning |", "|---|---|---|", ...rows, "", ENV_END].join("\n");
}
