import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { slackManifest } from "../../src/adapters/slack/manifest.ts";

describe("Slack app manifest", () => {
  it("GIVEN the registry THEN every command in commands/ is a slash command with its description and usage hint", () => {
    const m = slackManifest(commands, { url: "https://bot.example.org/" });
    expect(m.features.slash_commands.map((c) => c.command)).toEqual(commands.map((c) => `/${c.name}`));
    const comment = m.features.slash_commands.find((c) => c.command === "/comment")!;
    expect(comment).toMatchObject({ url: "https://bot.example.org/slack/events", description: "File a comment on a draft or one of its paragraphs", should_escape: false });
    expect(comment.usage_hint).toBe("<document> [para <ref>] [kind general|drafting|question] <text>");
    expect(m.settings.interactivity).toEqual({ is_enabled: true, request_url: "https://bot.example.org/slack/events" });
    expect(m.settings.event_subscriptions).toEqual({ request_url: "https://bot.example.org/slack/events", bot_events: ["app_home_opened"] });
    expect(m.features.app_home.home_tab_enabled).toBe(true);
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["commands", "chat:write"]));
  });

  it("GIVEN Socket Mode THEN the manifest has no request URLs and enables socket mode", () => {
    const m = slackManifest(commands, { socket: true });
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(m)).not.toMatch(/request_url|"url"/);
  });

  it("GIVEN npm run slack:manifest THEN it prints valid JSON naming every command", () => {
    const out = execFileSync("npx", ["tsx", "scripts/slack-manifest.ts", "--url", "https://x.example"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const m = JSON.parse(out);
    expect(m.features.slash_commands).toHaveLength(commands.length);
    for (const c of commands) expect(out).toContain(`"/${c.name}"`);
  });
});
