/** The text of a circulated file: .txt and .md as UTF-8, .docx through mammoth (its raw text, one line per paragraph). */
import { UserError } from "./context.ts";

export type FileInput = { name: string; data: string /* base64 */ };
export const FILE_MAX_BYTES = 5 * 1024 * 1024;

export async function textOfFile(f: FileInput): Promise<string> {
  const buf = Buffer.from(f.data, "base64");
  if (buf.length > FILE_MAX_BYTES) throw new UserError("cy_file_too_big", { name: f.name, mb: FILE_MAX_BYTES / 1024 / 1024 });
  const ext = /\.([a-z0-9]+)$/i.exec(f.name)?.[1]?.toLowerCase();
  if (ext === "txt" || ext === "md") return buf.toString("utf8").replace(/^\uFEFF/, "");
  if (ext === "docx") {
    try {
      // mammoth is loaded on the first .docx received, not at start (issue 15: cold start, idle memory).
      const { default: mammoth } = await import("mammoth");
      const { value } = await mammoth.extractRawText({ buffer: buf });
      return value;
    } catch {
      throw new UserError("cy_file_unreadable", { name: f.name });
    }
  }
  throw new UserError("cy_file_kind", { name: f.name });
}
