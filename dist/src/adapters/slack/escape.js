/**
 * Slack reads `<…>` as links and mentions (`<!channel>`, `<!here>`, `<@U123>`), so every piece of plain
 * text from a Reply is escaped before it goes into mrkdwn. Bare "@here"/"@channel"/"@everyone" only ping
 * when a client asks for `link_names`; a word joiner after "@" keeps them inert wherever the text travels.
 */
const WORD_JOINER = "\u2060";
export function escapeMrkdwn(text) {
    return text
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/@(here|channel|everyone)\b/gi, `@${WORD_JOINER}$1`);
}
/** plain_text objects never render mentions, but a bare "@here" copied from them still should not ping. */
export function defuse(text) {
    return text.replace(/@(here|channel|everyone)\b/gi, `@${WORD_JOINER}$1`);
}
/** True when a Slack payload (blocks and text as JSON) carries nothing that could ping anyone. */
export function isPingSafe(payload) {
    const s = JSON.stringify(payload);
    return !/<!(channel|here|everyone)|<@[UW]|<!subteam/i.test(s) && !/@(here|channel|everyone)\b/i.test(s);
}
/**
 * For Slack strings that are shown as plain text but still carry Slack's syntax (form error messages in
 * `response_action: errors`): `<!channel>`, `<@U…>`, `<#C…>` and `<https://…|x>` lose their meaning when a
 * word joiner follows the "<", and bare @here/@channel/@everyone are defused as everywhere else.
 */
export function defuseTokens(text) {
    return defuse(text).replace(/<(?=[!@#]|[a-z][a-z0-9+.-]*:)/gi, `<${WORD_JOINER}`);
}
//# sourceMappingURL=escape.js.map