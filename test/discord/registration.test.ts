import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands as registry } from "../../commands/index.ts";
import { commandsForForum } from "../../src/core/forum-commands.ts";
import { loadForum } from "../../src/forum/load.ts";

/** The registry as the default forum's bot shows it (its wording filled in). */
const commands = commandsForForum(registry, loadForum("data/cica.yaml"));
import { registrationPayload } from "../../src/adapters/discord/registration.ts";
import { register } from "../../scripts/discord-register.ts";
import { startFakeDiscord, type FakeDiscord } from "../fakes/discord.ts";

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

describe("discord: registration payload generated from commands/", () => {
  const payload = registrationPayload(commands);

  it("GIVEN commands/ THEN every command is registered once, as a chat-input command with a valid name", () => {
    expect(payload.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    for (const c of payload) {
      expect(c.type).toBe(1);
      expect(c.name).toMatch(NAME);
      expect(c.name).toBe(c.name.toLowerCase());
    }
  });

  it("GIVEN each command THEN descriptions are within 1-100 characters, in English with a Russian localisation", () => {
    for (const c of payload) {
      const def = commands.find((d) => d.name === c.name)!;
      expect(c.description).toBe(def.description.en);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.description_localizations?.ru).toBe(def.description.ru);
      expect(def.description.ru.length).toBeLessThanOrEqual(100);
      for (const o of c.options ?? []) {
        const spec = def.options.find((x) => x.name === o.name)!;
        expect(o.name).toMatch(NAME);
        expect(o.description).toBe(spec.description.en);
        expect(o.description_localizations?.ru).toBe(spec.description.ru);
        expect(o.description.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it("GIVEN options THEN required ones come first, at most 25 options and 25 choices, choices localised, never choices with autocomplete", () => {
    for (const c of payload) {
      const opts = (c.options ?? []) as any[];
      expect(opts.length).toBeLessThanOrEqual(25);
      const firstOptional = opts.findIndex((o) => !o.required);
      if (firstOptional >= 0) expect(opts.slice(firstOptional).every((o) => !o.required)).toBe(true);
      for (const o of opts) {
        if (o.choices) {
          expect(o.choices.length).toBeLessThanOrEqual(25);
          expect(o.autocomplete).toBeUndefined();
          for (const ch of o.choices) expect(ch.name_localizations.ru).toMatch(/[А-яЁё]/);
        }
      }
    }
  });

  it("GIVEN OptionSpec types THEN options are typed: integers for ids and years, strings with max_length, autocomplete where the desk suggests", () => {
    const opt = (cmd: string, name: string) => (payload.find((c) => c.name === cmd)!.options as any[]).find((o) => o.name === name);
    expect(opt("withdraw", "id")).toMatchObject({ type: 4, autocomplete: true, required: false });
    expect(opt("events", "year")).toMatchObject({ type: 4 });
    expect(opt("comment", "document")).toMatchObject({ type: 3, autocomplete: true, required: true });
    expect(opt("comment", "text")).toMatchObject({ type: 3, max_length: 3000, required: false });
    expect(opt("comment", "kind").choices.map((c: any) => c.value)).toEqual(["general", "drafting", "question"]);
    expect(opt("coordinators", "query")).toMatchObject({ autocomplete: true });
    expect(opt("link", "who")).toMatchObject({ autocomplete: true, required: true });
    expect(opt("object", "stance").choices[2]).toEqual({ name: "Needs more time", name_localizations: { ru: "Требуется дополнительное время" }, value: "needs_more_time" });
  });
});

describe("discord: npm run discord:register", () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(() => fake.close());

  it("GIVEN DISCORD_GUILD_ID WHEN registering THEN one PUT bulk-overwrites that guild's commands with the generated payload", async () => {
    const out: string[] = [];
    const code = await register({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: fake.appId, DISCORD_GUILD_ID: fake.guildId, DISCORD_API_URL: fake.api }, (s) => out.push(s));
    expect(code).toBe(0);
    const puts = fake.requests.filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(puts[0]!.path).toBe(`/applications/${fake.appId}/guilds/${fake.guildId}/commands`);
    expect(puts[0]!.body).toEqual(JSON.parse(JSON.stringify(registrationPayload(commands))));
    expect(out.join("\n")).toMatch(new RegExp(`Registered ${commands.length} commands in guild ${fake.guildId}`));
  });

  it("GIVEN no guild WHEN registering THEN the global commands are overwritten", async () => {
    const out: string[] = [];
    await register({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: fake.appId, DISCORD_API_URL: fake.api }, (s) => out.push(s));
    expect(fake.requests.filter((r) => r.method === "PUT").at(-1)!.path).toBe(`/applications/${fake.appId}/commands`);
    expect(out.join("\n")).toMatch(/globally/);
  });

  it("GIVEN no token THEN it explains which variables are needed and sends nothing", async () => {
    const before = fake.requests.length;
    const out: string[] = [];
    expect(await register({}, (s) => out.push(s))).toBe(2);
    expect(out.join("\n")).toMatch(/DISCORD_TOKEN and DISCORD_APPLICATION_ID are required/);
    expect(fake.requests.length).toBe(before);
  });
});

describe("discord: who sees which command (issue 14)", () => {
  it("GIVEN /link, which only the Secretariat may use THEN it needs Manage Server by default; commands delegates use need nothing", () => {
    const payload = registrationPayload(commands);
    const link = payload.find((c) => c.name === "link")!;
    expect(link.default_member_permissions).toBe("32"); // PermissionFlagsBits.ManageGuild
    for (const name of ["comment", "object", "coordinators", "help", "lang", "digest"]) {
      expect(payload.find((c) => c.name === name)!.default_member_permissions).toBeUndefined();
    }
    // Every Secretariat-only command is restricted, not just /link.
    for (const def of commands.filter((d) => d.access !== "anyone" && d.access.every((r) => r === "secretariat"))) {
      expect(payload.find((c) => c.name === def.name)!.default_member_permissions).toBe("32");
    }
  });
});
