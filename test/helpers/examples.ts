/**
 * The examples of the guides, read from their Markdown so that each one can be run on the seed data.
 *
 * A console example (what a user types in Slack or the console, and the answer):
 *
 *     ```console
 *     $ NOW=2023-08-23T09:00:00+05:00 npm start -- --as India          (optionally: --lang ru)
 *     > /comment MC/2023/DRAFT/4 para 1.10 Three years
 *     Comment #1 filed for India on MC/2023/DRAFT/4 para 1.10 (general remark).
 *     …
 *     ```
 *
 * The first line is the console command that replays it (the date and who acts). Each `> /…` line is one
 * command (`/as <who>` switches, as in the console); the lines under it are its answer, exactly as the console
 * prints it. Blank lines are ignored; a line holding only `…` stands for any number of lines left out, and
 * `…` inside a line for any text (an id that changes from run to run, the rest of a long line).
 *
 * A Discord example is the same command typed with Discord's options; it belongs to the console example
 * above it in the same file, and must give the answer of that example's LAST command:
 *
 *     ```discord
 *     /comment document:MC/2023/DRAFT/4 para:1.10 text:Three years
 *     ```
 */
import { readFileSync } from "node:fs";
import { commandByName } from "../../commands/index.ts";

export type Step = { line: string; at: number; expected: string[] };
export type ConsoleExample = { kind: "console"; file: string; at: number; now: string; as: string; lang?: "en" | "ru"; steps: Step[] };
export type DiscordExample = { kind: "discord"; file: string; at: number; line: string; of: ConsoleExample };
export type Example = ConsoleExample | DiscordExample;

const HEAD = /^\$ NOW=(\S+) npm start -- --as (\S+)(?: --lang (en|ru))?$/;

export function examplesIn(file: string, text = readFileSync(file, "utf8")): Example[] {
  const out: Example[] = [];
  const lines = text.split("\n");
  let last: ConsoleExample | undefined;
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(console|discord)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const at = i + 1;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== "```"; i++) body.push(lines[i]!);
    if (open[1] === "console") {
      const head = HEAD.exec(body[0] ?? "");
      if (!head) throw new Error(`${file}:${at + 1}: a console example starts with "$ NOW=<ISO date-time> npm start -- --as <who>"`);
      const steps: Step[] = [];
      body.slice(1).forEach((l, k) => {
        if (l.startsWith("> /")) steps.push({ line: l.slice(2).trim(), at: at + 2 + k, expected: [] });
        else if (!steps.length) { if (l.trim()) throw new Error(`${file}:${at + 2 + k}: answer text before the first "> /command" line`); }
        else steps[steps.length - 1]!.expected.push(l);
      });
      if (!steps.length) throw new Error(`${file}:${at}: a console example has no "> /command" line`);
      last = { kind: "console", file, at, now: head[1]!, as: head[2]!, lang: head[3] as "en" | "ru" | undefined, steps };
      out.push(last);
    } else {
      const cmd = body.filter((l) => l.trim());
      if (cmd.length !== 1) throw new Error(`${file}:${at}: a discord example holds exactly one command line`);
      if (!last) throw new Error(`${file}:${at}: a discord example follows the console example it repeats`);
      out.push({ kind: "discord", file, at, line: cmd[0]!.trim(), of: last });
    }
  }
  return out;
}

/** "/object target:DRAFT/4 stance:Reservation reason:…" → the command and the options Discord would send. */
export function discordOptions(line: string): { command: string; options: Record<string, unknown> } {
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
  const def = m && commandByName.get(m[1]!);
  if (!m || !def) throw new Error(`not a command: ${line}`);
  const names = def.options.map((o) => o.name);
  const rest = m[2]!;
  const starts = [...rest.matchAll(new RegExp(`(?:^|\\s)(${names.join("|")}):`, "g"))];
  if (rest.trim() && (!starts.length || rest.slice(0, starts[0]!.index).trim()))
    throw new Error(`/${def.name} has no such option in "${rest.slice(0, starts[0]?.index).trim() || rest}" (options: ${names.join(", ")})`);
  const options: Record<string, unknown> = {};
  starts.forEach((s, k) => {
    const name = s[1]!;
    const spec = def.options.find((o) => o.name === name)!;
    let value: unknown = rest.slice(s.index! + s[0].length, starts[k + 1]?.index ?? rest.length).trim();
    if (spec.choices) {
      const c = spec.choices.find((x) => [x.value, x.label.en, x.label.ru].some((v) => v.toLowerCase() === String(value).toLowerCase()));
      if (!c) throw new Error(`/${def.name} ${name}: "${value}" is not one of Discord's choices (${spec.choices.map((x) => x.label.en).join(", ")})`);
      value = c.value;
    }
    const stray = /\s([a-z_]+):\S/.exec(String(value));
    if (stray && !spec.choices) throw new Error(`/${def.name} has no such option "${stray[1]}:" (options: ${names.join(", ")})`);
    if (spec.type === "integer") value = Number(value);
    if (spec.type === "boolean") value = /^(true|yes|да)$/i.test(String(value));
    options[name] = value;
  });
  for (const o of def.options) if (o.required && !(o.name in options)) throw new Error(`/${def.name}: Discord requires the option ${o.name}`);
  return { command: def.name, options };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A shown line is the actual line, where "…" inside it stands for any text (an id that changes, a long tail). */
const sameLine = (shown: string, actual: string) =>
  shown === actual || (shown.includes("…") && new RegExp(`^${shown.split("…").map(escape).join(".*")}$`).test(actual));

const meaningful = (lines: string[]) => lines.map((l) => l.trimEnd()).filter((l) => l.trim() !== "");

/** Whether the actual answer is the one shown: the same lines, where a line "…" stands for any lines left out. */
export function sameAnswer(expected: string[], actual: string[]): boolean {
  const e = meaningful(expected);
  const a = meaningful(actual);
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    if (memo.has(key)) return memo.get(key)!;
    let r: boolean;
    if (i === e.length) r = j === a.length;
    else if (e[i]!.trim() === "…") r = go(i + 1, j) || (j < a.length && go(i, j + 1));
    else r = j < a.length && sameLine(e[i]!, a[j]!) && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}
