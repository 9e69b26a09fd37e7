/** The compilation as Markdown (for reading in the console or a wiki) and as CSV (one row per comment or position). */
import type { CompiledEntry, Compilation } from "../services/compilation.ts";

/** Markdown punctuation in user text is escaped, so a comment cannot become a link, heading or emphasis. */
export const mdEscape = (s: string) => s.replace(/([\\`*_{}[\]()<>#|!~])/g, "\\$1").replace(/@/g, "@\u200b");

const mdEntry = (c: Compilation, e: CompiledEntry) => {
  const meta = [e.kind, e.dateText, ...(e.late ? [c.l.late] : [])].join(", ");
  const text = e.text ? `: ${mdEscape(e.text).replace(/\r?\n/g, " ")}` : "";
  return `- **${mdEscape(e.state)}** (${mdEscape(meta)})${text}`;
};

export function compilationMarkdown(c: Compilation): string {
  const out = [
    `# ${c.l.title}`, "", `**${mdEscape(c.doc.title)}**`, "",
    `- ${c.l.symbol}: ${mdEscape(c.doc.symbol)}`, `- ${c.l.revision}: ${c.doc.revision}`, `- ${c.l.date}: ${c.doc.date ?? c.l.none}`, `- ${c.l.due}: ${c.doc.due ?? c.l.none}`,
  ];
  if (c.l.since) out.push("", `_${c.l.since}_`);
  for (const p of c.paragraphs) {
    out.push("", `## ${c.l.paragraph} ${mdEscape(p.ref)}`, "", ...p.text.split(/\r?\n/).map((l) => `> ${mdEscape(l)}`), "");
    out.push(...(p.entries.length ? p.entries.map((e) => mdEntry(c, e)) : [`_${c.l.noComments}_`]));
  }
  out.push("", `## ${c.l.general}`, "", ...(c.general.length ? c.general.map((e) => mdEntry(c, e)) : [`_${c.l.noComments}_`]));
  out.push("", `## ${c.l.closing}`, "", `| ${c.l.commented} | ${c.l.silent} |`, "| --- | --- |");
  const height = Math.max(c.commented.length, c.silent.length, 1);
  for (let i = 0; i < height; i++) out.push(`| ${c.commented[i]?.name ?? (i === 0 ? c.l.none : "")} | ${c.silent[i]?.name ?? (i === 0 ? c.l.none : "")} |`);
  return `${out.join("\n")}\n`;
}

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a comment as a formula. */
export const csvField = (v: string) => {
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const CSV_COLUMNS = ["document", "paragraph", "state_code", "state", "type", "kind", "date", "late", "text"] as const;

export function compilationCsv(c: Compilation): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  const row = (para: string, e: CompiledEntry) => [c.doc.symbol, para, e.stateCode, e.state, e.source, e.kind, e.date, e.late ? "yes" : "", e.text];
  for (const p of c.paragraphs) for (const e of p.entries) rows.push(row(p.ref, e));
  for (const e of c.general) rows.push(row("", e));
  return `${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}
