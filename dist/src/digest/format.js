import { toPlainText } from "../services/reply.js";
/** Characters that would turn typed text into Markdown markup (emphasis, links, HTML, code). */
const escapeMd = (s) => s.replace(/([\\`*_[\]<>|])/g, "\\$1").replace(/^([#>+-]|\d+\.)(?=\s)/, "\\$1");
/** A reply as Markdown for e-mail and archives: headings, bullet lists, block quotes; user text escaped. */
export function toMarkdown(r) {
    const out = [`# ${escapeMd(r.summary)}`, ""];
    for (const b of r.blocks) {
        switch (b.type) {
            case "header":
                out.push(`## ${escapeMd(b.text)}`, "");
                break;
            case "text":
                out.push(escapeMd(b.text), "");
                break;
            case "context":
                out.push(`_${escapeMd(b.text)}_`, "");
                break;
            case "quote":
                out.push(...b.text.split("\n").map((l) => `> ${escapeMd(l)}`), "");
                break;
            // Indented items (comment lines under their paragraph) become nested bullets.
            case "list":
                out.push(...b.items.map((i) => (/^\s{2,}/.test(i) ? `  - ${escapeMd(i.trim())}` : `- ${escapeMd(i)}`)), "");
                break;
            case "fields":
                out.push(...b.fields.map((f) => `- **${escapeMd(f.label)}:** ${escapeMd(f.value)}`), "");
                break;
            case "divider":
                out.push("---", "");
                break;
        }
    }
    return `${out.join("\n").trimEnd()}\n`;
}
export function formatReply(r, f) {
    return f === "md" ? toMarkdown(r) : `${toPlainText(r)}\n`;
}
//# sourceMappingURL=format.js.map