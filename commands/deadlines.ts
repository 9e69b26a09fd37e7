import { z } from "zod";
import { defineCommand } from "../src/core/command.ts";
import { listDeadlines, DEFAULT_DEADLINE_DAYS } from "../src/services/deadlines.ts";
import { calendarFile, subscribe, unsubscribe } from "../src/services/calendar.ts";

export default defineCommand({
  name: "deadlines",
  description: { en: "Upcoming deadlines, meetings and events, with days left", ru: "Ближайшие сроки, заседания и мероприятия, с числом оставшихся дней" },
  usage: { en: `/deadlines [days|all|ics|subscribe|unsubscribe]   (default ${DEFAULT_DEADLINE_DAYS} days)`, ru: `/deadlines [дней|all|ics|subscribe|unsubscribe]   (по умолчанию ${DEFAULT_DEADLINE_DAYS} дней)` },
  examples: ["/deadlines", "/deadlines 14", "/deadlines all", "/deadlines ics", "/deadlines subscribe"],
  access: ["delegate", "chair", "secretariat", "observer"],
  // Subscribing makes a personal feed URL (a secret): never shared, and a write.
  readOnly: (f) => f.days !== "subscribe" && f.days !== "unsubscribe",
  options: [{ name: "days", type: "string", required: false, description: { en: "Days ahead, “all”, “ics” (calendar file), “subscribe” / “unsubscribe” (feed URL)", ru: "Дней вперёд, «all», «ics» (файл календаря), «subscribe» / «unsubscribe» (ссылка-подписка)" } }],
  schema: z.object({ days: z.union([z.enum(["all", "ics", "subscribe", "unsubscribe"]), z.coerce.number().int().min(1).max(3660)]).default(DEFAULT_DEADLINE_DAYS) }),
  parseText: (text) => {
    const v = text.trim().toLowerCase();
    return { days: v === "" ? undefined : v === "все" ? "all" : v };
  },
  run: (ctx, input) =>
    input.days === "ics" ? calendarFile(ctx) : input.days === "subscribe" ? subscribe(ctx) : input.days === "unsubscribe" ? unsubscribe(ctx) : listDeadlines(ctx, input.days),
});
