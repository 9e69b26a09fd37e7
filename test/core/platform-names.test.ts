/**
 * Adding a platform is its folder src/adapters/<platform>/ and one line in src/platforms.ts: outside those,
 * no source file names a platform the build runs, so nothing else has to be edited (issue 10).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PLATFORM_MODULES, PLATFORM_NAMES, KNOWN_PLATFORMS } from "../../src/platforms.ts";
import { envSchema, readEnv } from "../../src/config.ts";
import { testApp } from "../helpers/app.ts";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (p.startsWith(join("src", "db", "generated"))) return [];
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(p) ? [p] : [];
  });
}

describe("a platform is named only in its own folder and in src/platforms.ts", () => {
  it("GIVEN the platform list THEN Slack and Discord are on it and the console is always known", () => {
    expect(PLATFORM_MODULES.map((m) => m.name)).toEqual(["slack", "discord"]);
    expect(PLATFORM_NAMES).toEqual(["slack", "discord", "console"]);
    expect(KNOWN_PLATFORMS.every((p) => p.exampleUserId.length > 0)).toBe(true);
  });

  for (const m of PLATFORM_MODULES)
    it(`GIVEN src/ THEN no file outside src/adapters/${m.name}/ and src/platforms.ts names "${m.name}" as a literal`, () => {
      const own = join("src", "adapters", m.name);
      const literal = new RegExp(`["'\`]${m.name}["'\`:]`, "i");
      const hits = files("src")
        .filter((f) => !f.startsWith(own + "/") && f !== join("src", "platforms.ts"))
        .flatMap((f) => readFileSync(f, "utf8").split("\n").map((l, i) => [f, i + 1, l] as const))
        .filter(([, , l]) => literal.test(l) && !/^\s*(\/\/|\*|\/\*\*)/.test(l));
      expect(hits.map(([f, n, l]) => `${f}:${n}: ${l.trim()}`)).toEqual([]);
    });

  it("GIVEN each module's variables THEN they are part of the configuration, after the bot's own", () => {
    const keys = Object.keys(envSchema.shape);
    for (const m of PLATFORM_MODULES) for (const v of Object.keys(m.env)) expect(keys).toContain(v);
    expect(keys.indexOf("DATABASE_URL")).toBeLessThan(keys.indexOf("SLACK_BOT_TOKEN"));
  });

  it("GIVEN a platform configured halfway THEN its module's refusal is the configuration error", () => {
    expect(() => readEnv({ DISCORD_TOKEN: "x" })).toThrow(/DISCORD_APPLICATION_ID is not set but DISCORD_TOKEN is/);
    expect(() => readEnv({ SLACK_APP_TOKEN: "xapp-1" })).toThrow(/SLACK_BOT_TOKEN is not set/);
  });

  it("GIVEN a destination on a platform the build does not have THEN the configuration refuses it", () => {
    expect(() => readEnv({ DIGEST_DESTINATIONS: "telegram:123" })).toThrow(/DIGEST_DESTINATIONS/);
    expect(readEnv({ DIGEST_DESTINATIONS: "discord:123:ru" }).DIGEST_DESTINATIONS).toBe("discord:123:ru");
  });

  it("GIVEN /link user on a platform the build lacks THEN it is refused with the forms this build takes", async () => {
    const app = await testApp();
    try {
      const en = await app.text("secretariat", "/link user telegram:123 India");
      expect(en).toContain("slack:U024BE7LH, discord:1100220033 or console:name");
      expect(await app.text("secretariat", "/link user discord:1100220033 India")).toContain("Linked discord:1100220033");
    } finally {
      await app.close();
    }
  });
});
