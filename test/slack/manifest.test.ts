import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { slackManifest, usageHint, USAGE_HINT_MAX } from "../../src/adapters/slack/manifest.ts";

describe("Slack app manifest", () => {
  it("GIVEN the registry THEN every command in commands/ is a slash command with its description and usage hint", () => {
    const m = slackManifest(commands, { url: "https://bot.example.org/" });
    expect(m.features.slash_commands.map((c) => c.command)).toEqual(commands.map((c) => `/${c.name}`));
    const comment = m.features.slash_commands.find((c) => c.command === "/comment")!;
    expect(comment).toMatchObject({ url: "https://bot.example.org/slack/events", description: "File a comment on a draft or one of its paragraphs", should_escape: false });
    expect(comment.usage_hint).toBe("<document> [para <ref>] [kind general|drafting|question] <text> · edit <id> <new text>");
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

describe("Slack app manifest against Slack's manifest schema (issue 14)", () => {
  // test/slack/slack-app-manifest.schema.json: Slack's published v1 constraints (see its $comment).
  const schema = JSON.parse(readFileSync("test/slack/slack-app-manifest.schema.json", "utf8"));
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
  const errors = () => (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

  it("GIVEN HTTP mode and Socket Mode THEN both generated manifests pass the schema", () => {
    for (const m of [slackManifest(commands, { url: "https://bot.example.org" }), slackManifest(commands, { socket: true })]) {
      expect(validate(m), errors().join("; ")).toBe(true);
    }
  });

  it("GIVEN the schema THEN it refuses what Slack refuses: an empty usage hint, a long name, an unknown key", () => {
    const m = slackManifest(commands, { url: "https://bot.example.org" });
    const bad = structuredClone(m) as any;
    bad.features.slash_commands.find((c: any) => c.command === "/silence").usage_hint = "";
    expect(validate(bad)).toBe(false);
    expect(errors().join()).toMatch(/usage_hint must NOT have fewer than 1 characters/);
    expect(validate({ ...m, display_information: { ...m.display_information, name: "x".repeat(36) } })).toBe(false);
    expect(validate({ ...m, features: { ...m.features, slash_commandz: [] } })).toBe(false);
  });

  it("GIVEN a command with several forms THEN the hint shows every form, within Slack's limit; /silence's is not empty", () => {
    const m = slackManifest(commands);
    for (const c of commands) {
      const hint = m.features.slash_commands.find((s) => s.command === `/${c.name}`)!.usage_hint;
      expect(hint).toBe(usageHint(c));
      expect(hint.length).toBeGreaterThan(0);
      expect(hint.length).toBeLessThanOrEqual(USAGE_HINT_MAX);
      for (const form of c.usage.en.split("  ·  ")) {
        const args = form.replace(new RegExp(`^/${c.name}\\s*`), "").trim();
        if (args) expect(hint).toContain(args);
      }
    }
    expect(m.features.slash_commands.find((s) => s.command === "/silence")!.usage_hint).toBe("[start <document | offer:<state>> [last day YYYY-MM-DD]]");
    expect(m.features.slash_commands.find((s) => s.command === "/digest")!.usage_hint).toBe("[YYYY-MM-DD] · status · to <slack:C… | discord:… | console:…> [en|ru] · remove <destination>");
  });
});
