import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ask, slackWorld, textOf, type SlackWorld } from "./harness.ts";
import { DeliveryError } from "../../src/core/retry.ts";
import { reply } from "../../src/services/reply.ts";
import { toDeliveryError } from "../../src/adapters/slack/api.ts";

describe("Slack Web API failures are retried or explained, never swallowed", () => {
  let w: SlackWorld;
  beforeEach(async () => {
    w = await slackWorld();
    await w.link("UIND", "India");
  });
  afterEach(async () => {
    await w.close();
  });

  it("GIVEN chat.postMessage answers 429 with Retry-After: 2 twice WHEN the bot posts THEN it waits 2 s each time and the third try lands", async () => {
    w.fake.fail("chat.postMessage", { status: 429, retryAfter: 2 }, 2);
    await w.slack.post("C0CHAIR", reply("Daily digest", [{ type: "text", text: "Body" }]));
    expect(w.sleeps).toEqual([2000, 2000]);
    const calls = w.fake.callsOf("chat.postMessage");
    expect(calls).toHaveLength(3);
    expect(calls[2]!.args.channel).toBe("C0CHAIR");
    expect(calls[2]!.args.text).toBe("Daily digest");
    expect(textOf(calls[2]!.args.blocks)).toMatch(/Body/);
  });

  it("GIVEN a 503 from Slack THEN the post is retried with backoff and succeeds", async () => {
    w.fake.fail("chat.postMessage", { status: 503 }, 1);
    await w.slack.post("C0CHAIR", reply("Digest"));
    expect(w.sleeps).toEqual([500]);
    expect(w.fake.callsOf("chat.postMessage")).toHaveLength(2);
  });

  it("GIVEN not_in_channel THEN post throws a permanent DeliveryError at once, without retrying", async () => {
    w.fake.fail("chat.postMessage", { error: "not_in_channel" }, 1);
    const err = await w.slack.post("C0PRIVATE", reply("Digest")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).permanent).toBe(true);
    expect((err as DeliveryError).message).toBe("not_in_channel");
    expect(w.fake.callsOf("chat.postMessage")).toHaveLength(1);
    expect(w.sleeps).toEqual([]);
  });

  it("GIVEN Slack keeps answering 429 THEN post gives up after five tries and throws with the Retry-After, for the caller to reschedule", async () => {
    w.fake.fail("chat.postMessage", { status: 429, retryAfter: 30 }, 10);
    const err = await w.slack.post("C0CHAIR", reply("Digest")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).retryAfterMs).toBe(30_000);
    expect(w.fake.callsOf("chat.postMessage")).toHaveLength(5);
  });

  it("GIVEN a reply longer than one message WHEN posted to a channel THEN it goes out as several messages, in order, losing nothing", async () => {
    const items = Array.from({ length: 120 }, (_, i) => `entry-${i} ${"z".repeat(300)}`);
    await w.slack.post("C0CHAIR", reply("Long digest", [{ type: "list", items }]));
    const calls = w.fake.callsOf("chat.postMessage");
    expect(calls.length).toBeGreaterThan(1);
    const all = calls.map((c) => textOf(c.args.blocks)).join("\n");
    expect([...all.matchAll(/entry-(\d+) /g)].map((m) => Number(m[1]))).toEqual(items.map((_, i) => i));
  });

  it("GIVEN response_url answers 429 once THEN the answer is retried after Retry-After and delivered", async () => {
    w.fake.fail("response", { status: 429, retryAfter: 1 }, 1);
    const { responseId } = await w.command("UIND", "/help");
    await w.fake.waitFor(() => w.fake.responsesTo(responseId).length >= 2);
    expect(w.sleeps).toEqual([1000]);
    expect(textOf(w.fake.responsesTo(responseId)[1]!.body)).toMatch(/what you can type/);
  });

  it("GIVEN response_url keeps failing THEN the failure is logged and the answer still reaches the user by chat.postEphemeral", async () => {
    w.fake.fail("response", { status: 500 }, 5);
    await w.command("UIND", "/help", { channelId: "C0DELEG" });
    const fallback = await w.fake.waitFor(() => w.fake.callsOf("chat.postEphemeral")[0]);
    expect(fallback.args).toMatchObject({ channel: "C0DELEG", user: "UIND" });
    expect(textOf(fallback.args.blocks)).toMatch(/Delegate Desk: what you can type/);
    expect(w.fake.responses).toHaveLength(5);
    expect(w.logs.some((l) => /slack answer failed/.test(l) && /response_url 500/.test(l))).toBe(true);
  });

  it("GIVEN an expired response_url and a channel the bot is not in WHEN a form is submitted THEN the answer comes as a direct message", async () => {
    const { triggerId } = await w.command("UIND", "/comment", { channelId: "C0PRIV" });
    const view = (await w.fake.waitFor(() => w.fake.callsOf("views.open").find((c) => c.args.trigger_id === triggerId))).args.view;
    w.fake.fail("response", { status: 404 }, 1);
    w.fake.fail("chat.postEphemeral", { error: "channel_not_found" }, 1);
    await w.submit("UIND", view, { document: "MC/2023/DRAFT/4", text: "Written over a long lunch" });
    const dm = await w.fake.waitFor(() => w.fake.callsOf("chat.postMessage")[0]);
    expect(dm.args.channel).toBe("UIND");
    expect(textOf(dm.args.blocks)).toMatch(/Comment #1 filed for India on MC\/2023\/DRAFT\/4/);
    expect(await w.app.db.prisma.comment.count()).toBe(1);
  });

  it("GIVEN views.open fails twice WHEN /comment has no text THEN the user gets the one-line usage instead of silence", async () => {
    w.fake.fail("views.open", { status: 429, retryAfter: 0 }, 2);
    const { text } = await ask(w, "UIND", "/comment");
    expect(text).toMatch(/The form could not be opened \(Slack said: ratelimited\)[\s\S]*\/comment <document>/);
    expect(w.fake.callsOf("views.open")).toHaveLength(2);
  });

  it("GIVEN WebClient errors THEN they are classified: rate limit, server error, permanent platform error", () => {
    expect(toDeliveryError({ code: "slack_webapi_rate_limited_error", retryAfter: 7 })).toMatchObject({ retryAfterMs: 7000, permanent: false });
    expect(toDeliveryError({ code: "slack_webapi_http_error", statusCode: 502 })).toMatchObject({ permanent: false });
    expect(toDeliveryError({ code: "slack_webapi_http_error", statusCode: 404 })).toMatchObject({ permanent: true });
    expect(toDeliveryError({ code: "slack_webapi_platform_error", data: { error: "channel_not_found" } })).toMatchObject({ message: "channel_not_found", permanent: true });
    expect(toDeliveryError({ code: "slack_webapi_platform_error", data: { error: "internal_error" } })).toMatchObject({ permanent: false });
  });
});
