import { afterEach, describe, expect, it } from "vitest";
import { testApp, SEED_NOW, type TestApp } from "../helpers/app.ts";
import { allDestinations, parseDestinationList, recordEnvConfig } from "../../src/digest/destinations.ts";
import { PLATFORM_NAMES } from "../../src/platforms.ts";
import { deliverDay } from "../../src/digest/deliver.ts";
import { fakePlatform, runtimeFor } from "./helpers.ts";
import { readEnv } from "../../src/config.ts";

describe("/digest destinations and status", () => {
  let app: TestApp;
  afterEach(async () => app?.close());

  it("GIVEN the Secretariat WHEN it adds and removes destinations THEN they are stored with their language, used for delivery, and audited", async () => {
    app = await testApp({ now: SEED_NOW });
    expect(await app.text("secretariat", "/digest to slack:C0CHAIR ru")).toBe("The digest will also go to slack:C0CHAIR in Russian.");
    expect(await app.text("secretariat", "/digest to discord:998877")).toBe("The digest will also go to discord:998877 in English.");
    const fromEnv = parseDestinationList("slack:C0CHAIR:en,console:chair", PLATFORM_NAMES);
    // A stored destination overrides the language of the same channel from configuration.
    expect(await allDestinations(app.repos, fromEnv)).toEqual([
      { platform: "slack", channelId: "C0CHAIR", lang: "ru" },
      { platform: "console", channelId: "chair", lang: "en" },
      { platform: "discord", channelId: "998877", lang: "en" },
    ]);
    const slack = fakePlatform("slack");
    const discord = fakePlatform("discord");
    const { rt } = runtimeFor(app, [slack, discord], []);
    await deliverDay({ ...rt, destinations: () => allDestinations(app.repos, []) }, "2023-08-23");
    expect(slack.posted[0]!.text.split("\n")[0]).toBe("Ежедневная сводка для Председателя, 23 августа 2023 г.");
    expect(discord.posted[0]!.text.split("\n")[0]).toBe("Daily digest for the Chair, 23 August 2023");

    expect(await app.text("secretariat", "/digest remove slack:C0CHAIR")).toBe("The digest will no longer go to slack:C0CHAIR.");
    expect(await app.text("secretariat", "/digest remove slack:C0CHAIR")).toContain("was not added by command");
    expect(await allDestinations(app.repos, [])).toEqual([{ platform: "discord", channelId: "998877", lang: "en" }]);
    const audit = (await app.repos.audit.recent(10)).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(["digest_destination_add", "digest_destination_remove"]));
  });

  it("GIVEN the Chair or a delegate WHEN they try to change destinations THEN they are refused and nothing changes", async () => {
    app = await testApp({ now: SEED_NOW });
    expect(await app.text("chair", "/digest to slack:C0CHAIR")).toBe("Sorry, only the Secretariat can do that.");
    expect(await app.text("India", "/digest to slack:C0CHAIR")).toMatch(/^Sorry, only the Chair, Secretariat can do that\./);
    expect(await allDestinations(app.repos, [])).toEqual([]);
  });

  it("GIVEN a malformed destination WHEN added THEN the usage is shown", async () => {
    app = await testApp({ now: SEED_NOW });
    expect(await app.text("secretariat", "/digest to telegram:123")).toMatch(/could not read that \/digest \(check: destination\)/);
    expect(await app.text("secretariat", "/digest to")).toMatch(/check: destination/);
  });

  it("GIVEN no destination WHEN the Chair asks for the status and a preview THEN both work and the status says where to add one", async () => {
    app = await testApp({ now: SEED_NOW });
    const status = await app.text("chair", "/digest status");
    expect(status).toContain("No destination yet");
    expect(status).toContain("Nothing sent yet.");
    expect(await app.text("chair", "/digest 2023-08-23")).toContain("MC/2023/DRAFT/4 — Israel (reservation");
  });

  it("GIVEN destinations from the environment WHEN the bot has started THEN /digest status lists them with the schedule, in Russian too", async () => {
    app = await testApp({ now: SEED_NOW });
    const env = readEnv({ DIGEST_DESTINATIONS: "slack:C0CHAIR:en, discord:998877:ru", DIGEST_TIME: "09:15", DIGEST_TZ: "Europe/Berlin" });
    await recordEnvConfig(app.repos, new Date(), parseDestinationList(env.DIGEST_DESTINATIONS, PLATFORM_NAMES), `${env.DIGEST_TIME} ${env.DIGEST_TZ}`);
    const status = await app.text("chair", "/digest status");
    expect(status).toContain("Sent every day at 09:15 (Europe/Berlin).");
    expect(status).toContain("slack:C0CHAIR · English · configuration");
    expect(status).toContain("discord:998877 · Russian · configuration");
    const ru = await app.text("chair", "/digest status", { actor: { platform: "console", userId: "chair", role: "chair", via: "console", lang: "ru" } });
    expect(ru).toContain("discord:998877 · русский · конфигурация");
  });

  it("GIVEN a malformed DIGEST_DESTINATIONS WHEN the configuration is read THEN it is refused with an example", () => {
    expect(() => readEnv({ DIGEST_DESTINATIONS: "slack" })).toThrow(/DIGEST_DESTINATIONS must be platform:channel\[:en\|ru\]/);
    expect(() => readEnv({ DIGEST_DESTINATIONS: "slack:C1:de" })).toThrow(/DIGEST_DESTINATIONS/);
    expect(readEnv({ DIGEST_DESTINATIONS: "" }).DIGEST_DESTINATIONS).toBeUndefined();
  });
});
