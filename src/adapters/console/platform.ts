import type { Writable } from "node:stream";
import type { ChatAdapter } from "../../core/adapter.ts";
import { CONSOLE_CAPABILITIES, renderConsole } from "./index.ts";

/** Digests and alerts for "console:<name>" destinations, printed where the operator is looking. */
export function consolePlatform(output: Writable): ChatAdapter {
  return {
    platform: "console",
    capabilities: CONSOLE_CAPABILITIES,
    post: async (channelId, r) => {
      output.write(`\n[→ console:${channelId}]\n${renderConsole(r)}\n`);
    },
    stop: async () => {},
  };
}
