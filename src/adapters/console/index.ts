import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Desk, Invocation } from "../../core/desk.ts";
import type { Repos } from "../../db/repos.ts";
import type { Lang } from "../../domain/types.ts";
import { normalise } from "../../domain/text.ts";
import { toPlainText, type Reply } from "../../services/reply.ts";
import { translator } from "../../i18n/index.ts";
import { saveFiles } from "./files.ts";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { CommandDef } from "../../core/command.ts";
import { inbound, type Capabilities } from "../../core/adapter.ts";

/** What the console can do, for the core: print, save files, read `file:<path>`; no forms, pages or sharing. */
export const CONSOLE_CAPABILITIES: Capabilities = { ephemeral: false, share: false, file: true, paginate: false, forms: false, fileInput: true, autocomplete: false };

/**
 * Commands with a file option take `file:<path>` in the console (the operator's own files; chat platforms
 * never read paths). The word is taken out of the line and the file handed over like an upload.
 */
export async function consoleFiles(def: Pick<CommandDef, "options"> | undefined, text: string): Promise<{ text: string; files?: Record<string, { name: string; data: string }>; error?: string }> {
  const opt = def?.options.find((o) => o.type === "file");
  if (!opt) return { text };
  const m = /(^|\s)file:("[^"]+"|\S+)/.exec(text);
  if (!m) return { text };
  const path = m[2]!.replace(/^"|"$/g, "");
  try {
    const data = (await readFile(path)).toString("base64");
    return { text: (text.slice(0, m.index) + text.slice(m.index + m[0].length)).trim(), files: { [opt.name]: { name: basename(path), data } } };
  } catch (e) {
    return { text, error: `Cannot read ${path}: ${(e as Error).message}` };
  }
}

export type ConsoleOptions = {
  desk: Desk;
  input: Readable;
  output: Writable;
  /** Who the operator acts as: a state (code or any name), "chair" or "secretariat". */
  as: string;
  lang?: Lang;
  /** Show a prompt (a person at a terminal) or not (piped input). */
  interactive: boolean;
  /** Where files attached to answers are written (default ./exports). */
  exportDir?: string;
};

/** Resolves "--as IND", "--as Israel", "--as chair" to the actor the console runs commands for. */
export async function consoleActor(repos: Repos, who: string, lang?: Lang): Promise<NonNullable<Invocation["actor"]> | undefined> {
  const w = normalise(who);
  if (w === "chair" || w === "secretariat")
    return { platform: "console", userId: w, role: w, lang, via: "console" };
  const { states } = await repos.refData();
  const s = states.find((x) => x.code.toLowerCase() === w || x.aliases.includes(w));
  if (!s) return undefined;
  return { platform: "console", userId: s.code.toLowerCase(), role: s.kind === "observer" ? "observer" : "delegate", stateCode: s.code, lang, via: "console" };
}

/** Terminal control sequences in echoed text could rewrite the operator's screen; drop them. */
const clean = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, "");

export function renderConsole(r: Reply): string {
  return clean(toPlainText(r));
}

/**
 * Reads commands one per line, exactly as typed in Slack ("/comment DRAFT/4 para 1.10 …").
 * `/as <who>` switches who is acting. Resolves when the input ends (piped stdin: after every line).
 */
export async function runConsole(opts: ConsoleOptions): Promise<{ lines: number; failed: number }> {
  const { desk, output } = opts;
  const core = inbound(desk, CONSOLE_CAPABILITIES);
  const write = (s: string) => output.write(`${s}\n`);
  let lang: Lang | undefined = opts.lang;
  let actor = await consoleActor(desk.repos, opts.as, lang);
  const t = () => translator(lang ?? "en");
  if (!actor) {
    write(`Unknown --as "${opts.as}": use a state name or ISO code (IND, ISR …), "chair" or "secretariat". Acting as the Secretariat.`);
    actor = (await consoleActor(desk.repos, "secretariat", lang))!;
  }
  const prompt = () => (opts.interactive ? output.write(`[${actor!.stateCode ?? actor!.role}]> `) : undefined);
  const rl = createInterface({ input: opts.input, terminal: false });
  let lines = 0;
  let failed = 0;
  let n = 0;
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) {
      prompt();
      continue;
    }
    lines++;
    if (!opts.interactive) write(`> ${line}`);
    const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
    if (!m) {
      write(t()("console_not_a_command"));
      prompt();
      continue;
    }
    const [, name, text] = m as unknown as [string, string, string];
    if (name === "quit" || name === "exit") break;
    if (name === "as") {
      const next = await consoleActor(desk.repos, text, lang);
      if (next) {
        actor = next;
        write(`Acting as ${next.stateCode ?? next.role}.`);
      } else write(`Unknown "${text}": use a state name or ISO code, "chair" or "secretariat".`);
      prompt();
      continue;
    }
    const withFiles = await consoleFiles(desk.command(name), text);
    if (withFiles.error) {
      write(withFiles.error);
      failed++;
      prompt();
      continue;
    }
    const out = await core.receive({ type: "command", invocation: { platform: "console", userId: actor.userId, command: name, text: withFiles.text, files: withFiles.files, actor, requestKey: `console:${process.pid}:${Date.now()}:${n++}` } });
    // The console has no forms, so the core always runs the command.
    const reply = out.type === "reply" ? out.reply : desk.reply(t()("internal_error"));
    // The console's own words follow the language the desk answered in (after /lang, from the next answer on).
    if (reply.lang && reply.status === "ok") lang = reply.lang;
    if (reply.status !== "ok" && reply.status !== "info") failed++;
    write(renderConsole(reply));
    try {
      for (const path of saveFiles(opts.exportDir ?? "exports", reply.files ?? [])) write(t()("files_saved", { path }));
    } catch (e) {
      for (const f of reply.files ?? []) write(t()("files_failed", { name: f.name, error: (e as Error).message }));
    }
    write("");
    prompt();
  }
  rl.close();
  return { lines, failed };
}
