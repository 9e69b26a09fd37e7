import { z } from "zod";
import { defineCommand, tokenise } from "../src/core/command.ts";
import { changeDeadline } from "../src/services/dated-admin.ts";

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date");
const TIME = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time");
const KINDS: Record<string, "meeting" | "deadline" | "event"> = { meeting: "meeting", deadline: "deadline", event: "event", "заседание": "meeting", "срок": "deadline", "мероприятие": "event" };

const schema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("add"), date: DATE, time: TIME.optional(), kind: z.enum(["meeting", "deadline", "event"]), title: z.string().trim().min(3, "title").max(300) }),
  z.object({ action: z.literal("move"), id: z.string().trim().min(1, "id"), date: DATE, time: TIME.optional() }),
  z.object({ action: z.literal("cancel"), id: z.string().trim().min(1, "id") }),
]);

export default defineCommand({
  name: "deadline",
  description: { en: "Add, move or cancel a meeting, deadline or event (Secretariat)", ru: "Добавить, перенести или отменить заседание, срок или мероприятие (Секретариат)" },
  usage: {
    en: "/deadline add <YYYY-MM-DD> [HH:MM] <meeting|deadline|event> <title>  ·  /deadline move <id> <YYYY-MM-DD> [HH:MM]  ·  /deadline cancel <id>",
    ru: "/deadline add <ГГГГ-ММ-ДД> [ЧЧ:ММ] <meeting|deadline|event> <название>  ·  /deadline move <id> <ГГГГ-ММ-ДД> [ЧЧ:ММ]  ·  /deadline cancel <id>",
  },
  examples: ["/deadline add 2024-04-10 10:00 meeting SOC meeting in Astana", "/deadline move 2024-04-10-soc-meeting-in-astana 2024-04-17", "/deadline cancel 2024-04-10-soc-meeting-in-astana"],
  access: ["secretariat"],
  options: [
    { name: "action", type: "string", required: true, description: { en: "add, move or cancel", ru: "add, move или cancel" }, choices: [["add", "добавить"], ["move", "перенести"], ["cancel", "отменить"]].map(([v, ru]) => ({ value: v!, label: { en: v!, ru: ru! } })) },
    { name: "date", type: "string", required: false, description: { en: "Date, YYYY-MM-DD", ru: "Дата, ГГГГ-ММ-ДД" } },
    { name: "time", type: "string", required: false, description: { en: "Time HH:MM in the forum's zone", ru: "Время ЧЧ:ММ в часовом поясе форума" } },
    { name: "kind", type: "string", required: false, description: { en: "meeting, deadline or event", ru: "заседание, срок или мероприятие" }, choices: [["meeting", "заседание"], ["deadline", "срок"], ["event", "мероприятие"]].map(([v, ru]) => ({ value: v!, label: { en: v!, ru: ru! } })) },
    { name: "title", type: "string", required: false, maxLength: 300, description: { en: "Title", ru: "Название" } },
    { name: "id", type: "string", required: false, description: { en: "Id of the item (from /deadline add)", ru: "Идентификатор (из /deadline add)" } },
  ],
  schema,
  parseText(text) {
    const w = tokenise(text);
    const action = w[0]?.toLowerCase();
    if (action === "add") {
      const hasTime = /^\d{1,2}:\d{2}$/.test(w[2] ?? "");
      const k = hasTime ? 3 : 2;
      return { action, date: w[1], time: hasTime ? w[2]!.padStart(5, "0") : undefined, kind: KINDS[w[k]?.toLowerCase() ?? ""], title: w.slice(k + 1).join(" ") };
    }
    if (action === "move") return { action, id: w[1], date: w[2], time: w[3] };
    return { action, id: w[1] };
  },
  run: (ctx, input) => changeDeadline(ctx, input),
});
