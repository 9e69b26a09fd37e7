import { z } from "zod";
import { defineCommand } from "../src/core/command.ts";
import { listDecisions } from "../src/services/decisions.ts";

export default defineCommand({
  name: "decisions",
  description: { en: "The decisions taken, with dates and sources", ru: "Принятые решения с датами и источниками" },
  usage: { en: "/decisions [year | decision symbol | offer:<state> | document]", ru: "/decisions [год | символ решения | offer:<государство> | документ]" },
  examples: ["/decisions", "/decisions 2024", "/decisions SOC/2023-II/DEC/1", "/decisions offer:IRQ"],
  access: ["delegate", "chair", "secretariat", "observer"],
  options: [{ name: "query", type: "string", required: false, suggest: "decision", description: { en: "Year, decision symbol or target", ru: "Год, символ решения или объект" } }],
  schema: z.object({ query: z.string().trim().max(120).optional() }),
  parseText: (text) => ({ query: text.trim() || undefined }),
  run: (ctx, input) => listDecisions(ctx, input.query),
});
