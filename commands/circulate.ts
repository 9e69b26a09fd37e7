import { z } from "zod";
import { defineCommand, takeKeywords, tokenise } from "../src/core/command.ts";
import { confirmCirculation, previewCirculation } from "../src/services/circulate.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const fileSchema = z.object({ name: z.string().min(1), data: z.string() });

const schema = z.union([
  z.object({ confirm: z.string().trim().regex(/^[0-9a-f]{8}$/i, "confirm") }),
  z.object({
    symbol: z.string().trim().min(3).max(80).regex(/^[A-Za-z0-9/.\-]+$/, "symbol").optional(),
    rev_of: z.string().trim().min(3).optional(),
    due: z.string().regex(DATE, "due").optional(),
    restricted: z.union([z.boolean(), z.enum(["yes", "no"]).transform((v) => v === "yes")]).default(false),
    title: z.string().trim().max(300).optional(),
    text: z.string().max(200_000).optional(),
    file: fileSchema.optional(),
  }).refine((v) => v.symbol || v.rev_of, { path: ["symbol"], message: "symbol" }),
]);

export default defineCommand({
  name: "circulate",
  description: { en: "Circulate a document or a revision (file or pasted text); preview, then confirm", ru: "Распространить документ или его редакцию (файл или текст); просмотр, затем подтверждение" },
  usage: {
    en: "/circulate <symbol | rev of <symbol>> [due YYYY-MM-DD] [restricted] [title <text>] + file (.txt .md .docx) or text on the next lines  ·  /circulate confirm <code>",
    ru: "/circulate <символ | rev of <символ>> [due ГГГГ-ММ-ДД] [restricted] [title <текст>] + файл (.txt .md .docx) или текст со следующей строки  ·  /circulate confirm <код>",
  },
  examples: ["/circulate MC/2024/DRAFT/1 due 2024-03-15 title Draft decision on tourism file:draft.docx", "/circulate rev of MC/2024/DRAFT/1 file:rev1.docx", "/circulate confirm 1a2b3c4d"],
  access: ["secretariat"],
  // Without text or a file the form opens (a long text field and a file input), prefilled with the symbol, due date and title.
  formWhen: (f) => !f.confirm && !f.text && !f.file,
  options: [
    { name: "symbol", type: "string", required: false, description: { en: "Document symbol, e.g. {modalitiesDocument} or …/Rev.1", ru: "Символ документа, например {modalitiesDocument} или …/Rev.1" } },
    { name: "file", type: "file", required: false, description: { en: "The text as .txt, .md or .docx", ru: "Текст в формате .txt, .md или .docx" } },
    { name: "rev_of", type: "string", required: false, suggest: "document", description: { en: "Circulate the next revision of this document", ru: "Следующая редакция этого документа" } },
    { name: "due", type: "string", required: false, description: { en: "Comments due, YYYY-MM-DD", ru: "Срок комментариев, ГГГГ-ММ-ДД" } },
    { name: "restricted", type: "string", required: false, description: { en: "Restricted from observers", ru: "Закрыт для наблюдателей" }, choices: [{ value: "yes", label: { en: "Yes", ru: "Да" } }, { value: "no", label: { en: "No", ru: "Нет" } }] },
    { name: "title", type: "string", required: false, maxLength: 300, description: { en: "Title", ru: "Название" } },
    { name: "text", type: "string", required: false, long: true, maxLength: 4000, description: { en: "The text, if no file is attached", ru: "Текст, если файл не приложен" } },
    { name: "confirm", type: "string", required: false, description: { en: "Code of a preview to circulate", ru: "Код просмотра для распространения" } },
  ],
  schema,
  parseText(text) {
    const [first = "", ...more] = text.split("\n");
    const words = tokenise(first);
    if (words[0]?.toLowerCase() === "confirm") return { confirm: words[1] };
    let i = 0;
    let symbol: string | undefined;
    let revOf: string | undefined;
    if (words[0]?.toLowerCase() === "rev" && words[1]?.toLowerCase() === "of") {
      revOf = words[2];
      i = 3;
    } else {
      symbol = words[0];
      i = 1;
    }
    let restricted = false;
    let title: string | undefined;
    let due: string | undefined;
    while (i < words.length) {
      const w = words[i]!.toLowerCase();
      if (w === "restricted") { restricted = true; i++; continue; }
      const k = takeKeywords(words.slice(i, i + 2), { due: (v) => (DATE.test(v) ? v : undefined) });
      if (k.found.due) { due = k.found.due; i += 2; continue; }
      if (w === "title") { title = words.slice(i + 1).filter((x) => !/^file:/i.test(x)).join(" "); break; }
      i++;
    }
    const body = more.join("\n");
    return { symbol, rev_of: revOf, due, restricted, title, text: body.trim() ? body : undefined };
  },
  modal: (t) => ({
    command: "circulate",
    title: t("cy_modal_circulate"),
    submitLabel: t("cy_btn_preview"),
    fields: [
      { id: "symbol", label: t("field_document"), kind: "text", required: true, hint: "MC/2024/DRAFT/1" },
      { id: "due", label: t("field_comments_due"), kind: "text", required: false, hint: "2024-03-15" },
      { id: "title", label: t("cy_field_title"), kind: "text", required: false },
      { id: "file", label: t("cy_field_file"), kind: "file", required: false, accept: ["txt", "md", "docx"] },
      { id: "text", label: t("field_text"), kind: "long_text", required: false, maxLength: 4000 },
    ],
  }),
  run: (ctx, input, rt) =>
    "confirm" in input ? confirmCirculation(ctx, input.confirm, rt.emit) : previewCirculation(ctx, { ...input, revOf: input.rev_of }),
});
