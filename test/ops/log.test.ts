import { describe, expect, it } from "vitest";
import { createLogger, redact } from "../../src/log.ts";
import { boltLogger } from "../../src/adapters/slack/index.ts";
import { webApi } from "@slack/bolt";

const capture = (level: Parameters<typeof createLogger>[0]) => {
  const lines: string[] = [];
  return { log: createLogger(level, (l) => lines.push(l)), lines, json: () => lines.map((l) => JSON.parse(l)) };
};

describe("logs (pino)", () => {
  it("GIVEN LOG_LEVEL=debug THEN debug lines are written; at info they are not; every line is one JSON object", () => {
    const d = capture("debug");
    d.log.debug("cache miss", { key: "k" });
    d.log.info("started");
    expect(d.json().map((j) => [j.level, j.msg, j.key])).toEqual([["debug", "cache miss", "k"], ["info", "started", undefined]]);
    expect(d.json()[0].time).toMatch(/^\d{4}-\d\d-\d\dT/);
    const i = capture("info");
    i.log.debug("cache miss");
    i.log.warn("slow");
    expect(i.json().map((j) => j.msg)).toEqual(["slow"]);
    const s = capture("silent");
    s.log.error("nothing");
    expect(s.lines).toEqual([]);
  });

  it("GIVEN tokens in fields or in text THEN none reaches the log", () => {
    const c = capture("debug");
    c.log.info("connecting with xoxb-1234-5678-abcdefABCDEF", {
      token: "anything-at-all",
      headers: { authorization: "Bot MTEwMDAwMDAwMDAwMDAwMDAwMQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123" },
      url: "postgresql://bot:s3cret@db:5432/desk",
      detail: "socket url wss://x?ticket=1 app token xapp-1-A0-123-abc",
      error: new Error("invalid token MTEwMDAwMDAwMDAwMDAwMDAwMQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123"),
    });
    const line = c.lines.join("\n");
    for (const secret of ["xoxb-1234", "anything-at-all", "MTEwMDAwMDAwMDAwMDAwMDAwMQ", "s3cret", "xapp-1-A0"]) expect(line).not.toContain(secret);
    expect(line).toContain("postgresql://bot:***@db:5432/desk");
    expect(redact("Bearer abcdefgh12345678")).toBe("Bearer [redacted]");
  });

  it("GIVEN Slack's WebClient with our logger THEN its own warnings arrive as JSON lines, at our level", async () => {
    const c = capture("debug");
    // An unreachable API and no retries: the WebClient logs through the logger it was given.
    const client = new webApi.WebClient("xoxb-1-2-secret", { slackApiUrl: "http://127.0.0.1:9/api/", logger: boltLogger(c.log), retryConfig: { retries: 0 } });
    await client.auth.test().catch(() => undefined);
    expect(c.lines.length).toBeGreaterThan(0);
    for (const l of c.lines) expect(() => JSON.parse(l)).not.toThrow();
    expect(c.json().some((j) => /^slack/.test(j.msg))).toBe(true);
    expect(c.lines.join("\n")).not.toContain("xoxb-1-2-secret");
    const quiet = capture("error");
    expect(boltLogger(quiet.log).getLevel()).toBe("error");
  });
});

describe("discord.js logs", () => {
  it("GIVEN LOG_LEVEL=debug WHEN the bot connects THEN discord.js's own gateway lines arrive as JSON, without the token; at info they do not", async () => {
    const { startFakeDiscord } = await import("../fakes/discord.ts");
    const { createDiscord } = await import("../../src/adapters/discord/index.ts");
    const { testApp } = await import("../helpers/app.ts");
    const fake = await startFakeDiscord();
    const app = await testApp();
    const token = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123";
    try {
      for (const level of ["debug", "info"] as const) {
        const c = capture(level);
        const d = createDiscord({ desk: app.desk, log: c.log, token, applicationId: fake.appId, apiUrl: fake.api });
        await d.login();
        await d.destroy();
        const discordLines = c.json().filter((j) => /^discord( rest)?$/.test(j.msg));
        if (level === "debug") expect(discordLines.length).toBeGreaterThan(0);
        else expect(discordLines.filter((j) => j.level === "debug")).toEqual([]);
        expect(c.lines.join("\n")).not.toContain("abcdefghijklmnopqrstuvwxyz0123");
      }
    } finally {
      await app.close();
      await fake.close();
    }
  }, 90_000); // two gateway logins; a deadline on a loaded machine, not a speed assertion
});
