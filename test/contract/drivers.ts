/**
 * Contract drivers over any forum's data set: the same three ways in as test/console.contract.test.ts,
 * test/slack/contract.test.ts and test/discord/contract.test.ts, with the test app built from `opts`
 * (another forum's DATA_FILE and its "today").
 */
import type { ContractDriver } from "./contract.ts";
import { testApp, type TestAppOptions } from "../helpers/app.ts";
import { renderConsole } from "../../src/adapters/console/index.ts";
import { slackWorld, textOf } from "../slack/harness.ts";
import { isPingSafe } from "../../src/adapters/slack/escape.ts";
import { commandByName } from "../../commands/index.ts";
import { harness, visible } from "../discord/harness.ts";
import type { Recorded } from "../fakes/discord.ts";

export async function consoleDriver(opts: TestAppOptions): Promise<ContractDriver> {
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

export async function slackDriver(opts: TestAppOptions): Promise<ContractDriver> {
  const w = await slackWorld({ app: opts });
  return {
    name: "slack",
    link: (userId, who) => w.link(userId, who),
    async send(userId, line) {
      const { ack, responseId, triggerId } = await w.command(userId, line);
      if (ack.status !== 200) throw new Error(`ack ${ack.status}`);
      const got = await w.fake.waitFor(() => w.fake.responsesTo(responseId)[0]?.body ?? w.fake.callsOf("views.open").find((c) => c.args.trigger_id === triggerId)?.args.view);
      if (got.type === "modal") return { text: textOf(got.blocks), ephemeral: true, pingSafe: isPingSafe(got) };
      return { text: textOf(got), ephemeral: got.response_type === "ephemeral", pingSafe: isPingSafe(got) };
    },
    count: (table) => (table === "comment" ? w.app.db.prisma.comment.count() : w.app.db.prisma.position.count()),
    close: () => w.close(),
  };
}

function pingSafe(responses: Recorded[]): boolean {
  const messages = responses.map((r) => (r.path.endsWith("/callback") ? (r.body.type === 4 || r.body.type === 7 ? r.body.data : undefined) : r.body)).filter(Boolean);
  return messages.length > 0 && messages.every((m) => Array.isArray(m.allowed_mentions?.parse) && m.allowed_mentions.parse.length === 0);
}

export async function discordDriver(opts: TestAppOptions): Promise<ContractDriver> {
  const h = await harness({ app: opts });
  return {
    name: "discord",
    link: (userId, who) => h.link(userId, who),
    async send(userId, line) {
      const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line)!;
      const def = commandByName.get(m[1]!)!;
      const parsed = def.parseText(m[2]!);
      const options: Record<string, string | number> = {};
      for (const spec of def.options) {
        const v = parsed[spec.name];
        if (v === undefined || v === null || v === "") continue;
        options[spec.name] = spec.type === "integer" ? Number(v) : String(v);
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
