import type { Platform } from "../domain/types.ts";
import type { Reply } from "../services/reply.ts";

/**
 * How much one posted message may hold. The adapters render a Reply into their own markup, which adds
 * characters (escaping, bullets, bold), so each adapter declares budgets with headroom below its hard limits.
 */
export type MessageLimits = { maxBlocks: number; maxBlockChars: number; maxChars: number };

/** No limit: a platform that prints whatever it is given (the console). */
export const UNLIMITED: MessageLimits = { maxBlocks: Number.POSITIVE_INFINITY, maxBlockChars: Number.POSITIVE_INFINITY, maxChars: Number.POSITIVE_INFINITY };

/**
 * What a running adapter offers the rest of the bot: posting a reply into a channel (digests, alerts).
 * `post` retries rate limits and transient failures itself and throws only when it finally gives up.
 * The full adapter interface, inbound and outbound, is in adapter.ts.
 */
export type ChatPlatform = {
  platform: Platform;
  post: (channelId: string, reply: Reply) => Promise<void>;
  stop: () => Promise<void>;
  /** How long one posted message may be; long digests are split to fit. Absent: no limit. */
  limits?: MessageLimits;
};
