import { z } from "zod";
import { defineCommand, takeKeywords, tokenise } from "../src/core/command.ts";
import { listDrafts, listComments, showDraft } from "../src/services/drafts.ts";
import { documentChanges } from "../src/services/revisions.ts";
import { listDecisions } from "../src/services/decisions.ts";
import { isDecisionSymbol } from "../src/domain/cycle.ts";

export default defineCommand({
  name: "drafts",
  description: { en: "List documents, or show one with its paragraphs, comments and objections", ru: "Список документов или один документ с пунктами, комментариями и возражениями" },
  usage: { en: "/drafts [document] [para <ref>] [comments|changes]", ru: "/drafts [документ] [para <пункт>] [comments|changes]" },
  examples: ["/drafts", "/drafts DRAFT/4", "/drafts DRAFT/5 para 11", "/drafts DRAFT/4 comments"],
  access: ["delegate", "chair", "secretariat", "observer"],
  readOnly: true,
  options: [
    { name: "document", type: "string", required: false, suggest: "document", description: { en: "Document symbol or title words", ru: "Символ или слова из названия" } },
    { name: "para", type: "string", required: false, suggest: "paragraph", description: { en: "Paragraph to show in full", ru: "Пункт для полного показа" } },
    { name: "comments", type: "boolean", required: false, description: { en: "List the comments on it", ru: "Показать комментарии к нему" } },
    { name: "changes", type: "boolean", required: false, description: { en: "What this revision changed, paragraph by paragraph", ru: "Что изменила эта редакция, по пунктам" } },
  ],
  schema: z.object({ document: z.string().trim().min(1).optional(), para: z.string().trim().min(1).optional(), comments: z.boolean().default(false), changes: z.boolean().default(false) }),
  parseText(text) {
    const words = tokenise(text);
    const comments = words[words.length - 1]?.toLowerCase() === "comments";
    const changes = words[words.length - 1]?.toLowerCase() === "changes";
    const body = comments || changes ? words.slice(0, -1) : words;
    const k = takeKeywords(body.slice(1), { para: (v) => v, "п.": (v) => v });
    const extra = body.slice(1 + Object.keys(k.found).length * 2);
    // Title words may be several ("promoting volunteerism"); a trailing paragraph may follow without "para".
    return { document: body.length ? [body[0], ...extra].join(" ") : undefined, para: k.found.para ?? k.found["п."], comments, changes };
  },
  run: (ctx, input) => {
    // On Discord the document option carries the whole phrase ("MC/2024/DRAFT/1/Rev.1 changes").
    const typed = input.document && /^(\S+)\s+changes$/i.exec(input.document);
    if (typed) return documentChanges(ctx, typed[1]!);
    return drafts(ctx, input);
  },
});

const drafts = (ctx: Parameters<typeof listDrafts>[0], input: { document?: string; para?: string; comments: boolean; changes: boolean }) =>
    !input.document ? listDrafts(ctx) : isDecisionSymbol(input.document) ? listDecisions(ctx, input.document) : input.changes ? documentChanges(ctx, input.document) : input.comments ? listComments(ctx, input.document, input.para) : showDraft(ctx, input.document, input.para);
