/**
 * Platform-neutral replies. All text here is plain: adapters escape it for their platform and add
 * markup (bold headings, quotes) themselves, so user-typed text can never turn into markup or a ping.
 *
 * A block, action or file may carry `matter` (src/policy/matters.ts): the desk removes it, in one place
 * (src/policy/filter.ts), from the reply of anyone the policy table does not let see that matter.
 */
import type { Matter } from "../policy/matters.ts";

/** The policy tag of a reply part. */
export type Tagged = { matter?: Matter };

export type Block = Tagged & (
  | { type: "header"; text: string }
  | { type: "text"; text: string }
  | { type: "fields"; fields: { label: string; value: string }[] }
  | { type: "list"; items: string[] }
  | { type: "quote"; text: string }
  | { type: "context"; text: string }
  | { type: "divider" });

export type Action = Tagged & (
  | { kind: "withdraw"; positionId: number; label: string }
  | { kind: "show_paragraph"; document: string; paragraph: string; label: string }
  | { kind: "list_comments"; document: string; paragraph?: string; label: string }
  | { kind: "choose"; command: string; text: string; label: string });

export type ModalField = {
  id: string;
  label: string;
  /** "file": a file input (Slack's `file_input`); platforms whose forms take no files leave it out and use an attachment option. */
  kind: "text" | "long_text" | "select" | "file";
  /** For "file": the accepted file types (extensions, without the dot). */
  accept?: string[];
  required: boolean;
  maxLength?: number;
  options?: { value: string; label: string }[];
  initial?: string;
  hint?: string;
};

/** A form the adapter shows when a command needs more input than a line (Slack modal, Discord modal). */
export type ModalRequest = { command: string; title: string; submitLabel: string; fields: ModalField[] };

/** A file the answer carries (a compilation, a matrix picture, a calendar); each adapter delivers it its own way. */
export type ReplyFile = Tagged & { name: string; mime: string; data: Buffer; /** Alt text / title, plain. */ title?: string };

export type Reply = {
  status: "ok" | "info" | "error" | "refused" | "not_linked";
  /** One-line fallback: notifications, screen readers, Slack `text`. */
  summary: string;
  blocks: Block[];
  actions?: Action[];
  /** Shown only to the person who asked, unless they choose to share it. */
  ephemeral: boolean;
  modal?: ModalRequest;
  /** Field-level problems, for a form that was submitted (Slack `response_action: errors`). */
  fieldErrors?: Record<string, string>;
  /** The language the desk answered in (set by Desk.run), for the words an adapter adds. */
  lang?: "en" | "ru";
  /** Files to deliver with the answer: Slack upload, Discord attachment, console ./exports/. */
  files?: ReplyFile[];
  /** The whole answer is about this matter: someone who may not see it gets a refusal instead (src/policy/filter.ts). */
  matter?: Matter;
};

/** Tags blocks with the matter they show, for the policy filter. */
export const about = <B extends Block>(matter: Matter, blocks: B[]): B[] => blocks.map((b) => ({ ...b, matter }));

export const reply = (summary: string, blocks: Block[] = [], extra: Partial<Reply> = {}): Reply => ({
  status: "ok",
  summary,
  blocks,
  ephemeral: true,
  ...extra,
});

export const errorReply = (summary: string, blocks: Block[] = [], extra: Partial<Reply> = {}): Reply => ({
  status: "error",
  summary,
  blocks,
  ephemeral: true,
  ...extra,
});

/** Renders a reply as plain text: the console adapter and tests read this. */
export function toPlainText(r: Reply): string {
  const out: string[] = [r.summary];
  for (const b of r.blocks) {
    switch (b.type) {
      case "header": out.push("", `== ${b.text} ==`); break;
      case "text": out.push(b.text); break;
      case "context": out.push(`  (${b.text})`); break;
      case "quote": out.push(...b.text.split("\n").map((l) => `  > ${l}`)); break;
      case "list": out.push(...b.items.map((i) => `  • ${i}`)); break;
      case "fields": out.push(...b.fields.map((f) => `  ${f.label}: ${f.value}`)); break;
      case "divider": out.push("  ---"); break;
    }
  }
  if (r.fieldErrors) out.push(...Object.entries(r.fieldErrors).map(([k, v]) => `  ! ${k}: ${v}`));
  if (r.actions?.length) out.push(`  [${r.actions.map((a) => a.label).join("] [")}]`);
  return out.join("\n");
}
