import { describe } from "vitest";
import { adapterContract } from "../contract/contract.ts";
import { slackDriver } from "../contract/drivers.ts";

describe("slack adapter", () => {
  adapterContract(() => slackDriver());
});
