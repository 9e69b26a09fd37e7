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

/** The forum described by a data file; read once per file and process. */
export function loadForum(path: string): Forum {
  let f = cache.get(path);
  if (f) return f;
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new ForumError(`${path}: not readable (${(e as Error).message.split("\n")[0]})`);
  }
  f = parseForum(raw, path);
  cache.set(path, f);
  return f;
}
