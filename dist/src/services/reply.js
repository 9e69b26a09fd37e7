export const reply = (summary, blocks = [], extra = {}) => ({
    status: "ok",
    summary,
    blocks,
    ephemeral: true,
    ...extra,
});
export const errorReply = (summary, blocks = [], extra = {}) => ({
    status: "error",
    summary,
    blocks,
    ephemeral: true,
    ...extra,
});
/** Renders a reply as plain text: the console adapter and tests read this. */
export function toPlainText(r) {
    const out = [r.summary];
    for (const b of r.blocks) {
        switch (b.type) {
            case "header":
                out.push("", `== ${b.text} ==`);
                break;
            case "text":
                out.push(b.text);
                break;
            case "context":
                out.push(`  (${b.text})`);
                break;
            case "quote":
                out.push(...b.text.split("\n").map((l) => `  > ${l}`));
                break;
            case "list":
                out.push(...b.items.map((i) => `  • ${i}`));
                break;
            case "fields":
                out.push(...b.fields.map((f) => `  ${f.label}: ${f.value}`));
                break;
            case "divider":
                out.push("  ---");
                break;
        }
    }
    if (r.fieldErrors)
        out.push(...Object.entries(r.fieldErrors).map(([k, v]) => `  ! ${k}: ${v}`));
    if (r.actions?.length)
        out.push(`  [${r.actions.map((a) => a.label).join("] [")}]`);
    return out.join("\n");
}
//# sourceMappingURL=reply.js.map