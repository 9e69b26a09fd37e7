import { afterEach, describe, expect, it } from "vitest";
import { cutText, splitReply } from "../../src/digest/split.ts";
import { SLACK_MESSAGE_LIMITS } from "../../src/adapters/slack/limits.ts";
import { DISCORD_MESSAGE_LIMITS } from "../../src/adapters/discord/limits.ts";

const MESSAGE_LIMITS = { slack: SLACK_MESSAGE_LIMITS, discord: DISCORD_MESSAGE_LIMITS };
import { deliverDay } from "../../src/digest/deliver.ts";
import { reply, toPlainText, type Block } from "../../src/services/reply.ts";
import { testApp, type TestApp } from "../helpers/app.ts";
import { fakePlatform, runtimeFor } from "./helpers.ts";

const items = (r: { blocks: Block[] }) => r.blocks.flatMap((b) => (b.type === "list" ? b.items : "text" in b ? [b.text] : []));

describe("splitting long digests", () => {
  let app: TestApp;
  afterEach(async () => app?.close());

  it("GIVEN sections that fit together WHEN split THEN the reply stays one message", () => {
    const r = reply("Digest", [{ type: "header", text: "A" }, { type: "list", items: ["one", "two"] }]);
    expect(splitReply(r, MESSAGE_LIMITS.discord)).toEqual([r]);
  });

  it("GIVEN three sections of which two fit in a message WHEN split THEN messages break between sections, never inside one", () => {
    const section = (h: string) => [{ type: "header", text: h } as Block, { type: "list", items: Array.from({ length: 8 }, (_, i) => `${h}-${i} ${"x".repeat(40)}`) } as Block];
    const r = reply("Digest", [{ type: "text", text: "headline" }, ...section("S1"), ...section("S2"), ...section("S3")]);
    const parts = splitReply(r, { maxBlocks: 50, maxBlockChars: 1000, maxChars: 1000 });
    const heads = parts.map((p) => p.blocks.filter((b) => b.type === "header").map((b) => (b as { text: string }).text));
    expect(heads).toEqual([["S1", "S2"], ["S3"]]);
    // Every item sits in the same message as its own section's heading.
    parts.forEach((p, i) => expect(items(p).filter((x) => /^S\d-/.test(x)).every((x) => heads[i]!.includes(x.slice(0, 2)))).toBe(true));
    expect(parts.map((p) => p.summary)).toEqual(["Digest (1/2)", "Digest (2/2)"]);
    for (const p of parts) expect(toPlainText(p).length).toBeLessThanOrEqual(1000);
    expect(parts.flatMap(items)).toEqual(items(r));
  });

  it("GIVEN one section longer than a message and an item longer than a block WHEN split THEN the heading repeats as continued and every character survives", () => {
    const long = `${"word ".repeat(400)}END`;
    const list = Array.from({ length: 60 }, (_, i) => `item ${i} ${"y".repeat(30)}`);
    const r = reply("Digest", [{ type: "header", text: "New comments" }, { type: "list", items: [long, ...list] }]);
    const limits = { maxBlocks: 10, maxBlockChars: 500, maxChars: 1500 };
    const parts = splitReply(r, limits, (t) => `${t} (continued)`);
    expect(parts.length).toBeGreaterThan(2);
    expect((parts[1]!.blocks[0] as { text: string }).text).toBe("New comments (continued)");
    for (const p of parts) {
      expect(p.blocks.length).toBeLessThanOrEqual(limits.maxBlocks);
      for (const b of p.blocks) expect(toPlainText({ ...p, summary: "", blocks: [b] }).length).toBeLessThanOrEqual(limits.maxBlockChars);
    }
    const all = parts.flatMap(items).filter((s) => !s.startsWith("New comments"));
    expect(all.join(" ").replace(/\s+/g, " ")).toBe([long, ...list].join(" ").replace(/\s+/g, " "));
  });

  it("GIVEN a text without spaces WHEN cut THEN the pieces are exact and complete", () => {
    expect(cutText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
    expect(cutText("aaa bbb ccc", 8)).toEqual(["aaa bbb", "ccc"]);
  });

  it("GIVEN a day with many long comments WHEN delivered to Discord and Slack THEN Discord gets several messages within its page budget, Slack fewer, and no comment is lost", async () => {
    app = await testApp({ now: "2023-08-23T10:00:00+05:00" });
    const paras = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11", "1.12"];
    const states = ["India", "China", "Iran", "Russia"];
    for (const para of paras)
      for (const s of states) await app.as(s, `/comment MC/2023/DRAFT/4 para ${para} ${s} on ${para}: ${"please consider a clearer wording of this provision ".repeat(3)}`);
    const discord = fakePlatform("discord");
    const slack = fakePlatform("slack");
    const { rt } = runtimeFor(app, [discord, slack], [{ platform: "discord", channelId: "998877", lang: "en" }, { platform: "slack", channelId: "C1", lang: "en" }]);
    app.setNow("2023-08-24T09:00:00+05:00");
    const res = await deliverDay(rt, "2023-08-24");
    expect(res.map((r) => r.outcome)).toEqual(["sent", "sent"]);
    expect(discord.posted.length).toBeGreaterThan(1);
    expect(slack.posted.length).toBeLessThan(discord.posted.length);
    expect(res[0]!.messages).toBe(discord.posted.length);
    for (const p of discord.posted) expect(p.text.length).toBeLessThanOrEqual(MESSAGE_LIMITS.discord.maxChars + 40);
    const joined = discord.posted.map((p) => p.text).join("\n");
    for (const para of paras) expect(joined).toContain(`MC/2023/DRAFT/4 para ${para} — 4 comment(s)`);
    expect(discord.posted[0]!.text.split("\n")[0]).toBe(`Daily digest for the Chair, 24 August 2023 (1/${discord.posted.length})`);
    expect(joined).toContain("== Still blocked ==");
  });
});
