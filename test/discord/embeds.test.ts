import { describe, expect, it } from "vitest";
import { esc, limitProblems, renderPages } from "../../src/adapters/discord/embeds.ts";
import { buttonRows, decodeAction, modalJSON, modalValues } from "../../src/adapters/discord/components.ts";
import { translator } from "../../src/i18n/index.ts";
import { reply, type Action } from "../../src/services/reply.ts";
import { commandByName } from "../../commands/index.ts";
import { messageProblems } from "../fakes/discord.ts";
import { visible } from "./harness.ts";

const t = translator("en");

describe("discord: rendering within limits", () => {
  it("GIVEN a reply of 60,000 characters with a 10,000-character quote and a 400-character summary THEN every page fits Discord's limits and together they hold all of it", () => {
    const quote = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(" ").padEnd(10_000, " z");
    const items = Array.from({ length: 500 }, (_, i) => `entry-${i} ${"y".repeat(80)}`);
    const r = reply("S".repeat(400), [{ type: "header", text: "Head" }, { type: "quote", text: quote }, { type: "list", items }, { type: "fields", fields: [{ label: "Status", value: "v".repeat(5000) }] }]);
    const pages = renderPages(r, t);
    expect(pages.length).toBeGreaterThan(10);
    for (const p of pages) {
      expect(limitProblems({ embeds: [p] })).toEqual([]);
      expect(messageProblems({ embeds: [p] })).toEqual([]);
    }
    const all = pages.map((p) => visible({ embeds: [p] })).join("\n");
    for (const w of ["w0", "w999", "entry-0 ", "entry-499 ", "Status:", "S".repeat(400)]) expect(all).toContain(w);
    expect(all.match(/v/g)!.length).toBeGreaterThanOrEqual(5000);
    expect(pages.at(-1)!.footer!.text).toBe(`Page ${pages.length} of ${pages.length}`);
  });

  it("GIVEN user text with markdown, links, headings and quotes THEN it renders literally", () => {
    const [p] = renderPages(reply("ok", [{ type: "text", text: "**bold** [x](https://evil) \n# Heading\n> quoted\n1. item" }]), t);
    expect(p!.description).toBe("\\*\\*bold\\*\\* \\[x\\](https://evil) \n\\# Heading\n\\> quoted\n1\\. item");
    expect(esc("__u__ ~~s~~ ||sp|| `c`")).toBe("\\_\\_u\\_\\_ \\~\\~s\\~\\~ \\|\\|sp\\|\\| \\`c\\`");
  });

  it("GIVEN more actions than fit THEN at most 4 rows of 5 plus the page row, ids ≤ 100 characters, long ids stashed", () => {
    const actions: Action[] = Array.from({ length: 30 }, (_, i) => ({ kind: "withdraw", positionId: i + 1, label: `Withdraw #${i + 1}` }));
    actions.push({ kind: "choose", command: "drafts", text: "D".repeat(200), label: "Long" });
    const stashed: string[] = [];
    const rows = buttonRows(actions, { key: "k", page: 0, total: 3 }, t, (id) => (stashed.push(id), "a|k|1"));
    expect(rows).toHaveLength(5);
    expect(rows.slice(0, 4).every((r) => r.components.length === 5)).toBe(true);
    expect(rows[4]!.components.map((b: any) => b.label)).toEqual(["◀ Previous", "Next ▶"]);
    const long = buttonRows([actions.at(-1)!], undefined, t, (id) => (stashed.push(id), "a|k|1"));
    expect((long[0]!.components[0] as any).custom_id).toBe("a|k|1");
    expect(decodeAction(stashed[0]!)).toEqual({ command: "drafts", text: "D".repeat(200) });
  });

  it("GIVEN the event form of 7 fields THEN the modal keeps 5 components and the rest round-trip through 'Other information'", () => {
    const m = commandByName.get("events")!.modal!(t);
    const json = modalJSON(m, {}, t);
    expect(json.components).toHaveLength(5);
    const more = (json.components[4] as any).component;
    expect(more.placeholder).toMatch(/^area: ICT; dates: 2024-05-10\.\.2024-05-11; format: online\/offline\/hybrid$/);
    expect(modalValues(m, { title: "T", more: "Priority area: ICT\nformat: Hybrid; dates: 2024-01-01" })).toEqual({ title: "T", area: "ICT", format: "hybrid", dates: "2024-01-01" });
  });
});
