import { SLACK_LIMITS as L, RESERVED_BLOCKS } from "./limits.js";
import { cutText } from "../../domain/text.js";
import { defuse, escapeMrkdwn } from "./escape.js";
export const ACTION_PREFIX = "dd_";
export const MODAL_CALLBACK = "dd_modal";
/** Splits text into pieces of at most `max` characters, preferring line breaks, then spaces. */
export const splitText = (text, max) => cutText(text, max, ["\n", " "]);
/** Escaping can lengthen text (`&` → `&amp;`), so pieces are measured after escaping. */
function sections(escaped) {
    return splitText(escaped, L.sectionText).map((text) => ({ type: "section", text: { type: "mrkdwn", text } }));
}
/** Joins lines into as few sections as fit, splitting a single over-long line across sections. */
function packLines(lines) {
    const out = [];
    let cur = "";
    const flush = () => {
        if (cur)
            out.push(...sections(cur));
        cur = "";
    };
    for (const line of lines) {
        if (cur && cur.length + 1 + line.length > L.sectionText)
            flush();
        cur = cur ? `${cur}\n${line}` : line;
    }
    flush();
    return out;
}
function renderBlock(b) {
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
            if (fields.some((f) => f.length > L.fieldText))
                return packLines(fields);
            const out = [];
            for (let i = 0; i < fields.length; i += L.sectionFields)
                out.push({ type: "section", fields: fields.slice(i, i + L.sectionFields).map((text) => ({ type: "mrkdwn", text })) });
            return out;
        }
    }
}
const blockChars = (b) => JSON.stringify(b).length;
/** The command a reply's action button runs, in the words a user would type. */
export function actionCommand(a) {
    switch (a.kind) {
        case "withdraw":
            return { c: "withdraw", t: String(a.positionId) };
        case "show_paragraph":
            return { c: "drafts", t: `${a.document} para ${a.paragraph}` };
        case "list_comments":
            return { c: "drafts", t: `${a.document}${a.paragraph ? ` para ${a.paragraph}` : ""} comments` };
        case "choose":
            return { c: a.command.replace(/^\//, ""), t: a.text };
    }
}
const label = (s) => defuse(s.length > L.buttonText ? `${s.slice(0, L.buttonText - 1)}…` : s);
function button(actionId, text, value, style) {
    const v = JSON.stringify(value);
    // A value Slack would reject (a very long command line) is better left out than breaking the whole message.
    if (v.length > L.buttonValue)
        return undefined;
    return { type: "button", action_id: actionId, text: { type: "plain_text", text: label(text), emoji: true }, value: v, ...(style ? { style } : {}) };
}
function actionsBlocks(elements) {
    const els = elements.filter((e) => !!e);
    const out = [];
    for (let i = 0; i < els.length; i += L.actionsElements)
        out.push({ type: "actions", elements: els.slice(i, i + L.actionsElements) });
    return out;
}
/** Groups body blocks into pages within the block and size budgets; a page always holds at least one block. */
function paginate(body) {
    const pages = [];
    let cur = [];
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
    if (cur.length || !pages.length)
        pages.push(cur);
    return pages;
}
/** Renders every page of a reply; callers show one page with navigation, or send them all in order. */
export function renderPages(r, o) {
    const head = splitText(escapeMrkdwn(r.summary), L.sectionText - 2).map((text, i, all) => ({
        type: "section",
        text: { type: "mrkdwn", text: all.length === 1 && text ? `*${text}*` : text || " " },
    }));
    const body = [...head.slice(1), ...r.blocks.flatMap(renderBlock)];
    if (r.fieldErrors)
        body.push(...Object.entries(r.fieldErrors).flatMap(([k, v]) => renderBlock({ type: "context", text: `${k}: ${v}` })));
    const pages = paginate(body);
    const buttons = (r.actions ?? []).map((a, i) => button(`${ACTION_PREFIX}run_${i}`, a.label, { k: "run", ...actionCommand(a) }, a.kind === "withdraw" ? "danger" : undefined));
    if (o.shareable && o.source)
        buttons.push(button(`${ACTION_PREFIX}share`, o.t("slack_share"), { k: "share", c: o.source.command, t: o.source.text }));
    return pages.map((page, i) => {
        const blocks = [head[0], ...page];
        if (pages.length > 1)
            blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(o.t("slack_page", { page: i + 1, pages: pages.length })) }] });
        const nav = [];
        if (pages.length > 1 && o.pageable && o.source) {
            if (i > 0)
                nav.push(button(`${ACTION_PREFIX}page_prev`, o.t("slack_prev"), { k: "page", c: o.source.command, t: o.source.text, p: i - 1 }));
            if (i < pages.length - 1)
                nav.push(button(`${ACTION_PREFIX}page_next`, o.t("slack_next"), { k: "page", c: o.source.command, t: o.source.text, p: i + 1 }));
        }
        blocks.push(...actionsBlocks([...buttons, ...nav]));
        const suffix = pages.length > 1 ? ` (${o.t("slack_page", { page: i + 1, pages: pages.length })})` : "";
        return { text: (escapeMrkdwn(r.summary) + suffix).slice(0, L.fallbackText) || " ", blocks };
    });
}
const plain = (text, max) => ({ type: "plain_text", text: defuse(text.length > max ? `${text.slice(0, max - 1)}…` : text), emoji: true });
export function renderModal(m, meta, t, usage) {
    const blocks = m.fields.map((f) => {
        const opts = (f.options ?? []).map((o) => ({ text: plain(o.label, L.optionText), value: o.value }));
        const initial = opts.find((o) => o.value === f.initial);
        const element = f.kind === "select"
            ? { type: "static_select", action_id: "v", options: opts, ...(initial ? { initial_option: initial } : {}) }
            : {
                type: "plain_text_input",
                action_id: "v",
                multiline: f.kind === "long_text",
                max_length: Math.min(f.maxLength ?? L.plainTextInput, L.plainTextInput),
                ...(f.hint ? { placeholder: plain(f.hint, L.placeholder) } : {}),
            };
        return { type: "input", block_id: f.id, optional: !f.required, label: plain(f.label, L.inputLabel), element };
    });
    if (usage)
        blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(`${t("slack_modal_usage")} ${usage}`).slice(0, L.sectionText) }] });
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
/** A modal's submitted values by field id, leaving out what the user left empty. */
export function modalValues(state) {
    // Block ids come from the payload: a null-prototype object keeps "__proto__" an ordinary field.
    const out = Object.create(null);
    for (const [blockId, actions] of Object.entries(state?.values ?? {})) {
        if (!actions || typeof actions !== "object")
            continue;
        const v = (Object.hasOwn(actions, "v") ? actions.v : undefined) ?? Object.values(actions)[0];
        const value = v?.selected_option?.value ?? v?.value ?? undefined;
        if (value !== undefined && value !== null && value !== "")
            out[blockId] = value;
    }
    return out;
}
//# sourceMappingURL=blocks.js.map