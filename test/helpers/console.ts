import { PassThrough } from "node:stream";
import { runConsole } from "../../src/adapters/console/index.ts";
import type { Desk } from "../../src/core/desk.ts";
import type { Lang } from "../../src/domain/types.ts";

/** Feeds lines to the real console adapter as piped stdin and returns everything it printed. */
export async function consoleSession(desk: Desk, as: string, lines: string[], lang?: Lang): Promise<{ out: string; lines: number; failed: number }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = "";
  output.on("data", (c: Buffer) => { out += c.toString("utf8"); });
  input.end(`${lines.join("\n")}\n`);
  const r = await runConsole({ desk, input, output, as, interactive: false, lang });
  return { out, ...r };
}

/** The block of output that answers one command line. */
export function answerTo(out: string, line: string): string {
  const start = out.indexOf(`> ${line}\n`);
  if (start < 0) throw new Error(`no answer to ${line} in:\n${out}`);
  const rest = out.slice(start + line.length + 3);
  const next = rest.search(/^> \//m);
  return next < 0 ? rest : rest.slice(0, next);
}
