import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { setLanguage } from "../src/services/admin.js";
export default defineCommand({
    name: "lang",
    description: { en: "Choose your language: English or Russian", ru: "Выбрать язык: английский или русский" },
    usage: { en: "/lang en|ru", ru: "/lang en|ru" },
    examples: ["/lang ru", "/lang en"],
    access: "anyone",
    options: [{
            name: "lang", type: "string", required: true, description: { en: "en or ru", ru: "en или ru" },
            choices: [{ value: "en", label: { en: "English", ru: "Английский" } }, { value: "ru", label: { en: "Russian", ru: "Русский" } }],
        }],
    schema: z.object({ lang: z.enum(["en", "ru"]) }),
    parseText: (text) => {
        const v = text.trim().toLowerCase();
        return { lang: v === "русский" || v === "рус" ? "ru" : v === "english" ? "en" : v || undefined };
    },
    run: (ctx, input) => setLanguage(ctx, input.lang),
});
//# sourceMappingURL=lang.js.map