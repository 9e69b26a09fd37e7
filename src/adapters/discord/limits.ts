import type { MessageLimits } from "../../core/platform.ts";

/**
 * Every Discord limit the adapter respects, in one place (https://discord.com/developers/docs).
 * Exceeding any of them makes Discord reject the whole message with 50035 Invalid Form Body.
 */
export const LIMITS = {
  /** Largest upload the bot downloads for a file option (the circulate service refuses above 5 MB too). */
  attachmentBytes: 8 * 1024 * 1024,
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFields: 25,
  embedsPerMessage: 10,
  /** Sum of every embed's title, description, field names and values, footer and author. */
  embedTotal: 6000,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  buttonLabel: 80,
  customId: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  modalTitle: 45,
  /** Top-level components of a modal (labels or action rows). */
  modalComponents: 5,
  modalLabel: 45,
  textInputPlaceholder: 100,
  textInputValue: 4000,
  commandName: 32,
  commandDescription: 100,
  optionsPerCommand: 25,
  optionChoices: 25,
  optionChoiceName: 100,
  stringOptionMaxLength: 6000,
} as const;

/** Characters of rendered text per page: under the description limit, leaving room for title and footer in the 6000 total. */
export const PAGE_CHARS = 3800;

/**
 * How much one posted message may hold (digests and alerts are split to fit): the adapter renders a message as
 * an embed page (PAGE_CHARS); a block may become an embed field (1024), and the headroom covers the title,
 * markup and escaping.
 */
export const DISCORD_MESSAGE_LIMITS: MessageLimits = { maxBlocks: LIMITS.embedFields - 5, maxBlockChars: LIMITS.embedFieldValue - 24, maxChars: PAGE_CHARS - 300 };

/** Discord answers 10062 when the first response comes after 3 s; defer well before that. */
export const DEFER_AFTER_MS = 1000;

/** How long page buttons keep working (kept in memory). */
export const PAGES_KEPT = 500;

/** A 429 wait longer than this is handed back to the caller (DeliveryError with retryAfterMs) instead of blocking. */
export const MAX_INLINE_RATE_LIMIT_WAIT_MS = 10_000;

/** Message flag: only the person who asked sees the reply. */
export const EPHEMERAL_FLAG = 64;
