/** Reading the repository's Markdown as GitHub renders it: files, headings and their anchors, links. */
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** Every Markdown file of the repository (README, docs/, SECURITY.md …), not node_modules or .git. */
export function markdownFiles(root = "."): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === "node_modules" || e.name === ".git") continue;
      const p = dir === "." ? e.name : join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".md")) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}

/** The lines of a Markdown text with fenced code blocks blanked out (their line numbers kept). */
export function proseLines(text: string): string[] {
  let fence: string | undefined;
  return text.split("\n").map((line) => {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = undefined;
      return "";
    }
    if (m) { fence = m[1]; return ""; }
    return line;
  });
}

/** GitHub's anchor for a heading (github-slugger): the rendered text, lower-cased, punctuation dropped, each space a hyphen. */
export function slug(heading: string): string {
  const rendered = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // links and images: their text
    .replace(/<[^>]+>/g, "") // inline HTML
    .replace(/[`*_~]/g, (c) => (c === "_" ? "_" : "")); // emphasis and code markers (underscore is kept, as GitHub does)
  return rendered.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "").replace(/ /g, "-");
}

/** Every anchor a file offers: heading slugs (duplicates numbered -1, -2 … like GitHub) and <a id|name="…">. */
export function anchors(text: string): Set<string> {
  const found = new Set<string>();
  const count = new Map<string, number>();
  for (const line of proseLines(text)) {
    const h = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (h) {
      const base = slug(h[1]!);
      let s = base;
      let n = count.get(base) ?? 0;
      while (found.has(s)) s = `${base}-${++n}`;
      count.set(base, n);
      found.add(s);
    }
    for (const a of line.matchAll(/<a\s[^>]*(?:id|name)="([^"]+)"/g)) found.add(a[1]!);
  }
  return found;
}

export type Link = { target: string; line: number };

/** Relative links and #anchors of a file: inline [text](target), images and reference definitions; code is ignored. */
export function links(text: string): Link[] {
  const out: Link[] = [];
  proseLines(text).forEach((raw, i) => {
    const line = raw.replace(/`+[^`]*`+/g, "code");
    for (const m of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ target: m[1]!, line: i + 1 });
    const def = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(line);
    if (def) out.push({ target: def[1]!, line: i + 1 });
  });
  return out.filter((l) => !/^[a-z][a-z0-9+.-]*:/i.test(l.target) && !l.target.startsWith("//"));
}
