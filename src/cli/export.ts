/**
 * `npm run export -- compilation <document> --format docx|md|csv [--since YYYY-MM-DD] [--out FILE] [--lang en|ru] [--as WHO]`
 * `npm run export -- matrix <document> --format png|csv|md [--out FILE] [--lang en|ru] [--as WHO]`
 * Writes the file (default ./exports/<name>) and prints its path. Acts as the Secretariat unless --as
 * names a state, so an observer's export never includes restricted documents. An entry point: it reads the environment.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { readEnv } from "../config.ts";
import { openApp } from "../app.ts";
import { offsetClock } from "../domain/dates.ts";
import { createLogger } from "../log.ts";
import { consoleActor } from "../adapters/console/index.ts";
import { translator } from "../i18n/index.ts";
import { UserError } from "../services/context.ts";
import { EXPORT_FORMATS, exportPaper, type ExportKind } from "../papers/export.ts";
import type { Lang } from "../domain/types.ts";

const USAGE = "usage: npm run export -- compilation <document> --format docx|md|csv [--since YYYY-MM-DD] [--out FILE] [--lang en|ru] [--as WHO]\n" +
  "       npm run export -- matrix <document> --format png|csv|md [--out FILE] [--lang en|ru] [--as WHO]\n";

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: { format: { type: "string" }, out: { type: "string" }, since: { type: "string" }, lang: { type: "string", default: "en" }, as: { type: "string", default: "secretariat" } }, allowPositionals: true, strict: true });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [kind, ...docWords] = positionals;
  const lang: Lang | undefined = values.lang === "ru" ? "ru" : values.lang === "en" ? "en" : undefined;
  if ((kind !== "compilation" && kind !== "matrix") || !docWords.length || !lang) {
    process.stderr.write(USAGE);
    return 2;
  }
  const format = values.format ?? EXPORT_FORMATS[kind][0];
  if (!(EXPORT_FORMATS[kind as ExportKind] as readonly string[]).includes(format)) {
    process.stderr.write(`--format must be one of ${EXPORT_FORMATS[kind].join(", ")} for ${kind}\n${USAGE}`);
    return 2;
  }
  const env = readEnv(process.env);
  const log = createLogger(env.LOG_LEVEL);
  const clock = env.NOW ? offsetClock(new Date(env.NOW)) : () => new Date();
  const app = await openApp({ databaseUrl: env.DATABASE_URL, dataFile: env.DATA_FILE, clock, timeZone: env.TIME_ZONE, forum: env.forum, publicUrl: env.PUBLIC_URL, digestTime: env.DIGEST_TIME, log });
  try {
    const who = await consoleActor(app.repos, values.as, lang);
    if (!who) {
      process.stderr.write(`Unknown --as "${values.as}": use a state name or ISO code, "chair" or "secretariat".\n`);
      return 2;
    }
    const t = translator(lang, env.forum);
    const ctx = { repos: app.repos, clock, actor: { ...who, lang }, t, lang, settings: { timeZone: env.TIME_ZONE, forum: env.forum, publicUrl: env.PUBLIC_URL } };
    const file = await exportPaper(ctx, kind, docWords.join(" "), format, values.since);
    const out = resolve(values.out ?? join("exports", file.name));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, file.data);
    process.stdout.write(`${out}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UserError) {
      const t = translator(lang, env.forum);
      process.stderr.write(`${t(e.key, e.params)}${e.suggestions.length ? `\n  ${e.suggestions.join("\n  ")}` : ""}\n`);
      return 1;
    }
    throw e;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
