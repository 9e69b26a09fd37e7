import { z } from "zod";
import { defineCommand, tokenise } from "../src/core/command.ts";
import { startSilence } from "../src/services/admin.ts";
import { listSilence } from "../src/services/silence.ts";
import { UserError } from "../src/services/context.ts";

export default defineCommand({
  name: "silence",
  description: { en: "Silence procedures: list them; the Secretariat starts one on a document or an offer", ru: "Процедуры умолчания: список; Секретариат объявляет процедуру по документу или предложению" },
  usage: { en: "/silence  ·  /silence start <document | offer:<state>> [last day YYYY-MM-DD]", ru: "/silence  ·  /silence start <документ | offer:<государство>> [последний день ГГГГ-ММ-ДД]" },
  examples: ["/silence", "/silence start DRAFT/5 2023-09-05"],
  access: ["delegate", "chair", "secretariat"],
  readOnly: (f) => !f.target,
  options: [
    { name: "target", type: "string", required: false, suggest: "target", description: { en: "Document or offer:<state> (to start one)", ru: "Документ или offer:<государство> (чтобы объявить)" } },
    { name: "expires", type: "string", required: false, description: { en: "Last day of silence, YYYY-MM-DD (default: the forum's usual length)", ru: "Последний день, ГГГГ-ММ-ДД (по умолчанию — обычный срок форума)" } },
  ],
  schema: z.object({ target: z.string().trim().min(1).optional(), expires: z.string().trim().optional() }),
  parseText(text) {
    const w = tokenise(text);
    if (w[0]?.toLowerCase() !== "start") return w.length ? { target: w.join(" "), expires: undefined } : {};
    const rest = w.slice(1);
    // The last word is the last day when it is one (a date or a mistyped one); otherwise the forum's length applies.
    const expires = rest.length > 1 && /^\d/.test(rest[rest.length - 1]!) ? rest[rest.length - 1] : undefined;
    return { target: rest.slice(0, expires ? -1 : undefined).join(" ") || undefined, expires };
  },
  run(ctx, input) {
    if (!input.target) return listSilence(ctx);
    if (ctx.actor.role !== "secretariat") throw new UserError("refused", { who: ctx.t("role_secretariat") });
    return startSilence(ctx, input.target, input.expires);
  },
});
