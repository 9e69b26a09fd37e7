/**
 * The position matrix the Chair reads before a meeting: rows are paragraphs that carry a bracket mark,
 * a comment or a position; columns are the parties; a cell holds every mark that party has there.
 * Bracket marks come from the paragraph text (seeds/002 notation, src/domain/brackets.ts); positions and
 * comments from the database. Party codes in the text ("IRAN", "AZER") resolve to ISO codes by alias.
 */
import type { Ctx } from "./context.ts";
import { documentRecord } from "./compilation.ts";
import { parseBrackets } from "../domain/brackets.ts";
import { normalise } from "../domain/text.ts";

/** Cell symbols, in the order they are shown: + proposes, − opposes, tcb to come back, R reservation, O objection, C commented. */
export const MATRIX_SYMBOLS = ["+", "−", "tcb", "R", "O", "C"] as const;
export type MatrixSymbol = (typeof MATRIX_SYMBOLS)[number];

export type MatrixRow = { ref: string; cells: Record<string, MatrixSymbol[]> };
export type Matrix = {
  symbol: string;
  title: string;
  /** Column codes (ISO 3166 alpha-3, or the mark as written when it names no state, e.g. SEC). */
  columns: string[];
  names: Record<string, string>;
  rows: MatrixRow[];
  legend: { symbol: MatrixSymbol; label: string }[];
  labels: { paragraph: string; title: string; general: string; empty: string };
};

/** Which symbol a stored position shows as: support counts as a proposal, "needs more time" as to come back. */
const STANCE: Record<string, MatrixSymbol> = { support: "+", objection: "O", reservation: "R", needs_more_time: "tcb" };
const MARK: Record<string, MatrixSymbol> = { proposes: "+", opposes: "−", to_come_back: "tcb" };

export async function positionMatrix(ctx: Ctx, query: string): Promise<Matrix> {
  const { doc, paras, comments, positions, n } = await documentRecord(ctx, query);
  const now = ctx.clock();
  const codeOf = (party: string) => {
    const q = normalise(party);
    return n.ref.states.find((s) => s.code.toLowerCase() === q || s.aliases.includes(q))?.code ?? party;
  };
  const general = ctx.t("mx_general");
  const cells = new Map<string, Map<string, Set<MatrixSymbol>>>();
  const mark = (ref: string, party: string, s: MatrixSymbol) => {
    const row = cells.get(ref) ?? new Map<string, Set<MatrixSymbol>>();
    cells.set(ref, row);
    row.set(party, (row.get(party) ?? new Set()).add(s));
  };
  for (const p of paras) for (const b of parseBrackets(p.text).brackets) for (const m of b.marks) mark(p.ref, codeOf(m.party), MARK[m.kind]!);
  const refById = new Map(paras.map((p) => [p.id, p.ref]));
  for (const c of comments) if (c.createdAt <= now) mark((c.paragraphId && refById.get(c.paragraphId)) || general, c.stateCode, "C");
  for (const p of positions) if (p.createdAt <= now && STANCE[p.stance]) mark(p.targetType === "paragraph" && p.paragraphRef ? p.paragraphRef : general, p.stateCode, STANCE[p.stance]!);

  const order = [...paras.map((p) => p.ref), general];
  const rows: MatrixRow[] = order.filter((r) => cells.has(r)).map((ref) => ({
    ref,
    cells: Object.fromEntries([...cells.get(ref)!].map(([party, s]) => [party, MATRIX_SYMBOLS.filter((x) => s.has(x))])),
  }));
  // Columns in the order parties first appear down the document, so neighbouring marks stay neighbours.
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.cells)))];
  const names = Object.fromEntries(columns.map((c) => [c, n.stateRow(c) ? n.state(c) : c === "SEC" ? ctx.t("mx_secretariat") : c]));
  const t = ctx.t;
  return {
    symbol: doc.symbol,
    title: n.docTitle(doc),
    columns,
    names,
    rows,
    legend: [
      { symbol: "+", label: t("mx_proposes") }, { symbol: "−", label: t("mx_opposes") }, { symbol: "tcb", label: t("mx_tcb") },
      { symbol: "R", label: t("stance_reservation") }, { symbol: "O", label: t("stance_objection") }, { symbol: "C", label: t("mx_commented") },
    ],
    labels: { paragraph: t("mx_paragraph"), title: t("mx_title", { document: doc.symbol }), general, empty: t("mx_empty", { document: doc.symbol }) },
  };
}

/** A cell as text: "+", "+ −", "tcb"; empty when the party has nothing there. */
export const cellText = (s: MatrixSymbol[] | undefined) => (s ?? []).join(" ");

export function matrixCsv(m: Matrix): string {
  const q = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [[m.labels.paragraph, ...m.columns].map(q).join(","), ...m.rows.map((r) => [r.ref, ...m.columns.map((c) => cellText(r.cells[c]))].map(q).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}

export function matrixMarkdown(m: Matrix): string {
  const esc = (s: string) => s.replace(/([\\|[\]*_`<>])/g, "\\$1");
  const out = [`# ${esc(m.labels.title)}`, "", esc(m.title), "", `| ${m.labels.paragraph} | ${m.columns.join(" | ")} |`, `| --- |${m.columns.map(() => " :-: |").join("")}`];
  for (const r of m.rows) out.push(`| ${esc(r.ref)} | ${m.columns.map((c) => cellText(r.cells[c])).join(" | ")} |`);
  out.push("", m.legend.map((l) => `${l.symbol} ${l.label}`).join(" · "), "", m.columns.map((c) => `${c} ${esc(m.names[c] ?? c)}`).join(" · "));
  return `${out.join("\n")}\n`;
}
