import { describe } from "vitest";
import { adapterContract } from "../contract/contract.ts";
import { discordDriver } from "../contract/drivers.ts";

describe("discord adapter (real discord.js against the fake Discord)", () => {
  adapterContract(() => discordDriver());
});
