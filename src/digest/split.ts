import { toPlainText, type Block, type Reply } from "../services/reply.ts";
import { cutText } from "../domain/text.ts";
import { UNLIMITED, type MessageLimits } from "../core/platform.ts";

/** The limits are each adapter's own (ChatPlatform.limits): splitting is told them, it does not know platforms. */
export { UNLIMITED, type MessageLimits };

const sizeOf = (b: Block) => toPlainText({ status: "ok", summary: "", blocks: [b], ephemeral: false }).length;

export { cutText };

/** Makes every block fit `maxBlockChars`: long lists become several lists, long items several items. */
function fitBlocks(blocks: Block[], max: number): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    if (sizeOf(b) <= max) {
      out.push(b);
      continue;
    }
    if (b.type === "list") {
      // Room for the bullet and line break the renderers add around each item.
      const items = b.items.flatMap((i) => cutText(i, max - 8));
      let cur: string[] = [];
      for (const i of items) {
        if (cur.length && sizeOf({ type: "list", items: [...cur, i] }) > max) {
          out.push({ type: "list", items: cur });
          cur = [];
        }
        cur.push(i);
      }
      if (cur.length) out.push({ type: "list", items: cur });
    } else if (b.type === "text" || b.type === "context" || b.type === "quote" || b.type === "header") {
      for (const piece of cutText(b.text, max - 8)) out.push({ ...b, text: piece });
    } else if (b.type === "fields") {
      for (const f of b.fields) out.push({ type: "fields", fields: [{ label: f.label, value: cutText(f.value, max - f.label.length - 8).join("\n") }] });
    } else out.push(b);
  }
  return out;
}

/**
 * Splits a long reply into messages that each fit the platform, at section (header) boundaries when a
 * whole section fits, else between blocks; a section carried over repeats its heading with `continued`.
 * Every character of the original appears in exactly one message.
 */
export function splitReply(r: Reply, limits: MessageLimits, continued: (title: string) => string = (t) => `${t} (…)`): Reply[] {
  const blocks = fitBlocks(r.blocks, limits.maxBlockChars);
  const sections: Block[][] = [];
  for (const b of blocks) {
    if (b.type === "header" || !sections.length) sections.push([]);
    sections[sections.length - 1]!.push(b);
  }
  const summaryChars = r.summary.length + 12;
  const chunks: Block[][] = [[]];
  let chars = summaryChars;
  const room = (n: number, size: number) => chunks[chunks.length - 1]!.length + n <= limits.maxBlocks && chars + size <= limits.maxChars;
  const open = () => {
    chunks.push([]);
    chars = summaryChars;
  };
  for (const section of sections) {
    const size = section.reduce((s, b) => s + sizeOf(b), 0);
    if (!room(section.length, size) && chunks[chunks.length - 1]!.length) open();
    if (room(section.length, size)) {
      chunks[chunks.length - 1]!.push(...section);
      chars += size;
      continue;
    }
    // The section alone is bigger than a message: spread it, repeating its heading on each new message.
    const head = section[0]!.type === "header" ? section[0] : undefined;
    for (const b of section) {
      const s = sizeOf(b);
      if (!room(1, s) && chunks[chunks.length - 1]!.length) {
        open();
        if (head && b !== head) {
          const h: Block = { type: "header", text: continued(head.text) };
          chunks[chunks.length - 1]!.push(h);
          chars += sizeOf(h);
        }
      }
      chunks[chunks.length - 1]!.push(b);
      chars += s;
    }
  }
  const used = chunks.filter((c) => c.length);
  if (used.length <= 1) return [{ ...r, blocks: used[0] ?? r.blocks }];
  return used.map((c, i) => ({
    ...r,
    summary: `${r.summary} (${i + 1}/${used.length})`,
    blocks: c,
    // Buttons belong under the last part, where the reader ends.
    actions: i === used.length - 1 ? r.actions : undefined,
  }));
}
