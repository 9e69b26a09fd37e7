import { z } from "zod";
import { defineCommand } from "../src/core/command.ts";
import { reply } from "../src/services/reply.ts";

export default defineCommand({
  name: "help",
  description: { en: "What Delegate Desk can do, and how to type it", ru: "Что умеет Delegate Desk и как вводить команды" },
  usage: { en: "/help [command]", ru: "/help [команда]" },
  examples: ["/help", "/help object"],
  access: "anyone",
  readOnly: true,
  options: [{ name: "command", type: "string", required: false, description: { en: "A command name", ru: "Название команды" } }],
  schema: z.object({ command: z.string().trim().optional() }),
  parseText: (text) => ({ command: text.trim().replace(/^\//, "") || undefined }),
  async run(ctx, input, rt) {
    const { commands } = rt;
    const lang = ctx.lang;
    // The same check the desk applies before running a command (a guest is listed what an observer may run, as before).
    const allowed = (c: (typeof commands)[number]) => rt.mayRun(c, ctx.actor.role);
    if (input.command) {
      const c = commands.find((x) => x.name === input.command!.toLowerCase());
      if (!c) return reply(ctx.t("help_unknown", { name: input.command }), [{ type: "list", items: commands.map((x) => `/${x.name}`) }], { status: "error" });
      return reply(`/${c.name} — ${c.description[lang]}`, [
        { type: "text", text: c.usage[lang] },
        // Examples name real (often restricted) documents and offers: only for those who may run the command.
        ...(allowed(c) ? [{ type: "list" as const, items: c.examples }] : []),
        { type: "context", text: c.access === "anyone" ? ctx.t("help_anyone") : ctx.t("help_who", { roles: c.access.map((r) => ctx.t(`role_${r}`)).join(", ") }) },
      ]);
    }
    const mine = commands.filter(allowed);
    return reply(ctx.t("help_title"), [
      { type: "list", items: mine.map((c) => `${c.usage[lang].split("  ·  ")[0]} — ${c.description[lang]}`) },
      { type: "context", text: ctx.t("help_footer") },
    ]);
  },
});
