import type { Writable } from "node:stream";
import type { ChatPlatform } from "../../core/platform.ts";
import { renderConsole } from "./index.ts";

/** Digests and alerts for "console:<name>" destinations, printed where the operator is looking. */
export function consolePlatform(output: Writable): ChatPlatform {
  return {
    platform: "console",
    post: async (channelId, r) => {
      output.write(`\n[→ console:${channelId}]\n${renderConsole(r)}\n`);
    },
    stop: async () => {},
  };
}
