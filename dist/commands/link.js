import { z } from "zod";
import { defineCommand, tokenise } from "../src/core/command.js";
import { linkChannel, linkRole, linkUser } from "../src/services/admin.js";
export default defineCommand({
    name: "link",
    description: { en: "Secretariat: link a user, channel or guild role to a delegation or role", ru: "Секретариат: привязать пользователя, канал или роль к делегации или роли" },
    usage: {
        en: "/link user <slack|discord|console>:<user id> <state|chair|secretariat>  ·  /link channel <platform>:<channel id> <state>  ·  /link role discord:<role id> <state>",
        ru: "/link user <slack|discord|console>:<id пользователя> <государство|chair|secretariat>  ·  /link channel <платформа>:<id канала> <государство>  ·  /link role discord:<id роли> <государство>",
    },
    examples: ["/link user slack:U024BE7LH India", "/link channel discord:1100220033 ISR", "/link user console:chair chair"],
    access: ["secretariat"],
    options: [
        {
            name: "what", type: "string", required: true, description: { en: "user, channel or role", ru: "user, channel или role" },
            choices: [
                { value: "user", label: { en: "User", ru: "Пользователь" } },
                { value: "channel", label: { en: "Channel", ru: "Канал" } },
                { value: "role", label: { en: "Guild role", ru: "Роль сервера" } },
            ],
        },
        { name: "ref", type: "string", required: true, description: { en: "platform:id, e.g. slack:U024BE7LH", ru: "платформа:id, например slack:U024BE7LH" } },
        { name: "who", type: "string", required: true, suggest: "state", description: { en: "State, chair or secretariat", ru: "Государство, chair или secretariat" } },
    ],
    schema: z.object({ what: z.enum(["user", "channel", "role"]), ref: z.string().trim().min(3, "ref"), who: z.string().trim().min(2, "who") }),
    parseText(text) {
        const [what, ref, ...who] = tokenise(text);
        return { what: what?.toLowerCase(), ref, who: who.join(" ") || undefined };
    },
    run: (ctx, input) => input.what === "user" ? linkUser(ctx, input.ref, input.who) : input.what === "channel" ? linkChannel(ctx, input.ref, input.who) : linkRole(ctx, input.ref, input.who),
});
//# sourceMappingURL=link.js.map