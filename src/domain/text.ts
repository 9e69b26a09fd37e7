/** Normalises a name for lookup: lower case, no diacritics (Türkiye → turkiye), single spaces. */
// The same names (states, areas, aliases) are normalised on every lookup; remembering them is cheap.
const normalised = new Map<string, string>();

export function normalise(s: string): string {
  const hit = normalised.get(s);
  if (hit !== undefined) return hit;
  if (normalised.size > 10_000) normalised.clear();
  const out = normaliseUncached(s);
  normalised.set(s, out);
  return out;
}

function normaliseUncached(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[“”"'’‘«»]/g, "")
    .replace(/[\s_]+/g, " ")
    .trim();
}

/** The edit distance of two strings (equal or empty ones need no shortcut: the table gives 0 and the length). */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * How well `query` names `candidate` (0 = not at all, higher is better). Exact beats prefix beats
 * word-contains beats a near miss, so "terror" finds "Combating terrorism" and "Bangldesh" finds Bangladesh.
 */
export function matchScore(query: string, candidate: string): number {
  const q = normalise(query);
  const c = normalise(candidate);
  if (!q || !c) return 0;
  if (q === c) return 100;
  if (c.startsWith(q)) return 80;
  const words = c.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.some((w) => w === q)) return 75;
  if (words.some((w) => w.startsWith(q)) && q.length >= 3) return 60;
  if (q.length >= 3 && c.includes(q)) return 50;
  const qWords = q.split(" ");
  if (qWords.length > 1 && qWords.every((qw) => words.some((w) => w.startsWith(qw)))) return 55;
  const allowed = q.length <= 4 ? 1 : q.length <= 8 ? 2 : 3;
  // The edit distance is at least the difference in length: skip candidates that cannot be near misses
  // (lookups score every area and state name per keystroke; this keeps them in the low milliseconds).
  const near = (w: string) => (Math.abs(w.length - q.length) <= allowed ? levenshtein(q, w) : Number.POSITIVE_INFINITY);
  const d = Math.min(near(c), ...words.map(near));
  return d <= allowed ? 30 - d * 5 : 0;
}

/** Shortens text for a list line without cutting a word in half. */
export function shorten(s: string, max: number): string {
  // Most texts are single lines with single spaces: one test instead of a regex copy (a digest shortens thousands).
  const flat = /\s\s|[^\S ]/.test(s) ? s.replace(/\s+/g, " ").trim() : s.length && (s[0] === " " || s[s.length - 1] === " ") ? s.trim() : s;
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space >= max * 0.5 ? cut.slice(0, space) : cut}…`;
}

/**
 * Cuts text into pieces of at most `max` characters, at the first of `breaks` found in a piece's second
 * half (else hard at `max`). Only the break character cut at is dropped, so nothing of the text is lost.
 */
export function cutText(text: string, max: number, breaks: readonly string[] = [" "]): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const at = breaks.map((b) => rest.lastIndexOf(b, max)).find((i) => i >= max / 2);
    out.push(rest.slice(0, at ?? max));
    rest = rest.slice(at === undefined ? max : at + 1);
  }
  if (rest || !out.length) out.push(rest);
  return out;
}
