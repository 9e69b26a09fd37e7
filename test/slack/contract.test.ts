import { describe } from "vitest";
import { adapterContract, type ContractDriver } from "../contract/contract.ts";
import { slackWorld, textOf } from "./harness.ts";
import { isPingSafe } from "../../src/adapters/slack/escape.ts";

/** Each command is a signed request through Bolt; the answer is what the fake Slack received. */
async function slackDriver(): Promise<ContractDriver> {
  const w = await slackWorld();
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

describe("slack adapter", () => {
  adapterContract(slackDriver);
});
