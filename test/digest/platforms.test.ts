/**
 * The digest through the real adapters (Bolt's WebClient, discord.js REST) against the project's local
 * fakes of the Slack Web API and Discord: rate limits, server errors, permanent errors, and limits.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startFakeSlack, type FakeSlack } from "../fakes/slack-api.ts";
import { startFakeDiscord, messageProblems, type FakeDiscord } from "../fakes/discord.ts";
import { startSlack } from "../../src/adapters/slack/index.ts";
import { createDiscord, type DiscordHandle } from "../../src/adapters/discord/index.ts";
import { deliverDay } from "../../src/digest/deliver.ts";
import { silentLogger } from "../../src/log.ts";
import { testApp, SEED_NOW, type TestApp } from "../helpers/app.ts";
import { runtimeFor } from "./helpers.ts";
import type { ChatPlatform } from "../../src/core/platform.ts";

describe("digest through the real Slack and Discord adapters", () => {
  let app: TestApp | undefined;
  let slackFake: FakeSlack | undefined;
  let discordFake: FakeDiscord | undefined;
  let stops: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const s of stops.reverse()) await s();
    stops = [];
    await slackFake?.close();
    await discordFake?.close();
    await app?.close();
    slackFake = discordFake = app = undefined;
  });

  async function slack(): Promise<{ platform: ChatPlatform; sleeps: number[] }> {
    slackFake = await startFakeSlack();
    const sleeps: number[] = [];
    const platform = await startSlack({
      desk: app!.desk, log: silentLogger, botToken: "xoxb-test", signingSecret: "s", apiUrl: slackFake.apiUrl, port: 0, host: "127.0.0.1",
      retry: { sleep: async (ms) => { sleeps.push(ms); } },
    });
    stops.push(() => platform.stop());
    return { platform, sleeps };
  }

  it("GIVEN Slack answers 429 with Retry-After: 2 and then 500 WHEN the digest is delivered THEN it waits as told and one digest lands in the Chair's channel", async () => {
    app = await testApp({ now: SEED_NOW });
    const { platform, sleeps } = await slack();
    slackFake!.fail("chat.postMessage", { status: 429, retryAfter: 2 });
    slackFake!.fail("chat.postMessage", { status: 500 });
    const { rt } = runtimeFor(app, [platform], [{ platform: "slack", channelId: "C-CHAIR", lang: "en" }]);
    expect((await deliverDay(rt, "2023-08-23"))[0]).toMatchObject({ outcome: "sent" });
    expect(sleeps[0]).toBe(2000);
    const calls = slackFake!.callsOf("chat.postMessage");
    expect(calls).toHaveLength(3);
    const ok = calls[2]!.args;
    expect(ok.channel).toBe("C-CHAIR");
    expect(ok.text).toContain("Daily digest for the Chair, 23 August 2023");
    expect(JSON.stringify(ok.blocks)).toContain("Still blocked");
    expect(ok.blocks.length).toBeLessThanOrEqual(50);
    // A second run posts nothing more.
    await deliverDay(rt, "2023-08-23", { retryFailed: true });
    expect(slackFake!.callsOf("chat.postMessage")).toHaveLength(3);
  });

  it("GIVEN the bot is not in the Chair's channel WHEN the digest is delivered THEN it fails at once and /digest status shows not_in_channel", async () => {
    app = await testApp({ now: SEED_NOW });
    const { platform, sleeps } = await slack();
    slackFake!.fail("chat.postMessage", { error: "not_in_channel" });
    const { rt } = runtimeFor(app, [platform], [{ platform: "slack", channelId: "C-ELSEWHERE", lang: "ru" }]);
    expect((await deliverDay(rt, "2023-08-23"))[0]).toMatchObject({ outcome: "failed", error: "not_in_channel" });
    expect(sleeps).toEqual([]);
    expect(await app.text("secretariat", "/digest status")).toContain("2023-08-23 → slack:C-ELSEWHERE: FAILED after 1 attempt(s): not_in_channel");
  });

  it("GIVEN Discord answers 500 once WHEN a long Russian digest is delivered THEN it is retried and every message is within Discord's limits", async () => {
    app = await testApp({ now: "2023-08-23T10:00:00+05:00" });
    for (const para of ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"])
      for (const s of ["India", "China", "Iran"]) await app.as(s, `/comment MC/2023/DRAFT/4 para ${para} ${"Предлагаем уточнить формулировку этого пункта. ".repeat(4)}`);
    discordFake = await startFakeDiscord();
    const d: DiscordHandle = createDiscord({ desk: app.desk, log: silentLogger, token: "t", applicationId: discordFake.appId, apiUrl: discordFake.api, retry: { sleep: async () => {} } });
    await d.login();
    stops.push(() => d.destroy());
    discordFake.fail(/POST \/channels\/\d+\/messages/, { status: 500, body: { message: "boom", code: 0 } });
    const { rt } = runtimeFor(app, [d.platform], [{ platform: "discord", channelId: discordFake.channelId, lang: "ru" }]);
    app.setNow("2023-08-24T09:00:00+05:00");
    const [r] = await deliverDay(rt, "2023-08-24");
    expect(r).toMatchObject({ outcome: "sent" });
    const posts = discordFake.requests.filter((q) => q.method === "POST" && q.path === `/channels/${discordFake!.channelId}/messages`);
    const delivered = posts.slice(1);
    expect(delivered.length).toBeGreaterThanOrEqual(r!.messages!);
    for (const p of delivered) expect(messageProblems(p.body)).toEqual([]);
    const text = delivered.map((p) => JSON.stringify(p.body)).join("\n");
    expect(text).toContain("Ежедневная сводка для Председателя, 24 августа 2023 г.");
    expect(text).toContain("По-прежнему заблокировано");
    expect(text).toContain("MC/2023/DRAFT/4, пункт 1.8 — комментариев: 3");
    expect(text).toContain("(4/4)");
  });
});
