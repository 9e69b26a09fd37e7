import { describe, expect, it } from "vitest";
import { escapeMrkdwn, isPingSafe } from "../../src/adapters/slack/escape.ts";
import { renderModal, renderPages, splitText } from "../../src/adapters/slack/blocks.ts";
import { SLACK_LIMITS } from "../../src/adapters/slack/limits.ts";
import { reply } from "../../src/services/reply.ts";
import { translator } from "../../src/i18n/index.ts";
import { commandByName } from "../../commands/index.ts";

const t = translator("en");
const sectionTexts = (blocks: any[]) => blocks.flatMap((b) => [b.text?.text, ...(b.fields ?? []).map((f: any) => f.text), ...(b.elements ?? []).map((e: any) => e.text)]).filter((x) => typeof x === "string");
const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/\u2060/g, "");

describe("Slack escaping", () => {
  it("GIVEN mentions and markup characters THEN & < > are entity-escaped and bare @here/@channel/@everyone are defused", () => {
    expect(escapeMrkdwn("a & b <!channel> <!here|here> <@U024BE7LH> <https://evil|click> > @here @Channel @everyone me@here.org"))
      .toBe("a &amp; b &lt;!channel&gt; &lt;!here|here&gt; &lt;@U024BE7LH&gt; &lt;https://evil|click&gt; &gt; @\u2060here @\u2060Channel @\u2060everyone me@\u2060here.org");
  });

  it("GIVEN already-escaped-looking text THEN it is escaped again, so a user cannot smuggle an entity that decodes to a mention", () => {
    expect(escapeMrkdwn("&lt;!channel&gt;")).toBe("&amp;lt;!channel&amp;gt;");
  });

  it("GIVEN payloads THEN isPingSafe tells a pinging one from a safe one", () => {
    expect(isPingSafe({ text: "hi <!here>" })).toBe(false);
    expect(isPingSafe({ blocks: [{ text: "<@U123> look" }] })).toBe(false);
    expect(isPingSafe({ text: "hi @everyone" })).toBe(false);
    expect(isPingSafe({ text: escapeMrkdwn("hi <!here> <@U123> @everyone") })).toBe(true);
  });
});

describe("Block Kit rendering within Slack's limits", () => {
  it("GIVEN a text longer than a section THEN it is split into sections of at most 3000 characters, losing nothing", () => {
    const long = Array.from({ length: 80 }, (_, i) => `Sentence ${i} with some words & signs.`).join(" ").repeat(2);
    const [page, ...rest] = renderPages(reply("Long", [{ type: "text", text: long }]), { t });
    expect(rest).toHaveLength(0);
    const body = page!.blocks.slice(1).map((b: any) => b.text.text);
    expect(body.length).toBeGreaterThan(1);
    for (const s of body) expect(s.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(unescape(body.join(" ")).replace(/\s+/g, " ")).toBe(long.replace(/\s+/g, " "));
  });

  it("GIVEN 500 list items THEN they are paginated: each page ≤ 50 blocks with fallback text, and every item appears exactly once", () => {
    const items = Array.from({ length: 500 }, (_, i) => `item-${i} ${"detail ".repeat(30)}`);
    const pages = renderPages(reply("Many things", [{ type: "list", items }]), { t, source: { command: "drafts", text: "" }, pageable: true, shareable: true });
    expect(pages.length).toBeGreaterThan(1);
    const seen: string[] = [];
    pages.forEach((p, i) => {
      expect(p.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
      expect(p.text).toBe(`Many things (Page ${i + 1} of ${pages.length})`);
      for (const s of sectionTexts(p.blocks)) expect(s.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      seen.push(...[...sectionTexts(p.blocks).join("\n").matchAll(/item-(\d+) /g)].map((m) => m[1]!));
      const nav = p.blocks.filter((b: any) => b.type === "actions").flatMap((b: any) => b.elements.map((e: any) => e.action_id));
      expect(nav.includes("dd_page_next")).toBe(i < pages.length - 1);
      expect(nav.includes("dd_page_prev")).toBe(i > 0);
    });
    expect(seen).toEqual(items.map((_, i) => String(i)));
  });

  it("GIVEN a page button THEN its value carries the command, its text and the page to show", () => {
    const pages = renderPages(reply("x", [{ type: "list", items: Array.from({ length: 300 }, (_, i) => `row ${i} ${"y".repeat(100)}`) }]), { t, source: { command: "events", text: "2022 Thailand" }, pageable: true });
    const next = pages[0]!.blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.action_id === "dd_page_next");
    expect(JSON.parse(next.value)).toEqual({ k: "page", c: "events", t: "2022 Thailand", p: 1 });
  });

  it("GIVEN a header longer than Slack's 150 characters THEN it becomes a bold section instead of being cut", () => {
    const title = "T".repeat(200);
    const [page] = renderPages(reply("s", [{ type: "header", text: title }]), { t });
    expect(page!.blocks[1]).toEqual({ type: "section", text: { type: "mrkdwn", text: `*${title}*` } });
  });

  it("GIVEN more than ten fields THEN they are spread over several sections of at most ten", () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `L${i}`, value: `v${i}` }));
    const [page] = renderPages(reply("s", [{ type: "fields", fields }]), { t });
    const sections = page!.blocks.slice(1).map((b: any) => b.fields.length);
    expect(sections).toEqual([10, 10, 3]);
  });

  it("GIVEN splitText THEN pieces respect the limit and prefer line breaks", () => {
    expect(splitText("aaaa\nbbbb\ncccc", 10)).toEqual(["aaaa\nbbbb", "cccc"]);
    expect(splitText("x".repeat(25), 10)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
  });

  it("GIVEN the Russian comment form THEN titles fit Slack's 24 characters and inputs keep their ids", () => {
    const ru = translator("ru");
    const m = commandByName.get("comment")!.modal!(ru);
    const view = renderModal(m, { c: "comment", l: "ru" }, ru) as any;
    expect(view.title.text.length).toBeLessThanOrEqual(SLACK_LIMITS.modalTitle);
    expect(view.submit.text.length).toBeLessThanOrEqual(SLACK_LIMITS.modalTitle);
    expect(view.blocks.map((b: any) => b.block_id)).toEqual(["document", "para", "kind", "text"]);
    expect(view.close.text).toBe("Отмена");
  });
});
