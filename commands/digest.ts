import { z } from "zod";
import { defineCommand, tokenise } from "../src/core/command.ts";
import { previewDigest } from "../src/services/digest.ts";
import { isIsoDate } from "../src/domain/dates.ts";
import { parseDestination } from "../src/digest/destinations.ts";
import { addDigestDestination, digestStatus, removeDigestDestination } from "../src/digest/status.ts";

const ACTIONS = ["preview", "status", "to", "remove"] as const;

export default defineCommand({
  name: "digest",
  description: { en: "The Chair's daily digest: preview it, see deliveries, choose where it goes", ru: "Ежедневная сводка для Председателя: предпросмотр, доставка, адресаты" },
  usage: {
    en: "/digest [YYYY-MM-DD]  ·  /digest status  ·  /digest to <slack:C… | discord:… | console:…> [en|ru]  ·  /digest remove <destination>",
    ru: "/digest [ГГГГ-ММ-ДД]  ·  /digest status  ·  /digest to <slack:C… | discord:… | console:…> [en|ru]  ·  /digest remove <адресат>",
  },
  examples: ["/digest", "/digest 2023-08-23", "/digest status", "/digest to slack:C0123CHAIR ru", "/digest remove slack:C0123CHAIR"],
  access: ["chair", "secretariat"],
  readOnly: (f) => f.action !== "to" && f.action !== "remove",
  options: [
    {
      name: "action", type: "string", required: false, description: { en: "What to do (default: preview)", ru: "Что сделать (по умолчанию: предпросмотр)" },
      choices: [
        { value: "preview", label: { en: "Preview", ru: "Предпросмотр" } },
        { value: "status", label: { en: "Status of deliveries", ru: "Состояние доставки" } },
        { value: "to", label: { en: "Send to a destination (Secretariat)", ru: "Добавить адресата (Секретариат)" } },
        { value: "remove", label: { en: "Stop sending to a destination (Secretariat)", ru: "Убрать адресата (Секретариат)" } },
      ],
    },
    { name: "date", type: "string", required: false, description: { en: "Day of the digest, YYYY-MM-DD (preview)", ru: "День сводки, ГГГГ-ММ-ДД (предпросмотр)" } },
    { name: "destination", type: "string", required: false, description: { en: "slack:<channel>, discord:<channel> or console:<name>", ru: "slack:<канал>, discord:<канал> или console:<имя>" } },
    {
      name: "lang", type: "string", required: false, description: { en: "Language of this destination", ru: "Язык для этого адресата" },
      choices: [{ value: "en", label: { en: "English", ru: "Английский" } }, { value: "ru", label: { en: "Russian", ru: "Русский" } }],
    },
  ],
  schema: z
    .object({
      action: z.enum(ACTIONS).optional(),
      date: z.string().trim().refine(isIsoDate, "date").optional(),
      destination: z.string().trim().refine((s) => !!parseDestination(s), "destination").optional(),
      lang: z.enum(["en", "ru"]).optional(),
    })
    .refine((v) => (v.action !== "to" && v.action !== "remove") || !!v.destination, { path: ["destination"], message: "destination" }),
  parseText(text) {
    const w = tokenise(text);
    const first = w[0]?.toLowerCase();
    if (first === "status") return { action: "status" };
    if (first === "to" || first === "remove") return { action: first, destination: w[1], lang: w[2]?.toLowerCase() };
    return { date: text.trim() || undefined };
  },
  run(ctx, input, rt) {
    switch (input.action) {
      case "status": return digestStatus(ctx, rt.digestTime);
      case "to": return addDigestDestination(ctx, input.destination!, input.lang);
      case "remove": return removeDigestDestination(ctx, input.destination!);
      default: return previewDigest(ctx, input.date, rt.digestTime);
    }
  },
});
