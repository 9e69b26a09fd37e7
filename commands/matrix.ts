import { z } from "zod";
import { defineCommand } from "../src/core/command.ts";
import { matrixReply } from "../src/services/papers.ts";

export default defineCommand({
  name: "matrix",
  description: { en: "Position matrix of a draft: who holds which bracket and objection, as a picture", ru: "Матрица позиций по проекту: кто держит какие скобки и возражения — картинкой" },
  usage: { en: "/matrix <document>", ru: "/matrix <документ>" },
  examples: ["/matrix MC/2023/DRAFT/5", "/matrix DRAFT/4"],
  access: ["delegate", "chair", "secretariat", "observer"],
  options: [{ name: "document", type: "string", required: true, suggest: "document", description: { en: "Document symbol, e.g. {modalitiesDocument}", ru: "Символ документа, например {modalitiesDocument}" } }],
  schema: z.object({ document: z.string().trim().min(1) }),
  parseText: (text) => ({ document: text.trim() || undefined }),
  run: (ctx, input) => matrixReply(ctx, input.document),
});
