import { describe } from "vitest";
import { adapterContract } from "./contract.ts";
import { consoleDriver } from "./drivers.ts";
import { NORTHERN_LAKES, NORTHERN_LAKES_CASE } from "./second-forum.ts";

/** The same contract on a second, fictional forum: nothing CICA-specific is left in the code it runs. */
describe("console adapter on the Northern Lakes Forum", () => {
  adapterContract(() => consoleDriver(NORTHERN_LAKES), NORTHERN_LAKES_CASE);
});
