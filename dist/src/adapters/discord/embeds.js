/**
 * Reply → Discord embeds. One embed per page; a long answer becomes several pages (buttons in the
 * interaction, consecutive messages in a channel post), so nothing is ever cut.
 * All text in a Reply is plain: it is escaped here, and only our own markup is added.
 */
import { escapeMarkdown } from "discord.js";
import { cutText } from "../../domain/text.js";
import { LIMITS, PAGE_CHARS } from "./limits.js";
/**
 * Escapes user text so it renders literally: no bold, links, headings, lists or quotes it did not ask for.
 * discord.js's `maskedLink` option escapes only the first "[" of a line, so a bracket earlier in the text
 * (a "[late]" tag) left "[x](https://…)" live: every bracket is escaped here instead, after the user's own
 * backslashes (which could otherwise cancel an escape).
 */
export const esc = (s) => escapeMarkdown(s.replace(/\\/g, "\\\\"), { heading: true, bulletedList: true, numberedList: true })
    .replace(/[[\]]/g, "\\$&")
    .replace(/^(\s*)>/gm, "$1\\>");
const COLOURS = { ok: 0x2e7d32, info: 0x1565c0, error: 0xc62828, refused: 0xef6c00, not_linked: 0x616161 };
/** Plain pieces short enough that even fully escaped (every character doubled) they fit one page. */
const splitPlain = (s, max = Math.floor(PAGE_CHARS / 2) - 16) => cutText(s, max);
/** Rendered lines of one block; every line fits a page. */
function blockLines(b) {
    const lines = (s) => s.split("\n").flatMap((l) => splitPlain(l));
    switch (b.type) {
        case "header": return ["", ...lines(b.text).map((l) => `**${esc(l)}**`)];
        case "text": return lines(b.text).map(esc);
        case "context": return lines(b.text).map((l) => `-# ${esc(l)}`);
        case "quote": return lines(b.text).map((l) => `> ${esc(l)}`);
        case "list": return b.items.flatMap((i) => lines(i).map((l, n) => (n === 0 ? `• ${esc(l)}` : `  ${esc(l)}`)));
        case "fields": return b.fields.flatMap((f) => {
            const [first = "", ...more] = lines(f.value);
            return [`**${esc(f.label)}:** ${esc(first)}`, ...more.map(esc)];
        });
        case "divider": return ["───"];
    }
}
/** The pages of a reply, each one embed within every Discord limit. */
export function renderPages(r, t) {
    const title = esc(r.summary);
    const titleFits = title.length <= LIMITS.embedTitle;
    const lines = titleFits ? [] : splitPlain(r.summary).map((l) => `**${esc(l)}**`);
    // Services often open with a header repeating the summary; the embed title already shows it.
    const blocks = r.blocks[0]?.type === "header" && r.blocks[0].text === r.summary && titleFits ? r.blocks.slice(1) : r.blocks;
    for (const b of blocks)
        lines.push(...blockLines(b));
    if (r.fieldErrors)
        for (const [k, v] of Object.entries(r.fieldErrors))
            lines.push(...splitPlain(`${k}: ${v}`).map((l) => `⚠ ${esc(l)}`));
    const pages = [[]];
    let size = 0;
    for (const line of lines) {
        const current = pages[pages.length - 1];
        if (current.length && size + line.length + 1 > PAGE_CHARS) {
            pages.push([line]);
            size = line.length;
        }
        else {
            current.push(line);
            size += line.length + 1;
        }
    }
    const bodies = pages.map((p) => p.join("\n").replace(/^\n+/, "").trimEnd());
    return bodies.map((description, i) => ({
        ...(titleFits ? { title } : {}),
        ...(description ? { description } : {}),
        color: COLOURS[r.status],
        ...(bodies.length > 1 ? { footer: { text: t("dc_page", { n: i + 1, total: bodies.length }) } } : {}),
    }));
}
/** Characters Discord counts towards the 6000 total of a message's embeds. */
export function embedChars(e) {
    return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) +
        (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}
/** Problems with a message body against Discord's limits; empty when Discord would accept it. */
export function limitProblems(body) {
    const p = [];
    const embeds = body.embeds ?? [];
    if ((body.content?.length ?? 0) > LIMITS.content)
        p.push("content");
    if (embeds.length > LIMITS.embedsPerMessage)
        p.push("embeds");
    if (embeds.reduce((n, e) => n + embedChars(e), 0) > LIMITS.embedTotal)
        p.push("embed total");
    for (const e of embeds) {
        if ((e.title?.length ?? 0) > LIMITS.embedTitle)
            p.push("title");
        if ((e.description?.length ?? 0) > LIMITS.embedDescription)
            p.push("description");
        if ((e.fields?.length ?? 0) > LIMITS.embedFields)
            p.push("fields");
    }
    if ((body.components?.length ?? 0) > LIMITS.rowsPerMessage)
        p.push("rows");
    if (body.components?.some((r) => r.components.length > LIMITS.buttonsPerRow))
        p.push("buttons");
    return p;
}
//# sourceMappingURL=embeds.js.map