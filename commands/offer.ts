import { z } from "zod";
import { defineCommand, restOfLine, tokenise } from "../src/core/command.ts";
import { fileOffer, withdrawOffer } from "../src/services/offers.ts";
import { COMMENT_MAX } from "../src/services/comments.ts";

const ROLES: Record<string, "coordinator" | "co_coordinator"> = {
  coordinator: "coordinator", "co-coordinator": "co_coordinator", co_coordinator: "co_coordinator", cocoordinator: "co_coordinator",
  "координатор": "coordinator", "координатора": "coordinator", "сокоординатор": "co_coordinator", "сокоординатора": "co_coordinator",
};

const schema = z.union([
  z.object({ withdraw: z.string().trim().min(1) }),
  z.object({
    area: z.string().trim().min(1, "area"),
    role: z.enum(["coordinator", "co_coordinator"]),
    tenure: z.string().trim().regex(/^\d{4}\s*[-–]\s*\d{4}$/, "tenure").optional(),
    note: z.string().trim().max(COMMENT_MAX).default(""),
  }),
]);

export default defineCommand({
  name: "offer",
  description: { en: "Offer your delegation as Coordinator or Co-coordinator of a priority area, or withdraw it", ru: "Предложить делегацию координатором или сокоординатором области или отозвать предложение" },
  usage: {
    en: "/offer <area> as coordinator|co-coordinator [for YYYY-YYYY] [note]  ·  /offer withdraw <offer>",
    ru: "/offer <область> as coordinator|co-coordinator [for ГГГГ-ГГГГ] [примечание]  ·  /offer withdraw <предложение>",
  },
  examples: ["/offer tourism as co-coordinator for 2025-2027 We will host an expert meeting", "/offer withdraw irq-tourism"],
  access: ["delegate"],
  options: [
    { name: "area", type: "string", required: false, suggest: "area", description: { en: "Priority area", ru: "Приоритетная область" } },
    {
      name: "role", type: "string", required: false, description: { en: "Coordinator or Co-coordinator", ru: "Координатор или сокоординатор" },
      choices: [{ value: "coordinator", label: { en: "Coordinator", ru: "Координатор" } }, { value: "co_coordinator", label: { en: "Co-coordinator", ru: "Сокоординатор" } }],
    },
    { name: "tenure", type: "string", required: false, description: { en: "Proposed tenure, e.g. 2025-2027", ru: "Предлагаемый срок, например 2025-2027" } },
    { name: "note", type: "string", required: false, maxLength: COMMENT_MAX, description: { en: "Note for the record", ru: "Примечание" } },
    { name: "withdraw", type: "string", required: false, suggest: "offer", description: { en: "Offer to withdraw", ru: "Отзываемое предложение" } },
  ],
  schema,
  parseText(text) {
    const words = tokenise(text);
    if (words[0]?.toLowerCase() === "withdraw" || words[0]?.toLowerCase() === "отозвать") return { withdraw: words.slice(1).join(" ").replace(/^offer:/i, "") || undefined };
    const as = words.findIndex((w, i) => w.toLowerCase() === "as" && ROLES[words[i + 1]?.toLowerCase() ?? ""]);
    if (as < 0) return { area: words.join(" ") || undefined };
    let used = as + 2;
    let tenure: string | undefined;
    if (words[used]?.toLowerCase() === "for" && words[used + 1]) {
      tenure = words[used + 1];
      used += 2;
    }
    return { area: words.slice(0, as).join(" "), role: ROLES[words[as + 1]!.toLowerCase()], tenure, note: restOfLine(text, used) };
  },
  run: (ctx, input) => ("withdraw" in input ? withdrawOffer(ctx, input.withdraw) : fileOffer(ctx, input)),
});
