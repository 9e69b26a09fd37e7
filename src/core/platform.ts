import type { Platform } from "../domain/types.ts";
import type { Reply } from "../services/reply.ts";

/**
 * What a running adapter offers the rest of the bot: posting a reply into a channel (digests, alerts).
 * `post` retries rate limits and transient failures itself and throws only when it finally gives up.
 */
export type ChatPlatform = {
  platform: Platform;
  post: (channelId: string, reply: Reply) => Promise<void>;
  stop: () => Promise<void>;
};
