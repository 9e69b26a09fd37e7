import { z } from "zod";
import { defineCommand, restOfLine, takeKeywords, tokenise, wordTable } from "../src/core/command.ts";
import { recordPosition } from "../src/services/positions.ts";
import { resolveTarget, splitTarget } from "../src/services/resolve.ts";
import { COMMENT_MAX } from "../src/services/comments.ts";

const stanceAliases = wordTable<"objection" | "reservation" | "needs_more_time">({
  objection: "objection", object: "objection", reservation: "reservation", reserve: "reservation",
  "more-time": "needs_more_time", "needs-more-time": "needs_more_time", "needs_more_time": "needs_more_time", time: "needs_more_time",
  "возражение": "objection", "оговорка": "reservation", "время": "needs_more_time",
});

export const targetSchema = z.string().trim().min(1, "target");

const schema = z.object({
  target: targetSchema,
  para: z.string().trim().min(1).optional(),
  stance: z.enum(["objection", "reservation", "needs_more_time"]).default("objection"),
  reason: z.string().trim().max(COMMENT_MAX).default(""),
});

/** "offer IRQ …", "offer:IRQ …", "nomination DSG …", or a document; returns the target and the words it used. */
export function parseTargetWords(text: string) {
  const words = tokenise(text);
  const t = splitTarget(words);
  if (!t) return { target: undefined, used: 0, words };
  return { target: t.kind === "document" ? t.ref : `${t.kind}:${t.ref}`, used: t.used, words };
}

export function targetOf(raw: string): { kind: "document" | "offer" | "nomination" | "silence"; ref: string } {
  const t = splitTarget(tokenise(raw));
  return t ? { kind: t.kind, ref: t.ref } : { kind: "document", ref: raw };
}

export default defineCommand({
  name: "object",
  description: { en: "Record an objection, a reservation or “needs more time”", ru: "Зарегистрировать возражение, оговорку или «требуется время»" },
  usage: {
    en: "/object <document | offer:<state> | nomination:<id> | silence:<id>> [para <ref>] [as objection|reservation|more-time] <reason>",
    ru: "/object <документ | offer:<государство> | nomination:<id> | silence:<id>> [para <пункт>] [as objection|reservation|more-time] <причина>",
  },
  examples: ["/object MC/2023/DRAFT/4 as reservation We reserve our position on the entire document", "/object offer:IRQ as more-time We need additional time to consider"],
  // The form opens when no target was typed, or no reason (the form prefills what was typed).
  formWhen: (f) => !f.target || !f.reason,
  access: ["delegate"],
  options: [
    { name: "target", type: "string", required: true, suggest: "target", description: { en: "Document, offer, nomination or silence procedure", ru: "Документ, предложение, кандидатура или процедура умолчания" } },
    { name: "reason", type: "string", required: false, long: true, maxLength: COMMENT_MAX, description: { en: "Reason, as it should appear in the record", ru: "Причина для протокола" } },
    { name: "para", type: "string", required: false, suggest: "paragraph", description: { en: "Paragraph of the document", ru: "Пункт документа" } },
    {
      name: "stance", type: "string", required: false, description: { en: "Objection, reservation or needs more time", ru: "Возражение, оговорка или требуется время" },
      choices: [
        { value: "objection", label: { en: "Objection", ru: "Возражение" } },
        { value: "reservation", label: { en: "Reservation", ru: "Оговорка" } },
        { value: "needs_more_time", label: { en: "Needs more time", ru: "Требуется дополнительное время" } },
      ],
    },
  ],
  schema,
  parseText(text) {
    const { target, used, words } = parseTargetWords(text);
    const k = takeKeywords(words.slice(used), { para: (v) => v, as: (v) => stanceAliases.get(v.toLowerCase()) });
    return { target, para: k.found.para, stance: k.found.as, reason: restOfLine(text, used + Object.keys(k.found).length * 2) };
  },
  modal: (t) => ({
    command: "object",
    title: t("modal_object_title"),
    submitLabel: t("modal_submit"),
    fields: [
      { id: "target", label: t("field_target"), kind: "text", required: true, hint: "MC/2023/DRAFT/4 · offer:IRQ · nomination:dsg-2023" },
      { id: "para", label: t("field_paragraph"), kind: "text", required: false, hint: "1.10" },
      {
        id: "stance", label: t("field_stance"), kind: "select", required: false, initial: "objection",
        options: (["objection", "reservation", "needs_more_time"] as const).map((s) => ({ value: s, label: t(`stance_${s}`) })),
      },
      { id: "reason", label: t("field_reason"), kind: "long_text", required: false, maxLength: COMMENT_MAX },
    ],
  }),
  async run(ctx, input, rt) {
    const { kind, ref } = targetOf(input.target);
    const target = await resolveTarget(ctx, kind, ref, input.para);
    return recordPosition(ctx, { target, stance: input.stance, reason: input.reason }, rt.emit);
  },
});
