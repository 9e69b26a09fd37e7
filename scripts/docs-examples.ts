/**
 * Fills in the answers of new examples in the guides, so that adding a task costs one command:
 *   1. write the example with only its first line and its "> /command" lines (no answer lines);
 *   2. npx tsx scripts/docs-examples.ts docs/delegate.md      (any Markdown files; README.md and docs/*.md by default)
 *   3. READ what the bot answered before committing: it is now what the guide shows, and
 *      test/docs/examples.test.ts holds the bot to it (format: test/helpers/examples.ts).
 * Examples that already show an answer are left alone. Each runs on a fresh SQLite database with the CICA data set,
 * through the real console adapter, as `npm start` would. An id that changes from run to run (e.g. an event
 * proposal's) must then be replaced by "…" by hand.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { openApp } from "../src/app.ts";
import { runConsole } from "../src/adapters/console/index.ts";
import { silentLogger } from "../src/log.ts";
import { loadForum } from "../src/forum/load.ts";
const CICA = loadForum("data/cica.yaml");

const HEAD = /^\$ NOW=(\S+) npm start -- --as (\S+)(?: --lang (en|ru))?$/;

async function answer(now: string, as: string, lang: "en" | "ru" | undefined, lines: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "dd-docs-"));
  const start = Date.parse(now) - Date.now();
  const app = await openApp({ databaseUrl: `file:${join(dir, "docs.db")}`, dataFile: "data/cica.yaml", clock: () => new Date(Date.now() + start), timeZone: "Asia/Almaty", forum: CICA, digestTime: "08:30", log: silentLogger });
  try {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = "";
    output.on("data", (c: Buffer) => { out += c.toString("utf8"); });
    input.end(`${lines.join("\n")}\n`);
    await runConsole({ desk: app.desk, input, output, as, interactive: false, lang });
    return out.trimEnd();
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const files = process.argv.slice(2).length ? process.argv.slice(2) : ["README.md", ...readdirSync("docs").filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
for (const file of files) {
  const lines = readFileSync(file, "utf8").split("\n");
  const out: string[] = [];
  let filled = 0;
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]!);
    if (lines[i] !== "```console") continue;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== "```"; i++) body.push(lines[i]!);
    const head = HEAD.exec(body[0] ?? "");
    const commands = body.slice(1).filter((l) => l.startsWith("> /")).map((l) => l.slice(2));
    const hasAnswer = body.slice(1).some((l) => l.trim() && !l.startsWith("> /"));
    if (head && commands.length && !hasAnswer) {
      out.push(body[0]!, await answer(head[1]!, head[2]!, head[3] as "en" | "ru" | undefined, commands));
      filled++;
    } else out.push(...body);
    out.push("```");
  }
  if (filled) {
    writeFileSync(file, out.join("\n"));
    console.log(`${file}: ${filled} example(s) filled in; read them before committing`);
  }
}
