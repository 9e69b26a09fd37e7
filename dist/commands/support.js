import { z } from "zod";
import { defineCommand, restOfLine, takeKeywords } from "../src/core/command.js";
import { recordPosition } from "../src/services/positions.js";
import { resolveTarget } from "../src/services/resolve.js";
import { COMMENT_MAX } from "../src/services/comments.js";
import { parseTargetWords, targetOf, targetSchema } from "./object.js";
export default defineCommand({
    name: "support",
    description: { en: "Record support for a draft, an offer or a nomination", ru: "Зарегистрировать поддержку проекта, предложения или кандидатуры" },
    usage: {
        en: "/support <document | offer:<state> | nomination:<id>> [para <ref>] [note]",
        ru: "/support <документ | offer:<государство> | nomination:<id>> [para <пункт>] [примечание]",
    },
    examples: ["/support offer:IRQ", "/support nomination:DSG"],
    access: ["delegate"],
    options: [
        { name: "target", type: "string", required: true, suggest: "target", description: { en: "Document, offer or nomination", ru: "Документ, предложение или кандидатура" } },
        { name: "para", type: "string", required: false, suggest: "paragraph", description: { en: "Paragraph of the document", ru: "Пункт документа" } },
        { name: "reason", type: "string", required: false, maxLength: COMMENT_MAX, description: { en: "Note for the record", ru: "Примечание для протокола" } },
    ],
    schema: z.object({ target: targetSchema, para: z.string().trim().min(1).optional(), reason: z.string().trim().max(COMMENT_MAX).default("") }),
    parseText(text) {
        const { target, used, words } = parseTargetWords(text);
        const k = takeKeywords(words.slice(used), { para: (v) => v });
        return { target, para: k.found.para, reason: restOfLine(text, used + Object.keys(k.found).length * 2) };
    },
    async run(ctx, input, rt) {
        const { kind, ref } = targetOf(input.target);
        const target = await resolveTarget(ctx, kind, ref, input.para);
        return recordPosition(ctx, { target, stance: "support", reason: input.reason }, rt.emit);
    },
});
//# sourceMappingURL=support.js.map