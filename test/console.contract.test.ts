import { describe } from "vitest";
import { adapterContract } from "./contract/contract.ts";
import { consoleDriver } from "./contract/drivers.ts";

describe("console adapter", () => {
  adapterContract(() => consoleDriver());
});
