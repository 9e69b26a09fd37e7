import { z } from "zod";
import { defineCommand, restOfLine, takeKeywords, tokenise, wordTable } from "../src/core/command.ts";
import { fileComment, editComment, COMMENT_MAX } from "../src/services/comments.ts";
import { COMMENT_KINDS, type CommentKind } from "../src/domain/types.ts";

const kindAliases = wordTable<CommentKind>({
  general: "general", drafting: "drafting", proposal: "drafting", "drafting-proposal": "drafting", question: "question",
  "общий": "general", "редакция": "drafting", "вопрос": "question",
});

const schema = z
  .object({
    edit: z.coerce.number().int().positive().optional(),
    document: z.string().trim().min(1).optional(),
    para: z.string().trim().min(1).optional(),
    kind: z.enum(COMMENT_KINDS as [CommentKind, ...CommentKind[]]).default("general"),
    text: z.string().trim().min(1, "text").max(COMMENT_MAX),
  })
  .refine((v) => v.edit !== undefined || v.document, { path: ["document"], message: "document" });

export default defineCommand({
  name: "comment",
  description: { en: "File a comment on a draft or one of its paragraphs", ru: "Направить комментарий к проекту документа или его пункту" },
  usage: {
    en: "/comment <document> [para <ref>] [kind general|drafting|question] <text>  ·  /comment edit <id> <new text>",
    ru: "/comment <документ> [para <пункт>] [kind general|drafting|question] <текст>  ·  /comment edit <номер> <новый текст>",
  },
  examples: ["/comment MC/2023/DRAFT/4 para 1.10 kind drafting Replace \"two\" with \"three\"", "/comment volunteerism We support the text as agreed"],
  access: ["delegate"],
  // The form opens when the comment's text is missing (not for an edit, whose number the form has no field for).
  formWhen: (f) => !f.text && f.edit === undefined,
  options: [
    { name: "document", type: "string", required: true, suggest: "document", description: { en: "Document symbol, e.g. {modalitiesDocument}", ru: "Символ документа, например {modalitiesDocument}" } },
    { name: "edit", type: "integer", required: false, description: { en: "Number of your delegation's comment to replace (keeps the earlier text)", ru: "Номер комментария вашей делегации для замены (прежний текст сохраняется)" } },
    { name: "text", type: "string", required: true, long: true, maxLength: COMMENT_MAX, description: { en: "Your comment", ru: "Ваш комментарий" } },
    { name: "para", type: "string", required: false, suggest: "paragraph", description: { en: "Paragraph, e.g. 1.10 or PP2", ru: "Пункт, например 1.10 или PP2" } },
    {
      name: "kind", type: "string", required: false, description: { en: "Kind of comment", ru: "Вид комментария" },
      choices: [
        { value: "general", label: { en: "General remark", ru: "Общее замечание" } },
        { value: "drafting", label: { en: "Drafting proposal", ru: "Редакционное предложение" } },
        { value: "question", label: { en: "Question", ru: "Вопрос" } },
      ],
    },
  ],
  schema,
  parseText(text) {
    const words = tokenise(text);
    if (words[0]?.toLowerCase() === "edit") {
      const id = words[1]?.replace(/^#/, "");
      const k = takeKeywords(words.slice(2), { kind: (v) => kindAliases.get(v.toLowerCase()) });
      return { edit: id, kind: k.found.kind, text: restOfLine(text, 2 + Object.keys(k.found).length * 2) };
    }
    const k = takeKeywords(words.slice(1), {
      para: (v) => v,
      "п.": (v) => v,
      kind: (v) => kindAliases.get(v.toLowerCase()),
    });
    return { document: words[0], para: k.found.para ?? k.found["п."], kind: k.found.kind, text: restOfLine(text, 1 + Object.keys(k.found).length * 2) };
  },
  modal: (t) => ({
    command: "comment",
    title: t("modal_comment_title"),
    submitLabel: t("modal_submit"),
    fields: [
      { id: "document", label: t("field_document"), kind: "text", required: true, hint: "MC/2023/DRAFT/4" },
      { id: "para", label: t("field_paragraph"), kind: "text", required: false, hint: "1.10" },
      { id: "kind", label: t("field_kind"), kind: "select", required: false, options: COMMENT_KINDS.map((k) => ({ value: k, label: t(`kind_${k}`) })), initial: "general" },
      { id: "text", label: t("field_text"), kind: "long_text", required: true, maxLength: COMMENT_MAX },
    ],
  }),
  run: (ctx, input) =>
    input.edit !== undefined
      ? editComment(ctx, { id: input.edit, text: input.text, kind: input.kind })
      : fileComment(ctx, { document: input.document!, para: input.para, kind: input.kind, text: input.text }),
});
