/**
 * The mention sweep: every free-text field (comment text, objection reason, support note, event title,
 * concept and purpose, form fields), filled with the hostile strings of both platforms, echoed on every
 * surface — the reply, a shared message, a form error, embeds, the App Home view and the channel digest —
 * through real Bolt and real discord.js. Nothing may ping anyone or become a masked link.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ask, slackWorld, type SlackWorld } from "../slack/harness.ts";
import { harness, type Harness } from "../discord/harness.ts";
import { isPingSafe } from "../../src/adapters/slack/escape.ts";

const HOSTILE = [
  "@everyone", "@here", "@channel", "<!channel>", "<!here>", "<!everyone>", "<@U024BE7LH>", "<#C0GENERAL>", "<!subteam^S0123>",
  "<https://evil.example|click>", "<@&123456789012345678>", "<@123456789012345678>", "[x](https://evil.example)", "[late] [y](https://evil.example)",
];
const ALL = HOSTILE.join(" ");

/** A Discord masked link needs an unescaped "[" … "](": true when one is left in the text. */
const liveMaskedLink = (s: string) => /(^|[^\\])(\\\\)*\[[^\]\n]*(^|[^\\])(\\\\)*\]\(/m.test(s);
const discordTexts = (b: any): string[] => [b?.content ?? "", ...(b?.embeds ?? []).flatMap((e: any) => [e.title ?? "", e.description ?? "", ...(e.fields ?? []).map((f: any) => f.value)])];

describe("mention sweep on Slack (real Bolt)", () => {
  let w: SlackWorld;
  beforeAll(async () => {
    w = await slackWorld();
    await w.link("UIND", "India");
    await w.link("UCHAIR", "chair");
  });
  afterAll(async () => { await w.close(); });

  it("GIVEN hostile text in every free-text field THEN no reply, share, form error, App Home or digest can ping", async () => {
    const lines = [
      ...HOSTILE.map((h) => `/comment DRAFT/4 para 1.10 ${h}`),
      `/object DRAFT/5 para 11 as reservation ${ALL}`,
      `/support offer:IRQ ${ALL}`,
      `/events propose title: ${ALL}; concept: ${ALL}; purpose: ${ALL}; organisers: IND`,
      "/drafts DRAFT/4 para 1.10", "/drafts DRAFT/4 comments", "/drafts DRAFT/5 para 11", "/withdraw", `/drafts ${ALL}`, `/coordinators ${ALL}`,
    ];
    for (const line of lines) {
      const { message } = await ask(w, "UIND", line);
      expect(isPingSafe(message), line).toBe(true);
      expect(JSON.stringify(message)).not.toMatch(/<https?:/);
    }
    // Shared into the channel.
    const { message } = await ask(w, "UIND", "/drafts DRAFT/4 comments");
    await w.click("UIND", message, "dd_share");
    const posted = await w.fake.waitFor(() => w.fake.callsOf("chat.postMessage").at(-1));
    expect(JSON.stringify(posted.args)).toMatch(/everyone/);
    expect(isPingSafe(posted.args)).toBe(true);
    // A form error echoing the field.
    const sent = await w.command("UIND", "/comment");
    const view = (await w.fake.waitFor(() => w.fake.callsOf("views.open").find((c) => c.args.trigger_id === sent.triggerId))).args.view;
    const r = await w.submit("UIND", view, { document: ALL, text: ALL });
    expect(r.json.response_action).toBe("errors");
    expect(isPingSafe(r.json)).toBe(true);
    // App Home.
    await w.event({ type: "app_home_opened", user: "UIND", channel: "D0HOME", tab: "home", event_ts: "1.1" });
    const home = await w.fake.waitFor(() => w.fake.callsOf("views.publish").at(-1));
    expect(isPingSafe(home.args)).toBe(true);
    // The Chair's digest posted to a channel, with the day's comments in it.
    const digest = await w.app.desk.run({ platform: "slack", userId: "UCHAIR", command: "digest", text: "" });
    expect(JSON.stringify(digest)).toMatch(/everyone/);
    const before = w.fake.callsOf("chat.postMessage").length;
    await w.slack.post("C0CHAIR", digest);
    const digestPosts = w.fake.callsOf("chat.postMessage").slice(before);
    expect(digestPosts.length).toBeGreaterThan(0);
    for (const p of digestPosts) expect(isPingSafe(p.args)).toBe(true);
  });
});

describe("mention sweep on Discord (real discord.js)", () => {
  let h: Harness;
  const IND = { userId: "D-IND" };
  beforeAll(async () => {
    h = await harness();
    await h.link("D-IND", "India");
    await h.link("D-CHAIR", "chair");
  });
  afterAll(async () => { await h.close(); });

  it("GIVEN hostile text in every free-text field THEN replies, embeds, shares and the channel digest ping no one and carry no masked link", async () => {
    for (const text of [...HOSTILE, ALL]) await h.command("comment", { document: "MC/2023/DRAFT/4", para: "1.10", text }, IND);
    await h.command("object", { target: "MC/2023/DRAFT/5", para: "11", stance: "reservation", reason: ALL }, IND);
    await h.command("support", { target: "offer:IRQ", note: ALL }, IND);
    const list = await h.command("drafts", { document: "MC/2023/DRAFT/4", para: "1.10" }, IND);
    expect(JSON.stringify(list.body)).toMatch(/evil\.example/);
    const share = list.body.components.flatMap((r: any) => r.components).find((c: any) => /Share/.test(c.label));
    if (share) await h.button(share.custom_id, IND);
    await h.discord.platform.post(h.fake.channelId, await h.app.desk.run({ platform: "discord", userId: "D-CHAIR", command: "digest", options: {} }));
    const bodies = h.fake.requests
      .map((r) => (r.path.endsWith("/callback") ? r.body.data : r.method !== "GET" && (r.path.startsWith("/webhooks") || r.path.includes("/messages")) ? r.body : undefined))
      .filter((b) => b && (b.embeds || b.content));
    expect(bodies.length).toBeGreaterThan(HOSTILE.length);
    for (const b of bodies) {
      expect(b.allowed_mentions, JSON.stringify(b).slice(0, 200)).toEqual({ parse: [] });
      for (const s of discordTexts(b)) expect(liveMaskedLink(s), s).toBe(false);
    }
  });
});
