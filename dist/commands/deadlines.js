import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { listDeadlines, DEFAULT_DEADLINE_DAYS } from "../src/services/deadlines.js";
export default defineCommand({
    name: "deadlines",
    description: { en: "Upcoming deadlines, meetings and events, with days left", ru: "Ближайшие сроки, заседания и мероприятия, с числом оставшихся дней" },
    usage: { en: `/deadlines [days|all]   (default ${DEFAULT_DEADLINE_DAYS} days)`, ru: `/deadlines [дней|all]   (по умолчанию ${DEFAULT_DEADLINE_DAYS} дней)` },
    examples: ["/deadlines", "/deadlines 14", "/deadlines all"],
    access: ["delegate", "chair", "secretariat", "observer"],
    options: [{ name: "days", type: "string", required: false, description: { en: "Number of days ahead, or “all”", ru: "Число дней вперёд или «all»" } }],
    schema: z.object({ days: z.union([z.literal("all"), z.coerce.number().int().min(1).max(3660)]).default(DEFAULT_DEADLINE_DAYS) }),
    parseText: (text) => {
        const v = text.trim().toLowerCase();
        return { days: v === "" ? undefined : v === "все" ? "all" : v };
    },
    run: (ctx, input) => listDeadlines(ctx, input.days),
});
//# sourceMappingURL=deadlines.js.map