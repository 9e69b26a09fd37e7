/** Posting into channels (digests, alerts), rate limits and REST failures: retried or explained, never swallowed. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { harness, visible, type Harness } from "./harness.ts";
import { DeliveryError } from "../../src/core/retry.ts";
import { reply } from "../../src/services/reply.ts";
import { messageProblems } from "../fakes/discord.ts";
import type { Logger } from "../../src/log.ts";

const IND = { userId: "D-IND" };
const posts = (h: Harness) => h.fake.requests.filter((r) => r.method === "POST" && r.path.startsWith("/channels/"));

describe("discord: ChatPlatform.post and failures", () => {
  let h: Harness;
  const errors: { msg: string; fields: unknown }[] = [];
  const log: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: (msg: string, fields?: unknown) => void errors.push({ msg, fields }) } as unknown as Logger;
  beforeEach(async () => {
    errors.length = 0;
    h = await harness({ options: { log } });
    await h.link("D-IND", "India");
  });
  afterEach(() => h.close());

  it("GIVEN the gateway handshake THEN discord.js identified with the token and the Guilds intent only", () => {
    expect(h.fake.identify).toMatchObject({ token: "test-token", intents: 1 });
  });

  it("GIVEN a reply with user text WHEN posted to a channel THEN it is one message with an embed, ping-proof", async () => {
    await h.discord.platform.post(h.fake.channelId, reply("Digest for the Chair", [{ type: "quote", text: "@everyone look <@&123> **now**" }]));
    const [p] = posts(h);
    expect(p!.path).toBe(`/channels/${h.fake.channelId}/messages`);
    expect(p!.body.allowed_mentions).toEqual({ parse: [] });
    expect(p!.body.content).toBe("Digest for the Chair");
    expect(p!.body.embeds[0].description).toBe("> @everyone look <@&123> \\*\\*now\\*\\*");
    expect(visible(p!.body)).toContain("@everyone look <@&123> **now**");
  });

  it("GIVEN a reply far over the embed limits WHEN posted THEN it goes out as several messages, each within limits, losing nothing", async () => {
    const items = Array.from({ length: 300 }, (_, i) => `item ${i} ${"x".repeat(60)}`);
    await h.discord.platform.post(h.fake.channelId, reply("Long list", [{ type: "list", items }]));
    const sent = posts(h);
    expect(sent.length).toBeGreaterThan(3);
    for (const s of sent) {
      expect(messageProblems(s.body)).toEqual([]);
      expect(s.body.allowed_mentions).toEqual({ parse: [] });
    }
    const all = sent.map((s) => visible(s.body)).join("\n");
    for (const i of [0, 150, 299]) expect(all).toContain(`item ${i} `);
  });

  it("GIVEN a 429 with a short Retry-After WHEN posting THEN discord.js waits and the message is delivered", async () => {
    h.fake.fail(/^POST \/channels\//, { status: 429, body: { message: "You are being rate limited.", retry_after: 0.05, global: false }, headers: { "retry-after": "0.05", "x-ratelimit-scope": "user" } });
    await h.discord.platform.post(h.fake.channelId, reply("After the limit"));
    expect(posts(h)).toHaveLength(2);
  });

  it("GIVEN a 429 with a long Retry-After WHEN posting THEN the caller gets a DeliveryError carrying the wait", async () => {
    const d = await harness({ options: { retry: { attempts: 1 } } });
    try {
      d.fake.fail(/^POST \/channels\//, { status: 429, body: { message: "You are being rate limited.", retry_after: 30, global: false }, headers: { "retry-after": "30" } });
      const e = await d.discord.platform.post(d.fake.channelId, reply("x")).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DeliveryError);
      expect((e as DeliveryError).retryAfterMs).toBeGreaterThanOrEqual(30_000);
      expect((e as DeliveryError).permanent).toBe(false);
    } finally {
      await d.close();
    }
  });

  it("GIVEN a 429 with a long Retry-After and default retries WHEN posting THEN post waits as told and delivers", async () => {
    const waits: number[] = [];
    const d = await harness({ options: { retry: { sleep: async (ms) => void waits.push(ms) } } });
    try {
      d.fake.fail(/^POST \/channels\//, { status: 429, body: { retry_after: 30, global: false }, headers: { "retry-after": "30" } });
      await d.discord.platform.post(d.fake.channelId, reply("x"));
      expect(waits[0]).toBeGreaterThanOrEqual(30_000);
      expect(posts(d)).toHaveLength(2);
    } finally {
      await d.close();
    }
  });

  it("GIVEN repeated 500s WHEN posting THEN discord.js retries, then post retries again, and the message is delivered", async () => {
    h.fake.fail(/^POST \/channels\//, { status: 500, body: { message: "Internal Server Error" } }, 4);
    await h.discord.platform.post(h.fake.channelId, reply("Eventually"));
    expect(posts(h)).toHaveLength(5);
  });

  it("GIVEN a channel the bot may not post in THEN a permanent DeliveryError says so, without retrying", async () => {
    h.fake.forbiddenChannels.add(h.fake.channelId);
    const e = await h.discord.platform.post(h.fake.channelId, reply("x")).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeliveryError);
    expect((e as DeliveryError).permanent).toBe(true);
    expect((e as DeliveryError).message).toMatch(/403 \(code 50001\)/);
    expect(posts(h)).toHaveLength(1);
  });

  it("GIVEN an unknown channel THEN a permanent DeliveryError names code 10003", async () => {
    const e = await h.discord.platform.post("999", reply("x")).catch((x: unknown) => x);
    expect((e as DeliveryError).permanent).toBe(true);
    expect((e as DeliveryError).message).toMatch(/404 \(code 10003\)/);
  });

  it("GIVEN a 429 on the interaction callback THEN the reply is retried and arrives once", async () => {
    h.fake.fail(/\/callback$/, { status: 429, body: { message: "You are being rate limited.", retry_after: 0.05, global: false }, headers: { "retry-after": "0.05" } });
    const r = await h.command("help", {}, IND);
    expect(r.text).toMatch(/Delegate Desk: what you can type/);
    expect(h.fake.requests.filter((q) => q.path.endsWith("/callback"))).toHaveLength(2);
  });

  it("GIVEN the callback keeps failing with 500 THEN discord.js retries, the failure is logged with the interaction, and a last notice is attempted", async () => {
    h.fake.fail(/\/callback$/, { status: 500 }, 8);
    const id = h.fake.command("help", {}, IND);
    await expect.poll(() => errors.length, { timeout: 5000 }).toBe(2);
    expect(errors.map((e) => e.msg)).toEqual(["discord interaction failed", "discord error notice failed"]);
    expect(errors[0]!.fields).toMatchObject({ id });
    const callbacks = h.fake.requests.filter((q) => q.path.endsWith("/callback"));
    expect(callbacks).toHaveLength(8);
    expect(callbacks.at(-1)!.body.data.content).toBe("Something went wrong on our side. Please try again in a moment.");
  });

  it("GIVEN the reply fails once beyond discord.js's retries THEN the user still gets the error notice as the first response", async () => {
    h.fake.fail(/\/callback$/, { status: 500 }, 4);
    const r = await h.command("help", {}, IND);
    expect(r.text).toBe("Something went wrong on our side. Please try again in a moment.");
    expect(r.ephemeral).toBe(true);
    expect(errors.map((e) => e.msg)).toEqual(["discord interaction failed"]);
  });
});
