/**
 * Reads the forum description (section `forum:` of the data file, DATA_FILE) once at start. The composition
 * root passes it on: to the desk's settings (rules, wording, bodies) and as the default time zone.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { forumRecord } from "../data/schema.ts";
import type { Forum } from "../domain/forum.ts";

export class ForumError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForumError";
  }
}

export function parseForum(raw: unknown, where: string): Forum {
  const section = (raw as { forum?: unknown } | null)?.forum;
  if (section === undefined) throw new ForumError(`${where}: no forum: section; the data file the bot starts with describes its forum (see data/cica.yaml)`);
  const r = forumRecord.safeParse(section);
  if (!r.success) {
    const first = r.error.issues[0]!;
    throw new ForumError(`${where}: forum.${first.path.join(".")}: ${first.message}`);
  }
  return r.data;
}

const cache = new Map<string, Forum>();

/**
 * The text of the top-level `forum:` block of a data file, or undefined when there is none at column 0. The
 * bot reads only this block at start: parsing a whole data set (100 KB of YAML for the seeds, used only to seed an
 * empty database) took about 0.4 s of a 2 s cold start (issue 15). The block ends at the next top-level key.
 */
export function forumBlock(text: string): string | undefined {
  const start = /^forum:/m.exec(text);
  if (!start) return undefined;
  const rest = text.slice(start.index);
  const next = /\n(?=[A-Za-z_"'][^\n]*:)/.exec(rest.slice(1));
  return next ? rest.slice(0, next.index + 1) : rest;
}

function parseOrUndefined(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

/** The forum described by a data file; read once per file and process. */
export function loadForum(path: string): Forum {
  let f = cache.get(path);
  if (f) return f;
  let raw: unknown;
  try {
    const text = readFileSync(path, "utf8");
    const block = forumBlock(text);
    // A block that does not parse alone (an alias to an anchor elsewhere, say) falls back to the whole file.
    raw = block === undefined ? parse(text) : parseOrUndefined(block) ?? parse(text);
  } catch (e) {
    throw new ForumError(`${path}: not readable (${(e as Error).message.split("\n")[0]})`);
  }
  f = parseForum(raw, path);
  cache.set(path, f);
  return f;
}
