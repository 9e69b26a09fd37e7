/**
 * Reply → Block Kit. Every piece of text is escaped; sections are split to Slack's size limits and long
 * replies become pages, so nothing is ever cut off. Buttons carry the command to run as JSON in `value`.
 */
import { actionRun } from "../../core/actions.ts";
import type { Action, Block, ModalRequest, Reply } from "../../services/reply.ts";
import type { Translator } from "../../i18n/index.ts";
import { SLACK_LIMITS as L, RESERVED_BLOCKS } from "./limits.ts";
import { cutText } from "../../domain/text.ts";
import { defuse, escapeMrkdwn } from "./escape.ts";

export type SlackBlock = Record<string, unknown> & { type: string };
export type SlackMessage = { text: string; blocks: SlackBlock[] };

/** What a button asks for: run a command (as the clicking user), share an answer, or turn a page. */
export type ButtonValue =
  | { k: "run"; c: string; t: string }
  | { k: "share"; c: string; t: string }
  | { k: "page"; c: string; t: string; p: number };

export const ACTION_PREFIX = "dd_";
export const MODAL_CALLBACK = "dd_modal";

/** Splits text into pieces of at most `max` characters, preferring line breaks, then spaces. */
export const splitText = (text: string, max: number): string[] => cutText(text, max, ["\n", " "]);

/** Escaping can lengthen text (`&` → `&amp;`), so pieces are measured after escaping. */
function sections(escaped: string): SlackBlock[] {
  return splitText(escaped, L.sectionText).map((text) => ({ type: "section", text: { type: "mrkdwn", text } }));
}

/** Joins lines into as few sections as fit, splitting a single over-long line across sections. */
function packLines(lines: string[]): SlackBlock[] {
  const out: SlackBlock[] = [];
  let cur = "";
  const flush = () => {
    if (cur) out.push(...sections(cur));
    cur = "";
  };
  for (const line of lines) {
    if (cur && cur.length + 1 + line.length > L.sectionText) flush();
    cur = cur ? `${cur}\n${line}` : line;
  }
  flush();
  return out;
}

function renderBlock(b: Block): SlackBlock[] {
  switch (b.type) {
    case "header":
      return b.text.length <= L.headerText
        ? [{ type: "header", text: { type: "plain_text", text: defuse(b.text), emoji: true } }]
        : sections(`*${escapeMrkdwn(b.text)}*`);
    case "text":
      return sections(escapeMrkdwn(b.text));
    case "quote":
      return packLines(escapeMrkdwn(b.text).split("\n").map((l) => `>${l}`));
    case "list":
      return packLines(b.items.map((i) => `• ${escapeMrkdwn(i)}`));
    case "context":
      return splitText(escapeMrkdwn(b.text), L.sectionText).map((text) => ({ type: "context", elements: [{ type: "mrkdwn", text }] }));
    case "divider":
      return [{ type: "divider" }];
    case "fields": {
      const fields = b.fields.map((f) => `*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`);
      if (fields.some((f) => f.length > L.fieldText)) return packLines(fields);
      const out: SlackBlock[] = [];
      for (let i = 0; i < fields.length; i += L.sectionFields)
        out.push({ type: "section", fields: fields.slice(i, i + L.sectionFields).map((text) => ({ type: "mrkdwn", text })) });
      return out;
    }
  }
}

const blockChars = (b: SlackBlock) => JSON.stringify(b).length;

/** The command a reply's action button runs, in the words a user would type. */
export function actionCommand(a: Action): { c: string; t: string } {
  const run = actionRun(a);
  return { c: run.command, t: run.text };
}

const label = (s: string) => defuse(s.length > L.buttonText ? `${s.slice(0, L.buttonText - 1)}…` : s);

function button(actionId: string, text: string, value: ButtonValue, style?: "primary" | "danger"): SlackBlock | undefined {
  const v = JSON.stringify(value);
  // A value Slack would reject (a very long command line) is better left out than breaking the whole message.
  if (v.length > L.buttonValue) return undefined;
  return { type: "button", action_id: actionId, text: { type: "plain_text", text: label(text), emoji: true }, value: v, ...(style ? { style } : {}) };
}

function actionsBlocks(elements: (SlackBlock | undefined)[]): SlackBlock[] {
  const els = elements.filter((e): e is SlackBlock => !!e);
  const out: SlackBlock[] = [];
  for (let i = 0; i < els.length; i += L.actionsElements) out.push({ type: "actions", elements: els.slice(i, i + L.actionsElements) });
  return out;
}

export type RenderOptions = {
  t: Translator;
  /** The command line that produced the reply: read-only ones get "Share" and page buttons. */
  source?: { command: string; text: string };
  shareable?: boolean;
  /** Pages are turned by re-running the (read-only) source command. */
  pageable?: boolean;
};

/** Groups body blocks into pages within the block and size budgets; a page always holds at least one block. */
function paginate(body: SlackBlock[]): SlackBlock[][] {
  const pages: SlackBlock[][] = [];
  let cur: SlackBlock[] = [];
  let chars = 0;
  for (const b of body) {
    const n = blockChars(b);
    if (cur.length && (cur.length >= L.blocksPerMessage - RESERVED_BLOCKS || chars + n > L.pageChars)) {
      pages.push(cur);
      cur = [];
      chars = 0;
    }
    cur.push(b);
    chars += n;
  }
  if (cur.length || !pages.length) pages.push(cur);
  return pages;
}

/** Renders every page of a reply; callers show one page with navigation, or send them all in order. */
export function renderPages(r: Reply, o: RenderOptions): SlackMessage[] {
  const head = splitText(escapeMrkdwn(r.summary), L.sectionText - 2).map((text, i, all) => ({
    type: "section",
    text: { type: "mrkdwn", text: all.length === 1 && text ? `*${text}*` : text || " " },
  }));
  const body = [...head.slice(1), ...r.blocks.flatMap(renderBlock)];
  if (r.fieldErrors)
    body.push(...Object.entries(r.fieldErrors).flatMap(([k, v]) => renderBlock({ type: "context", text: `${k}: ${v}` })));
  const pages = paginate(body);
  const buttons = (r.actions ?? []).map((a, i) => button(`${ACTION_PREFIX}run_${i}`, a.label, { k: "run", ...actionCommand(a) }, actionRun(a).danger ? "danger" : undefined));
  if (o.shareable && o.source) buttons.push(button(`${ACTION_PREFIX}share`, o.t("slack_share"), { k: "share", c: o.source.command, t: o.source.text }));
  return pages.map((page, i) => {
    const blocks: SlackBlock[] = [head[0]!, ...page];
    if (pages.length > 1) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(o.t("slack_page", { page: i + 1, pages: pages.length })) }] });
    const nav: (SlackBlock | undefined)[] = [];
    if (pages.length > 1 && o.pageable && o.source) {
      if (i > 0) nav.push(button(`${ACTION_PREFIX}page_prev`, o.t("slack_prev"), { k: "page", c: o.source.command, t: o.source.text, p: i - 1 }));
      if (i < pages.length - 1) nav.push(button(`${ACTION_PREFIX}page_next`, o.t("slack_next"), { k: "page", c: o.source.command, t: o.source.text, p: i + 1 }));
    }
    blocks.push(...actionsBlocks([...buttons, ...nav]));
    const suffix = pages.length > 1 ? ` (${o.t("slack_page", { page: i + 1, pages: pages.length })})` : "";
    return { text: (escapeMrkdwn(r.summary) + suffix).slice(0, L.fallbackText) || " ", blocks };
  });
}

/** Private metadata a modal carries to its submission: the command, where to answer, the language. */
export type ModalMeta = { c: string; ch?: string; r?: string; l: "en" | "ru" };

const plain = (text: string, max: number) => ({ type: "plain_text", text: defuse(text.length > max ? `${text.slice(0, max - 1)}…` : text), emoji: true });

/** `prefill`: what the user already typed after the command, shown in the form's fields. */
export function renderModal(m: ModalRequest, meta: ModalMeta, t: Translator, usage?: string, prefill: Record<string, string> = {}): Record<string, unknown> {
  const blocks: SlackBlock[] = m.fields.map((f) => {
    const opts = (f.options ?? []).map((o) => ({ text: plain(o.label, L.optionText), value: o.value }));
    const given = Object.hasOwn(prefill, f.id) ? prefill[f.id] : undefined;
    const initial = opts.find((o) => o.value === (given ?? f.initial));
    const max = Math.min(f.maxLength ?? L.plainTextInput, L.plainTextInput);
    const element =
      f.kind === "select"
        ? { type: "static_select", action_id: "v", options: opts, ...(initial ? { initial_option: initial } : {}) }
        : f.kind === "file"
          ? { type: "file_input", action_id: "v", max_files: 1, ...(f.accept ? { filetypes: f.accept } : {}) }
          : {
              type: "plain_text_input",
              action_id: "v",
              multiline: f.kind === "long_text",
              max_length: max,
              ...(given ? { initial_value: given.slice(0, max) } : {}),
              ...(f.hint ? { placeholder: plain(f.hint, L.placeholder) } : {}),
            };
    return { type: "input", block_id: f.id, optional: !f.required, label: plain(f.label, L.inputLabel), element };
  });
  if (usage) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(`${t("slack_modal_usage")} ${usage}`).slice(0, L.sectionText) }] });
  const privateMetadata = JSON.stringify(meta);
  return {
    type: "modal",
    callback_id: `${MODAL_CALLBACK}:${m.command}`,
    title: plain(m.title, L.modalTitle),
    submit: plain(m.submitLabel, L.modalTitle),
    close: plain(t("slack_cancel"), L.modalTitle),
    // A response_url too long to carry is dropped; the answer then goes by chat.postEphemeral.
    private_metadata: privateMetadata.length <= L.privateMetadata ? privateMetadata : JSON.stringify({ ...meta, r: undefined }),
    blocks,
  };
}

type StateValue = { type: string; value?: string | null; selected_option?: { value: string } | null; files?: { id?: string }[] | null };

/** The file ids of a modal's file inputs by field id (the first file of each). */
export function modalFiles(state: { values: Record<string, Record<string, StateValue>> }): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [blockId, actions] of Object.entries(state?.values ?? {})) {
    if (!actions || typeof actions !== "object") continue;
    const v = (Object.hasOwn(actions, "v") ? actions.v : undefined) ?? Object.values(actions)[0];
    const id = v?.type === "file_input" && Array.isArray(v.files) ? v.files[0]?.id : undefined;
    if (typeof id === "string" && id) out[blockId] = id;
  }
  return out;
}

/** A modal's submitted values by field id, leaving out what the user left empty. */
export function modalValues(state: { values: Record<string, Record<string, StateValue>> }): Record<string, string> {
  // Block ids come from the payload: a null-prototype object keeps "__proto__" an ordinary field.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [blockId, actions] of Object.entries(state?.values ?? {})) {
    if (!actions || typeof actions !== "object") continue;
    const v = (Object.hasOwn(actions, "v") ? actions.v : undefined) ?? Object.values(actions)[0];
    const value = v?.selected_option?.value ?? v?.value ?? undefined;
    if (value !== undefined && value !== null && value !== "") out[blockId] = value;
  }
  return out;
}
