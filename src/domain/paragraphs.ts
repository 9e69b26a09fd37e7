/**
 * Splitting a circulated text into paragraphs the way the seeds number them (seeds/002, seeds/003):
 * operative paragraphs are numbered ("1.", "1.10", "11altern."), possibly inside a bracket
 * ("[11. Promote …] (-IRAN)"); unnumbered paragraphs before the first numbered one are preambular
 * (PP1, PP2 …); short lines without closing punctuation are headings ("Chapter 1. …", "Functions").
 * Unnumbered lines after a numbered paragraph (indents, "- …" items) belong to that paragraph.
 */
import { parseBrackets, readMarkGroup } from "./brackets.ts";

export type SplitParagraph = { ref: string; kind: "numbered" | "preambular" | "heading"; text: string };
export type SplitProblem = { kind: "duplicate_ref" | "unbalanced" | "unreadable_mark"; ref: string; detail: string };
export type SplitResult = { paragraphs: SplitParagraph[]; problems: SplitProblem[] };

const NUMBERED = /^\[?\s*(\d{1,3}(?:\.\d{1,3})*)(altern|alt)?\.?(?=\s|$)/i;
const HEADING_MAX = 90;

export function numberOf(line: string): string | undefined {
  const m = NUMBERED.exec(line);
  if (!m) return undefined;
  return m[1]! + (m[2] ? "altern" : "");
}

export function isHeading(line: string): boolean {
  if (line.length > HEADING_MAX) return false;
  if (/^(chapter|section|part|annex|глава|раздел|часть|приложение)\b/i.test(line)) return true;
  if (/^[-–—•*]/.test(line) || /[.,;:)\]]$/.test(line)) return false;
  return !/[[\]]/.test(line);
}

/** Parenthesised groups that look like marks ("(+ )", "(IND tbc)") but cannot be read as marks. */
function unreadableMarks(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\]\s*[.,;:]?\s*\(([^()]{1,40})\)/g)) {
    const inner = m[1]!.trim();
    const looks = /^[+-]/.test(inner) || /\bt[bc][bc]\b/i.test(inner);
    if (looks && !readMarkGroup(inner)) out.push(`(${inner})`);
  }
  return out;
}

export function splitParagraphs(text: string): SplitResult {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((l) => l.replace(/\s+/g, " ").trim()).filter(Boolean);
  const paragraphs: SplitParagraph[] = [];
  let pp = 0;
  let h = 0;
  for (const line of lines) {
    const num = numberOf(line);
    if (num) {
      paragraphs.push({ ref: num, kind: "numbered", text: line });
      continue;
    }
    if (isHeading(line)) {
      paragraphs.push({ ref: `H${++h}`, kind: "heading", text: line });
      continue;
    }
    const last = paragraphs[paragraphs.length - 1];
    if (last?.kind === "numbered") {
      last.text = `${last.text}\n${line}`;
      continue;
    }
    paragraphs.push({ ref: `PP${++pp}`, kind: "preambular", text: line });
  }
  const problems: SplitProblem[] = [];
  const seen = new Map<string, number>();
  for (const p of paragraphs) {
    const n = (seen.get(p.ref) ?? 0) + 1;
    seen.set(p.ref, n);
    if (n > 1) {
      problems.push({ kind: "duplicate_ref", ref: p.ref, detail: `${p.ref} (${n})` });
      p.ref = `${p.ref}-${n}`;
    }
    if (!parseBrackets(p.text).balanced) problems.push({ kind: "unbalanced", ref: p.ref, detail: p.text.slice(0, 60) });
    for (const u of unreadableMarks(p.text)) problems.push({ kind: "unreadable_mark", ref: p.ref, detail: u });
  }
  return { paragraphs, problems };
}
