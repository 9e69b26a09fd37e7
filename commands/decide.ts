import { z } from "zod";
import { defineCommand, restOfLine, takeKeywords } from "../src/core/command.ts";
import { decide } from "../src/services/decide.ts";
import { parseTargetWords } from "./object.ts";
import { COMMENT_MAX } from "../src/services/comments.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const OUTCOME_WORDS = ["approved", "declined", "deferred", "adopted", "noted", "rejected", "appointed", "extended", "terminated"];

const OUTCOME_RU: Record<string, string> = {
  approved: "одобрено", declined: "отклонено", deferred: "отложено", adopted: "принят", noted: "принят к сведению", rejected: "отклонён",
  appointed: "назначен", extended: "продлено", terminated: "досрочно прекращено",
};

const schema = z.object({
  target: z.string().trim().min(1, "target"),
  outcome: z.string().trim().toLowerCase().refine((v) => OUTCOME_WORDS.includes(v), "outcome"),
  decision: z.string().trim().max(80).optional(),
  on: z.string().regex(DATE, "on").optional(),
  until: z.string().regex(DATE, "until").optional(),
  override: z.string().trim().min(3, "override").max(COMMENT_MAX).optional(),
  note: z.string().trim().max(COMMENT_MAX).default(""),
});

export default defineCommand({
  name: "decide",
  description: { en: "Record a decision on an offer, document, nomination or appointment", ru: "Зарегистрировать решение по предложению, документу, кандидатуре или назначению" },
  usage: {
    en: "/decide <target> <outcome> [decision <symbol>] [on YYYY-MM-DD] [until YYYY-MM-DD] [note | override <reason>]",
    ru: "/decide <объект> <итог> [decision <символ>] [on ГГГГ-ММ-ДД] [until ГГГГ-ММ-ДД] [примечание | override <причина>]",
  },
  examples: ["/decide offer:IRQ approved decision SOC/2024-I/DEC/2", "/decide MC/2023/DRAFT/5 adopted", "/decide offer:ISR declined", "/decide appointment:appt-irq-tourism extended until 2028-12-31 decision SOC/2026-I/DEC/1"],
  access: ["secretariat"],
  options: [
    { name: "target", type: "string", required: true, suggest: "target", description: { en: "offer:<state>, nomination:<id>, appointment:<id> or a document", ru: "offer:<государство>, nomination:<id>, appointment:<id> или документ" } },
    {
      name: "outcome", type: "string", required: true, description: { en: "What was decided", ru: "Что решено" },
      choices: OUTCOME_WORDS.map((o) => ({ value: o, label: { en: o, ru: OUTCOME_RU[o]! } })),
    },
    { name: "decision", type: "string", required: false, suggest: "decision", description: { en: "The decision's symbol, as on the decision document", ru: "Символ решения, как в документе о решении" } },
    { name: "on", type: "string", required: false, description: { en: "Date of the decision, YYYY-MM-DD (default today)", ru: "Дата решения, ГГГГ-ММ-ДД (по умолчанию сегодня)" } },
    { name: "until", type: "string", required: false, description: { en: "New end of term (extension, early termination)", ru: "Новый конец срока (продление, досрочное прекращение)" } },
    { name: "override", type: "string", required: false, maxLength: COMMENT_MAX, description: { en: "Record despite standing objections: the reason", ru: "Зарегистрировать несмотря на возражения: причина" } },
    { name: "note", type: "string", required: false, maxLength: COMMENT_MAX, description: { en: "Note for the record", ru: "Примечание" } },
  ],
  schema,
  parseText(text) {
    const { target, used, words } = parseTargetWords(text);
    const outcome = words[used];
    const k = takeKeywords(words.slice(used + 1), { decision: (v) => v, on: (v) => (DATE.test(v) ? v : undefined), until: (v) => (DATE.test(v) ? v : undefined) });
    const after = used + 1 + Object.keys(k.found).length * 2;
    const rest = words[after]?.toLowerCase() === "override" ? { override: restOfLine(text, after + 1) || undefined } : { note: restOfLine(text, after) };
    return { target, outcome, ...k.found, ...rest };
  },
  run: (ctx, input) => decide(ctx, input),
});
