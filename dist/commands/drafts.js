import { z } from "zod";
import { defineCommand, takeKeywords, tokenise } from "../src/core/command.js";
import { listDrafts, listComments, showDraft } from "../src/services/drafts.js";
export default defineCommand({
    name: "drafts",
    description: { en: "List documents, or show one with its paragraphs, comments and objections", ru: "Список документов или один документ с пунктами, комментариями и возражениями" },
    usage: { en: "/drafts [document] [para <ref>] [comments]", ru: "/drafts [документ] [para <пункт>] [comments]" },
    examples: ["/drafts", "/drafts DRAFT/4", "/drafts DRAFT/5 para 11", "/drafts DRAFT/4 comments"],
    access: ["delegate", "chair", "secretariat", "observer"],
    options: [
        { name: "document", type: "string", required: false, suggest: "document", description: { en: "Document symbol or title words", ru: "Символ или слова из названия" } },
        { name: "para", type: "string", required: false, suggest: "paragraph", description: { en: "Paragraph to show in full", ru: "Пункт для полного показа" } },
    ],
    schema: z.object({ document: z.string().trim().min(1).optional(), para: z.string().trim().min(1).optional(), comments: z.boolean().default(false) }),
    parseText(text) {
        const words = tokenise(text);
        const comments = words[words.length - 1]?.toLowerCase() === "comments";
        const body = comments ? words.slice(0, -1) : words;
        const k = takeKeywords(body.slice(1), { para: (v) => v, "п.": (v) => v });
        const extra = body.slice(1 + Object.keys(k.found).length * 2);
        // Title words may be several ("promoting volunteerism"); a trailing paragraph may follow without "para".
        return { document: body.length ? [body[0], ...extra].join(" ") : undefined, para: k.found.para ?? k.found["п."], comments };
    },
    run: (ctx, input) => !input.document ? listDrafts(ctx) : input.comments ? listComments(ctx, input.document, input.para) : showDraft(ctx, input.document, input.para),
});
//# sourceMappingURL=drafts.js.map