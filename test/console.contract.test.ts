import { describe } from "vitest";
import { adapterContract, type ContractDriver } from "./contract/contract.ts";
import { testApp } from "./helpers/app.ts";
import { renderConsole } from "../src/adapters/console/index.ts";

/** The console has no pings and no channels: replies are private by nature; the desk decides the rest. */
async function consoleDriver(): Promise<ContractDriver> {
  const app = await testApp();
  const linked = new Map<string, string>();
  return {
    name: "console",
    link: async (userId, who) => {
      linked.set(userId, who);
      await app.as("secretariat", `/link user console:${userId} ${who}`);
    },
    send: async (userId, line) => {
      const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line)!;
      const r = await app.desk.run({ platform: "console", userId, command: m[1]!, text: m[2]!, requestKey: `${userId}-${Math.random()}` });
      const text = renderConsole(r);
      return { text, ephemeral: r.ephemeral, pingSafe: true };
    },
    count: (table) => (table === "comment" ? app.db.prisma.comment.count() : app.db.prisma.position.count()),
    close: () => app.close(),
  };
}

describe("console adapter", () => {
  adapterContract(consoleDriver);
});
