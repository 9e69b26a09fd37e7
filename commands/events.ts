import { z } from "zod";
import { defineCommand, tokenise } from "../src/core/command.ts";
import { listEvents, parseProposalText, proposeEvent } from "../src/services/events.ts";

const isPropose = (v: unknown) => typeof v === "string" && /^(propose|предложить)$/i.test(v.trim());

const proposal = z.object({
  title: z.string().trim().min(3, "title").max(300),
  concept: z.string().trim().min(1, "concept").max(3000),
  purpose: z.string().trim().min(1, "purpose").max(3000),
  organisers: z.string().trim().min(2, "organisers").max(300),
  area: z.string().trim().max(200).optional(),
  dates: z.string().trim().max(40).optional(),
  format: z.enum(["online", "offline", "hybrid"]).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

const schema = z.union([
  z.object({ propose: z.literal(true) }).and(proposal),
  z.object({ propose: z.literal(false).default(false), year: z.coerce.number().int().min(2000).max(2100).optional(), filter: z.string().trim().optional() }),
]);

export default defineCommand({
  name: "events",
  description: { en: "The annual Plan of {planEvents}; propose an event with the template fields", ru: "Ежегодный план мероприятий по {measure}; предложить мероприятие по единому шаблону" },
  usage: {
    en: "/events [year] [dimension, area or organiser]  ·  /events propose title: …; concept: …; purpose: …; organisers: IND, RUS; area: …; dates: 2024-05-10..2024-05-11; format: online",
    ru: "/events [год] [измерение, область или организатор]  ·  /events propose title: …; concept: …; purpose: …; organisers: IND, RUS; area: …; dates: 2024-05-10..2024-05-11; format: online",
  },
  examples: ["/events 2022", "/events 2022 Thailand", "/events environmental", "/events propose title: Seminar on ICT security; concept: Exchange of practices; purpose: Build confidence; organisers: RUS; area: ICT; dates: 2024-04-10..2024-04-11; format: online"],
  access: ["delegate", "chair", "secretariat", "observer"],
  readOnly: (f) => f.propose !== true && !isPropose(f.filter),
  // "/events propose" alone (or the Discord filter choice "propose") opens the template form.
  formWhen: (f) => isPropose(f.filter) || (f.propose === true && !["title", "concept", "purpose", "organisers"].some((k) => f[k])),
  formFixed: { propose: true },
  options: [
    { name: "year", type: "integer", required: false, description: { en: "Year of the Plan", ru: "Год плана" } },
    {
      name: "filter", type: "string", required: false, suggest: "area",
      pinnedSuggestions: [{ value: "propose", label: { en: "➕ Propose a {measure} event (opens the form)", ru: "➕ Предложить мероприятие по {measure} (откроется форма)" } }], description: { en: "Dimension, priority area or organiser", ru: "Измерение, приоритетная область или организатор" },
    },
  ],
  schema,
  parseText(text) {
    const words = tokenise(text);
    if (words[0]?.toLowerCase() === "propose" || words[0]?.toLowerCase() === "предложить") {
      return { propose: true, ...parseProposalText(text.trim().replace(/^\S+\s*/, "")) };
    }
    const year = /^\d{4}$/.test(words[0] ?? "") ? words[0] : undefined;
    const filter = (year ? words.slice(1) : words).join(" ");
    return { propose: false, year, filter: filter || undefined };
  },
  modal: (t) => ({
    command: "events",
    title: t("modal_event_title"),
    submitLabel: t("modal_submit"),
    fields: [
      { id: "title", label: t("ef_title"), kind: "text", required: true, maxLength: 300 },
      { id: "concept", label: t("ef_concept"), kind: "long_text", required: true, maxLength: 3000 },
      { id: "purpose", label: t("ef_purpose"), kind: "long_text", required: true, maxLength: 3000 },
      { id: "organisers", label: t("ef_organisers"), kind: "text", required: true, hint: "IND, RUS" },
      { id: "area", label: t("ef_area"), kind: "text", required: false, hint: "ICT" },
      { id: "dates", label: t("ef_dates"), kind: "text", required: false, hint: "2024-05-10..2024-05-11" },
      {
        id: "format", label: t("ef_format"), kind: "select", required: false,
        options: (["online", "offline", "hybrid"] as const).map((f) => ({ value: f, label: t(`fmt_${f}`) })),
      },
    ],
  }),
  async run(ctx, input) {
    if (input.propose === true) {
      const { propose: _p, ...p } = input;
      return proposeEvent(ctx, p);
    }
    return listEvents(ctx, input.year, input.filter);
  },
});
