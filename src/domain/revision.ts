/**
 * Revisions of a document (DOMAIN.md: `Rev.N` is a revision of the same document): symbols, and what
 * changed from one text to the next, paragraph by paragraph, with the brackets that were resolved.
 */
import { parseBrackets } from "./brackets.ts";

const REV = /^(.*)\/Rev\.(\d+)$/i;

/** "MC/2023/CHAIR/1/Rev.1" → base "MC/2023/CHAIR/1", revision 1; no suffix → revision 0. */
export function revisionOf(symbol: string): { base: string; revision: number } {
  const m = REV.exec(symbol.trim());
  return m ? { base: m[1]!, revision: Number(m[2]) } : { base: symbol.trim(), revision: 0 };
}

/** The symbol a revision follows: Rev.1 follows the original, Rev.N follows Rev.N-1. */
export function predecessorSymbol(symbol: string): string | undefined {
  const { base, revision } = revisionOf(symbol);
  if (revision === 0) return undefined;
  return revision === 1 ? base : `${base}/Rev.${revision - 1}`;
}

export const nextRevisionSymbol = (latest: string): string => {
  const { base, revision } = revisionOf(latest);
  return `${base}/Rev.${revision + 1}`;
};

export type ParaText = { ref: string; text: string };
export type ParaChange =
  | { kind: "added"; ref: string; text: string }
  | { kind: "removed"; ref: string; text: string }
  | { kind: "changed"; ref: string; before: string; after: string; resolved: string[] }
  | { kind: "unchanged"; ref: string };

const same = (a: string, b: string) => a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();

/** Bracketed passages of `before` that no longer stand in brackets in `after`. */
export function resolvedBrackets(before: string, after: string): string[] {
  const now = new Set(parseBrackets(after).brackets.map((b) => b.text.replace(/\s+/g, " ").trim()));
  return parseBrackets(before).brackets.map((b) => b.text.replace(/\s+/g, " ").trim()).filter((t) => !now.has(t));
}

/** Headings ("H1", "H2" … from src/domain/paragraphs.ts) are not paragraphs of the text: they are neither changed nor unchanged. */
export const isHeadingRef = (ref: string): boolean => /^H\d+$/.test(ref);

/**
 * Paragraph-by-paragraph comparison, in the order of the new text, removed paragraphs after. Headings are left
 * out: they carry no negotiated text, and their numbering (H1, H2 …) shifts when one is added.
 */
export function compareTexts(before: ParaText[], after: ParaText[]): ParaChange[] {
  // Only the new text's paragraphs are looked up here, never a heading's ref.
  const old = new Map(before.map((p) => [p.ref, p.text]));
  const out: ParaChange[] = [];
  for (const p of after.filter((x) => !isHeadingRef(x.ref))) {
    const was = old.get(p.ref);
    if (was === undefined) out.push({ kind: "added", ref: p.ref, text: p.text });
    else if (same(was, p.text)) out.push({ kind: "unchanged", ref: p.ref });
    else out.push({ kind: "changed", ref: p.ref, before: was, after: p.text, resolved: resolvedBrackets(was, p.text) });
  }
  const now = new Set(after.map((p) => p.ref));
  for (const p of before) if (!isHeadingRef(p.ref) && !now.has(p.ref)) out.push({ kind: "removed", ref: p.ref, text: p.text });
  return out;
}

/** How many paragraphs a revision added, removed or changed (a resolved bracket is part of its paragraph's change). */
export const changedCount = (changes: ParaChange[]): number => changes.filter((c) => c.kind !== "unchanged").length;
