import { z } from "zod";
import { defineCommand } from "../src/core/command.ts";
import { previewDigest } from "../src/services/digest.ts";
import { isIsoDate } from "../src/domain/dates.ts";

export default defineCommand({
  name: "digest",
  description: { en: "Preview the Chair's daily digest", ru: "Предпросмотр ежедневной сводки для Председателя" },
  usage: { en: "/digest [YYYY-MM-DD]   (without a date: the last 24 hours)", ru: "/digest [ГГГГ-ММ-ДД]   (без даты — последние 24 часа)" },
  examples: ["/digest", "/digest 2023-08-23"],
  access: ["chair", "secretariat"],
  options: [{ name: "date", type: "string", required: false, description: { en: "Day of the digest, YYYY-MM-DD", ru: "День сводки, ГГГГ-ММ-ДД" } }],
  schema: z.object({ date: z.string().trim().refine(isIsoDate, "date").optional() }),
  parseText: (text) => ({ date: text.trim() || undefined }),
  run: (ctx, input, rt) => previewDigest(ctx, input.date, rt.digestTime),
});
