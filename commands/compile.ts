import { z } from "zod";
import { defineCommand, tokenise } from "../src/core/command.ts";
import { compileReply } from "../src/services/papers.ts";

export default defineCommand({
  name: "compile",
  description: { en: "Compilation of comments on a draft, as a Word file (or Markdown)", ru: "Сводка замечаний по проекту — файл Word (или Markdown)" },
  usage: { en: "/compile <document> [since YYYY-MM-DD] [docx|md]", ru: "/compile <документ> [since ГГГГ-ММ-ДД] [docx|md]" },
  examples: ["/compile DRAFT/4", "/compile MC/2023/DRAFT/5 since 2023-07-01", "/compile DRAFT/4 md"],
  access: ["delegate", "chair", "secretariat", "observer"],
  options: [
    { name: "document", type: "string", required: true, suggest: "document", description: { en: "Document symbol, e.g. {modalitiesDocument}", ru: "Символ документа, например {modalitiesDocument}" } },
    { name: "since", type: "string", required: false, maxLength: 10, description: { en: "Only comments from this date (YYYY-MM-DD)", ru: "Только замечания с этой даты (ГГГГ-ММ-ДД)" } },
    {
      name: "format", type: "string", required: false, description: { en: "File format", ru: "Формат файла" },
      choices: [{ value: "docx", label: { en: "Word (.docx)", ru: "Документ Word (.docx)" } }, { value: "md", label: { en: "Markdown (.md)", ru: "Текст Markdown (.md)" } }],
    },
  ],
  schema: z.object({ document: z.string().trim().min(1), since: z.string().trim().optional(), format: z.enum(["docx", "md"]).optional() }),
  parseText: (text) => {
    const words = tokenise(text);
    const out: Record<string, unknown> = {};
    const rest: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const lw = w.toLowerCase();
      if ((lw === "since" || lw === "с") && words[i + 1]) out.since = words[++i];
      else if (lw === "docx" || lw === "md") out.format = lw;
      else rest.push(w);
    }
    if (rest.length) out.document = rest.join(" ");
    return out;
  },
  run: (ctx, input) => compileReply(ctx, input),
});
