/**
 * /compile and /matrix: the circulated papers as files attached to the answer. The writers of .docx (docx) and
 * .png (resvg) are loaded on the first such command, not at start: most processes never make a file, and
 * loading them at start cost cold start and idle memory (issue 15).
 */
import type { Ctx } from "./context.ts";
import { reply, type Reply } from "./reply.ts";
import { checkSince, compile, fileBase } from "./compilation.ts";
import { cellText, positionMatrix } from "./matrix.ts";
import { compilationMarkdown } from "../papers/compilation-text.ts";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function compileReply(ctx: Ctx, input: { document: string; since?: string; format?: "docx" | "md" }): Promise<Reply> {
  const c = await compile(ctx, input.document, checkSince(input.since));
  const entries = c.paragraphs.reduce((n, p) => n + p.entries.length, 0) + c.general.length;
  const format = input.format ?? "docx";
  const name = `${fileBase(c.doc.symbol, ctx.lang === "ru" ? "compilation-ru" : "compilation")}.${format}`;
  const file = format === "docx"
    ? { name, mime: DOCX_MIME, data: await (await import("../papers/compilation-docx.ts")).compilationDocx(c) }
    : { name, mime: "text/markdown", data: Buffer.from(compilationMarkdown(c), "utf8") };
  return reply(ctx.t("cp_ready", { document: c.doc.symbol, n: entries, states: c.commented.length }), [
    { type: "context", text: ctx.t("cp_ready_hint", { commented: c.commented.length, silent: c.silent.length }) },
  ], { files: [{ ...file, title: `${c.l.title}: ${c.doc.symbol}` }] });
}

export async function matrixReply(ctx: Ctx, document: string): Promise<Reply> {
  const m = await positionMatrix(ctx, document);
  if (!m.rows.length) return reply(m.labels.empty, [], { status: "info" });
  const { matrixPng } = await import("../papers/matrix-png.ts");
  const lines = m.rows.map((r) => `${r.ref}: ${m.columns.filter((c) => r.cells[c]?.length).map((c) => `${c} ${cellText(r.cells[c])}`).join(", ")}`);
  return reply(m.labels.title, [
    { type: "list", items: lines },
    { type: "context", text: m.legend.map((l) => `${l.symbol} ${l.label}`).join(" · ") },
  ], { files: [{ name: `${fileBase(m.symbol, "matrix")}.png`, mime: "image/png", data: matrixPng(m), title: m.labels.title }] });
}
