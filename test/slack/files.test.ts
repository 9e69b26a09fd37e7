import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ask, slackWorld, SECRET, type SlackWorld } from "./harness.ts";
import { startSlack } from "../../src/adapters/slack/index.ts";
import { registerCalendarRoute } from "../../src/http/calendar.ts";
import { createHttpServer } from "../../src/http/server.ts";
import { registerHealthRoutes } from "../../src/http/health.ts";
import { hashToken } from "../../src/services/calendar.ts";
import { silentLogger } from "../../src/log.ts";
import { CICA } from "../helpers/forum.ts";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("Slack: files go up with files.uploadV2 to the asker's DM", () => {
  let w: SlackWorld;
  beforeEach(async () => {
    w = await slackWorld();
    await w.link("UIND", "India");
  });
  afterEach(async () => {
    await w.close();
  });

  it("GIVEN /matrix in a channel WHEN Bolt answers THEN the PNG arrives at the fake, complete, in the user's DM, and the answer says where", async () => {
    const { text } = await ask(w, "UIND", "/matrix MC/2023/DRAFT/5", { channelId: "C0GENERAL" });
    expect(text).toMatch(/MC-2023-DRAFT-5-matrix\.png is in your direct messages/);
    const up = await w.fake.waitFor(() => w.fake.uploads.find((u) => u.completed));
    expect(up.filename).toBe("MC-2023-DRAFT-5-matrix.png");
    expect(up.bytes.subarray(0, 8).equals(PNG)).toBe(true);
    expect(up.bytes.length).toBe(up.length);
    expect(up.completed!.channel).toBe("DIND");
    expect(w.fake.callsOf("conversations.open")[0]!.args.users).toBe("UIND");
    // Never into the channel, where observers may read.
    expect(w.fake.callsOf("files.completeUploadExternal").every((c) => c.args.channel_id !== "C0GENERAL")).toBe(true);
  });

  it("GIVEN /compile and /deadlines ics WHEN answered THEN a .docx (a zip) and a text/calendar file arrive with their names", async () => {
    await ask(w, "UIND", "/compile DRAFT/4", { channelId: "C0GENERAL" });
    const docx = await w.fake.waitFor(() => w.fake.uploads.find((u) => u.completed && u.filename.endsWith(".docx")));
    expect(docx.filename).toBe("MC-2023-DRAFT-4-compilation.docx");
    expect(docx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    await ask(w, "UIND", "/deadlines ics", { channelId: "C0GENERAL" });
    const ics = await w.fake.waitFor(() => w.fake.uploads.find((u) => u.completed && u.filename.endsWith(".ics")));
    expect(ics.filename).toBe("delegate-desk-deadlines.ics");
    expect(ics.bytes.toString("utf8")).toMatch(/^BEGIN:VCALENDAR/);
  });

  it("GIVEN the upload fails for good WHEN /matrix is answered THEN the user is told the file could not be delivered", async () => {
    w.fake.fail("files.getUploadURLExternal", { error: "missing_scope" }, 5);
    const sent = await w.command("UIND", "/matrix MC/2023/DRAFT/5", { channelId: "C0GENERAL" });
    const second = await w.fake.waitFor(() => w.fake.responsesTo(sent.responseId)[1]);
    expect(JSON.stringify(second.body)).toMatch(/could not be delivered: missing_scope/);
  });

  it("GIVEN HTTP mode with the calendar route THEN Slack's port also serves GET /calendar/<token>.ics", async () => {
    const token = "T".repeat(32);
    await w.app.repos.write({ platform: "system", userId: "test", role: "system" }, async (tx) => ({
      result: await w.app.repos.papers.calendar.create(tx, { tokenHash: hashToken(token), platform: "slack", userId: "UIND", role: "delegate", stateCode: "IND", lang: "en", createdAt: new Date() }), audit: [],
    }), new Date());
    // As src/main.ts mounts it: one listener for Slack's events, the probes and the calendar feed.
    const http = createHttpServer(silentLogger);
    registerHealthRoutes(http, () => []);
    registerCalendarRoute(http, { repos: w.app.repos, clock: () => new Date("2023-08-23T09:00:00+05:00"), settings: { timeZone: "Asia/Almaty", forum: CICA } });
    const s = await startSlack({ desk: w.app.desk, log: silentLogger, botToken: "xoxb-test", signingSecret: SECRET, apiUrl: w.fake.apiUrl, port: 0, host: "127.0.0.1", http });
    const port = await http.listen(0, "127.0.0.1");
    try {
      const ok = await fetch(`http://127.0.0.1:${port}/calendar/${token}.ics`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/BEGIN:VEVENT[\s\S]*Informal CICA Ministerial Council/);
      expect((await fetch(`http://127.0.0.1:${port}/calendar/${"u".repeat(32)}.ics`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await s.stop();
      await http.close();
    }
  });
});
