import { afterEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";
import { startFakeSlack, type FakeSlack } from "../fakes/slack-api.ts";
import { startSlack, type SlackPlatform } from "../../src/adapters/slack/index.ts";
import { silentLogger } from "../../src/log.ts";
import { textOf } from "./harness.ts";

describe("Slack Socket Mode", () => {
  let app: TestApp;
  let fake: FakeSlack;
  let slack: SlackPlatform | undefined;
  afterEach(async () => {
    await slack?.stop();
    await fake.close();
    await app.close();
  });

  it("GIVEN SLACK_APP_TOKEN WHEN a slash command arrives over the WebSocket THEN it is acked on the socket and answered on response_url", async () => {
    app = await testApp();
    fake = await startFakeSlack();
    await app.as("secretariat", "/link user slack:UIND India");
    slack = await startSlack({ desk: app.desk, log: silentLogger, botToken: "xoxb-test", signingSecret: "unused", appToken: "xapp-test", apiUrl: fake.apiUrl, port: 0, host: "127.0.0.1" });
    expect(slack.port).toBeUndefined();
    expect(fake.callsOf("apps.connections.open")[0]!.token).toBe("xapp-test");
    const ack = await fake.sendEnvelope("slash_commands", {
      token: "legacy", team_id: "T0FAKE", channel_id: "C0GENERAL", user_id: "UIND", user_name: "uind", command: "/comment",
      text: "MC/2023/DRAFT/4 para 1.10 Over the socket", api_app_id: "A0DESK", response_url: fake.responseUrl("sock-1"), trigger_id: "t-sock-1",
    });
    expect(ack.envelope_id).toBe("env-1");
    const answer = await fake.waitFor(() => fake.responsesTo("sock-1")[0]);
    expect(textOf(answer.body)).toMatch(/Comment #1 filed for India on MC\/2023\/DRAFT\/4 para 1\.10/);
    expect(await app.db.prisma.comment.count()).toBe(1);
  });
});
