import { describe } from "vitest";
import { adapterContract, type ContractDriver } from "../contract/contract.ts";
import { harness, visible } from "./harness.ts";
import type { Recorded } from "../fakes/discord.ts";

/** Every payload that carries a message says "ping nobody". */
export function pingSafe(responses: Recorded[]): boolean {
  const messages = responses.map((r) => (r.path.endsWith("/callback") ? (r.body.type === 4 || r.body.type === 7 ? r.body.data : undefined) : r.body)).filter(Boolean);
  return messages.length > 0 && messages.every((m) => Array.isArray(m.allowed_mentions?.parse) && m.allowed_mentions.parse.length === 0);
}

/**
 * Types a line the way a Discord user fills a slash command: the command's own parser splits it into
 * the registered options; long text missing means Discord shows the form, which the user submits.
 */
async function discordDriver(): Promise<ContractDriver> {
  const h = await harness();
  return {
    name: "discord",
    link: (userId, who) => h.link(userId, who),
    async send(userId, line) {
      const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line)!;
      const def = h.app.desk.command(m[1]!)!;
      const parsed = def.parseText(m[2]!);
      const options: Record<string, string | number | boolean> = {};
      for (const spec of def.options) {
        const v = parsed[spec.name];
        if (v === undefined || v === null || v === "" || v === false) continue;
        options[spec.name] = spec.type === "integer" ? Number(v) : spec.type === "boolean" ? v === true : String(v);
      }
      let r = await h.command(def.name, options, { userId });
      const responses = [...r.responses];
      if (r.kind === "modal") {
        const modal = r.responses[0]!.body.data;
        r = await h.submit(modal, {}, { userId });
        responses.push(...r.responses);
      }
      return { text: visible(r.body), ephemeral: r.ephemeral, pingSafe: pingSafe(responses) };
    },
    count: (table) => (table === "comment" ? h.app.db.prisma.comment.count() : h.app.db.prisma.position.count()),
    close: () => h.close(),
  };
}

describe("discord adapter (real discord.js against the fake Discord)", () => {
  adapterContract(discordDriver);
});
