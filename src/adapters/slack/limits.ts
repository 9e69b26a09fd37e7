import type { MessageLimits } from "../../core/platform.ts";

/**
 * Every Slack limit the adapter respects, in one place (https://api.slack.com/reference/block-kit).
 * Rendering splits or paginates against these numbers; nothing is truncated silently.
 */
export const SLACK_LIMITS = {
  /** Blocks in one message or modal. */
  blocksPerMessage: 50,
  /** Characters of a section's text and of a context element. */
  sectionText: 3000,
  /** Fields in one section, and characters per field. */
  sectionFields: 10,
  fieldText: 2000,
  /** A header block's plain text. */
  headerText: 150,
  /** Elements of one context block. */
  contextElements: 10,
  /** Elements of one actions block. */
  actionsElements: 25,
  /** A button's label and value. */
  buttonText: 75,
  buttonValue: 2000,
  /** A modal's title, submit and close labels. */
  modalTitle: 24,
  /** A modal input's label, placeholder, and an option's label. */
  inputLabel: 2000,
  placeholder: 150,
  optionText: 75,
  /** Opaque state a modal carries back on submit. */
  privateMetadata: 3000,
  /** A plain-text input's own maximum. */
  plainTextInput: 3000,
  /** Fallback `text` of a message (Slack truncates beyond this). */
  fallbackText: 40000,
  /** Pages stay readable and well under Slack's message size even with many short blocks. */
  pageChars: 12000,
  /** response_url accepts five posts within 30 minutes. */
  responseUrlPosts: 5,
  /** Slack gives up on an ack after 3 s; trigger_id expires after 3 s too. */
  ackMs: 3000,
  /** The largest file a form's file input may bring in (the text of a document, not an archive). */
  fileInputBytes: 10_000_000,
} as const;

/** Blocks of a page kept back for the summary, the page line, the buttons and the page navigation. */
export const RESERVED_BLOCKS = 4;

/**
 * How much one posted message may hold (digests and alerts are split to fit): 50 blocks per message,
 * 3000 characters per section; escaping & < > can grow text, hence 2500.
 */
export const SLACK_MESSAGE_LIMITS: MessageLimits = { maxBlocks: SLACK_LIMITS.blocksPerMessage - RESERVED_BLOCKS, maxBlockChars: 2500, maxChars: SLACK_LIMITS.pageChars };
