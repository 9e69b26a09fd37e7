import type { z } from "zod";
import type { Ctx } from "../services/context.ts";
import type { ModalRequest, Reply } from "../services/reply.ts";
import type { Role } from "../domain/types.ts";
import type { DomainEvent } from "../services/positions.ts";
import type { Translator } from "../i18n/index.ts";

export type Bilingual = { en: string; ru: string };

/** Kinds of value the platforms can offer suggestions for (Discord autocomplete, Slack external selects). */
export type Suggest = "document" | "paragraph" | "area" | "state" | "position" | "target" | "offer" | "decision";

export type OptionSpec = {
  name: string;
  /**
   * "file": an uploaded file (Discord attachment, a Slack form's file input, console `file:<path>`), given to
   * the schema as { name, data (base64) }. "boolean": a switch (Discord boolean option; a word in typed text).
   */
  type: "string" | "integer" | "boolean" | "file";
  required: boolean;
  description: Bilingual;
  suggest?: Suggest;
  choices?: { value: string; label: Bilingual }[];
  /** Suggestions always offered first when they match what is typed (e.g. "propose", which opens the form). */
  pinnedSuggestions?: { value: string; label: Bilingual }[];
  maxLength?: number;
  /** Long free text: collected by a modal when the user gives none. */
  long?: boolean;
};

/** What a use case may need beyond Ctx: side effects the runtime performs (alerts) and runtime settings. */
export type Runtime = {
  emit: (e: DomainEvent) => void;
  digestTime: string;
  /** The registry the desk was built with (injected by the composition root), for commands about commands (/help). */
  commands: readonly CommandDef[];
  /** The one access check of the core (src/core/access.ts), so a command listing others applies the same rule. */
  mayRun: (def: CommandDef, role: Role | undefined) => boolean;
};

/**
 * The fields a command's input is made of before validation: what `parseText` makes of a typed line, or the
 * typed options of a platform that has them (Discord, a form). Declarations below read these, so that every
 * adapter decides the same way without knowing any command by name.
 */
export type Fields = Record<string, unknown>;

export type CommandDef<I = any> = {
  name: string;
  description: Bilingual;
  /** The line as typed in Slack or the console, in both languages. */
  usage: Bilingual;
  examples: string[];
  /** Roles allowed; "anyone" includes people not yet linked to a delegation. */
  access: Role[] | "anyone";
  options: OptionSpec[];
  /** Validates input from any platform: parsed text or typed options. */
  schema: z.ZodType<I>;
  /** Turns the text typed after the command into the fields `schema` validates. */
  parseText: (text: string) => Record<string, unknown>;
  /** A form for long input (Slack and Discord modals); when it opens is `formWhen`. */
  modal?: (t: Translator) => ModalRequest;
  /**
   * When the form opens instead of running the command, given the fields typed so far (which prefill it).
   * Default, with a `modal`: when a `long` option is missing and no file was attached.
   */
  formWhen?: (fields: Fields) => boolean;
  /** Values the form implies without asking (the events form is always a proposal). */
  formFixed?: Fields;
  /**
   * The answer only reads: it may be shared to the channel, re-run to turn a page, and needs no record in the
   * durable inbox before the ack. Default false (it may write). A function decides per input.
   */
  readOnly?: boolean | ((fields: Fields) => boolean);
  /** Re-running it is harmless, so its answer is paged with buttons instead of sent whole. Default: readOnly. */
  pageable?: (fields: Fields) => boolean;
  run: (ctx: Ctx, input: I, rt: Runtime) => Promise<Reply>;
};

export const defineCommand = <I>(def: CommandDef<I>): CommandDef<I> => def;

/** A table of words users type (aliases, keywords): a Map, so a word like "__proto__" is simply not in it. */
export const wordTable = <V>(o: Record<string, V>): ReadonlyMap<string, V> => new Map(Object.entries(o));

/** Splits a typed line into words, keeping "quoted phrases" together. */
export function tokenise(text: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|“([^”]*)”|«([^»]*)»|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]!);
  return out;
}

/**
 * Pulls keyword options ("para 1.10", "kind drafting", "as reservation") off the front of a word list,
 * in any order; the rest is free text. A keyword only counts when its value is valid, so free text
 * that happens to start with "as" stays text.
 */
export function takeKeywords(words: string[], keys: Record<string, (v: string) => string | undefined>): { found: Record<string, string>; rest: string[] } {
  // User words are looked up in a Map and collected in a null-prototype object: "__proto__",
  // "constructor" or "toString" typed as a word is an ordinary word, never a property of Object.
  const table = wordTable(keys);
  const found: Record<string, string> = Object.create(null) as Record<string, string>;
  let i = 0;
  while (i < words.length) {
    const w = words[i]!.toLowerCase().replace(/:$/, "");
    const check = table.get(w);
    const next = words[i + 1];
    if (!check || next === undefined) break;
    const v = check(next);
    if (v === undefined) break;
    found[w] = v;
    i += 2;
  }
  return { found, rest: words.slice(i) };
}

/** The free text after the first `used` words, with its original spacing and line breaks kept. */
export function restOfLine(text: string, used: number): string {
  let s = text.trimStart();
  for (let i = 0; i < used; i++) {
    const m = /^("[^"]*"|“[^”]*”|«[^»]*»|\S+)\s*/.exec(s);
    if (!m) return "";
    s = s.slice(m[0].length);
  }
  return s.trim();
}
