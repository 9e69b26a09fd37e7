/**
 * Bracketed negotiating text (seeds/002): `[text] (+IRAN)`, nested `[cultural [and religious] (-CHN)] (+IND)`,
 * `(CHN tcb)` = to come back. A paragraph is agreed when no brackets remain.
 */
export type Mark = { party: string; kind: "proposes" | "opposes" | "to_come_back" };
export type Bracket = { text: string; depth: number; marks: Mark[] };
export type BracketAnalysis = { agreed: boolean; brackets: Bracket[]; balanced: boolean; parties: string[] };

const MARK_GROUP = /^\s*\(([^()]{2,80})\)/;
const NAME = "[A-Za-z]{2,12}";
const TCB = new RegExp(`^((?:${NAME}\\s*,\\s*)*${NAME})\\s+tcb$`, "i");
const SIGNED = new RegExp(`^([+-])\\s*(${NAME})$`);

/**
 * One parenthesised group of marks: "(+IRAN)", "(+Iran)", "(-IND, -IRAN)", "(CHN tcb)", "(IND, CHN tcb)".
 * Parties are upper-cased as the seeds write them; a group that is not all marks is ordinary text.
 */
export function readMarkGroup(inner: string): Mark[] | undefined {
  const s = inner.trim();
  const tcb = TCB.exec(s);
  if (tcb) return tcb[1]!.split(/\s*,\s*/).map((p) => ({ party: p.toUpperCase(), kind: "to_come_back" as const }));
  const items = s.split(/\s*,\s*/);
  const marks: Mark[] = [];
  for (const it of items) {
    const m = SIGNED.exec(it);
    if (!m) return undefined;
    marks.push({ party: m[2]!.toUpperCase(), kind: m[1] === "+" ? "proposes" : "opposes" });
  }
  return marks;
}

export function parseBrackets(text: string): BracketAnalysis {
  const brackets: Bracket[] = [];
  const stack: number[] = [];
  let balanced = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "[") stack.push(i);
    else if (ch === "]") {
      const start = stack.pop();
      if (start === undefined) {
        balanced = false;
        continue;
      }
      const marks: Mark[] = [];
      // Marks may follow after a closing punctuation mark: "[…]. (-IND)".
      let rest = text.slice(i + 1).replace(/^[.,;:]/, "");
      for (let m = MARK_GROUP.exec(rest); m; m = MARK_GROUP.exec(rest)) {
        const group = readMarkGroup(m[1]!);
        if (!group) break;
        marks.push(...group);
        rest = rest.slice(m[0].length);
      }
      brackets.push({ text: text.slice(start + 1, i), depth: stack.length, marks });
    }
  }
  if (stack.length) balanced = false;
  const parties = [...new Set(brackets.flatMap((b) => b.marks.map((m) => m.party)))];
  // "(X tcb)" after unbracketed text still means the text is not agreed (with brackets it is not agreed anyway).
  const loneTcb = new RegExp(`\\((?:${NAME}\\s*,\\s*)*${NAME}\\s+tcb\\)`, "i").test(text);
  return { agreed: brackets.length === 0 && !loneTcb, brackets: brackets.sort((a, b) => a.depth - b.depth), balanced, parties };
}
