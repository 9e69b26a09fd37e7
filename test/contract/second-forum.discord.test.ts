import { describe } from "vitest";
import { adapterContract } from "./contract.ts";
import { discordDriver } from "./drivers.ts";
import { NORTHERN_LAKES, NORTHERN_LAKES_CASE } from "./second-forum.ts";

/** The same contract on a second, fictional forum: nothing CICA-specific is left in the code it runs. */
describe("discord adapter on the Northern Lakes Forum", () => {
  adapterContract(() => discordDriver(NORTHERN_LAKES), NORTHERN_LAKES_CASE);
});
