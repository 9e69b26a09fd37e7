/** `npm run export`: the papers as files in any of their formats, for the console and for scripts. */
import type { Ctx } from "../services/context.ts";
import { UserError } from "../services/context.ts";
import { checkSince, compile, fileBase } from "../services/compilation.ts";
import { matrixCsv, matrixMarkdown, positionMatrix } from "../services/matrix.ts";
import { compilationCsv, compilationMarkdown } from "./compilation-text.ts";
import { DOCX_MIME } from "../services/papers.ts";
import type { ReplyFile } from "../services/reply.ts";

export const EXPORT_FORMATS = { compilation: ["docx", "md", "csv"], matrix: ["png", "csv", "md"] } as const;
export type ExportKind = keyof typeof EXPORT_FORMATS;

export async function exportPaper(ctx: Ctx, kind: ExportKind, document: string, format: string, since?: string): Promise<ReplyFile> {
  if (!(EXPORT_FORMATS[kind] as readonly string[]).includes(format)) throw new UserError("bad_input");
  if (kind === "compilation") {
    const c = await compile(ctx, document, checkSince(since));
    const name = `${fileBase(c.doc.symbol, "compilation")}.${format}`;
    if (format === "docx") return { name, mime: DOCX_MIME, data: await (await import("./compilation-docx.ts")).compilationDocx(c) };
    if (format === "md") return { name, mime: "text/markdown", data: Buffer.from(compilationMarkdown(c), "utf8") };
    return { name, mime: "text/csv", data: Buffer.from(compilationCsv(c), "utf8") };
  }
  const m = await positionMatrix(ctx, document);
  const name = `${fileBase(m.symbol, "matrix")}.${format}`;
  if (format === "png") return { name, mime: "image/png", data: (await import("./matrix-png.ts")).matrixPng(m) };
  if (format === "md") return { name, mime: "text/markdown", data: Buffer.from(matrixMarkdown(m), "utf8") };
  return { name, mime: "text/csv", data: Buffer.from(matrixCsv(m), "utf8") };
}
