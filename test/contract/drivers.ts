/**
 * The contract's three drivers, over any forum's data set (`opts`: another forum's DATA_FILE and its "today";
 * none = CICA). test/console.contract.test.ts, test/slack/contract.test.ts, test/discord/contract.test.ts and
 * the second forum's files all use these, so the platforms are driven the same way on every forum.
 */
import type { ContractDriver } from "./contract.ts";
import { testApp, type TestAppOptions } from "../helpers/app.ts";
import { renderConsole } from "../../src/adapters/console/index.ts";
import { slackWorld, textOf } from "../slack/harness.ts";
import { isPingSafe } from "../../src/adapters/slack/escape.ts";
import { harness, visible } from "../discord/harness.ts";
import type { Recorded } from "../fakes/discord.ts";

/** The console has no pings and no channels: replies are private by nature; the desk decides the rest. */
export async function consoleDriver(opts: TestAppOptions = {}): Promise<ContractDriver> {
  const app = await testApp(opts);
  return {
    name: "console",
    link: async (userId, who) => {
      await app.as("secretariat", `/link user console:${userId} ${who}`);
    },
    send: async (userId, line) => {
      const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line)!;
      const r = await app.desk.run({ platform: "console", userId, command: m[1]!, text: m[2]!, requestKey: `${userId}-${Math.random()}` });
      return { text: renderConsole(r), ephemeral: r.ephemeral, pingSafe: true };
    },
    count: (table) => (table === "comment" ? app.db.prisma.comment.count() : app.db.prisma.position.count()),
    close: () => app.close(),
  };
}

/** Each command is a signed request through Bolt; the answer is what the fake Slack received. */
export async function slackDriver(opts: TestAppOptions = {}): Promise<ContractDriver> {
  const w = await slackWorld({ app: opts });
  return {
    name: "slack",
    link: (userId, who) => w.link(userId, who),
    async send(userId, line) {
      const { ack, responseId, triggerId } = await w.command(userId, line);
      if (ack.status !== 200) throw new Error(`ack ${ack.status}`);
      // Either a form opened (a command given without its text) or an answer came to response_url.
      const got = await w.fake.waitFor(() => w.fake.responsesTo(responseId)[0]?.body ?? w.fake.callsOf("views.open").find((c) => c.args.trigger_id === triggerId)?.args.view);
      if (got.type === "modal") return { text: textOf(got.blocks), ephemeral: true, pingSafe: isPingSafe(got) };
      return { text: textOf(got), ephemeral: got.response_type === "ephemeral", pingSafe: isPingSafe(got) };
    },
    count: (table) => (table === "comment" ? w.app.db.prisma.comment.count() : w.app.db.prisma.position.count()),
    close: () => w.close(),
  };
}

/** Every payload that carries a message says "ping nobody". */
export function pingSafe(responses: Recorded[]): boolean {
  const messages = responses.map((r) => (r.path.endsWith("/callback") ? (r.body.type === 4 || r.body.type === 7 ? r.body.data : undefined) : r.body)).filter(Boolean);
  return messages.length > 0 && messages.every((m) => Array.isArray(m.allowed_mentions?.parse) && m.allowed_mentions.parse.length === 0);
}

/**
 * Types a line the way a Discord user fills a slash command: the command's own parser splits it into
 * the registered options; long text missing means Discord shows the form, which the user submits.
 */
export async function discordDriver(opts: TestAppOptions = {}): Promise<ContractDriver> {
  const h = await harness({ app: opts });
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
        r = await h.submit(r.responses[0]!.body.data, {}, { userId });
        responses.push(...r.responses);
      }
      return { text: visible(r.body), ephemeral: r.ephemeral, pingSafe: pingSafe(responses) };
    },
    count: (table) => (table === "comment" ? h.app.db.prisma.comment.count() : h.app.db.prisma.position.count()),
    close: () => h.close(),
  };
}
