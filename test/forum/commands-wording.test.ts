/**
 * The command files name no forum: their descriptions and labels take the forum's words ({measure},
 * {decider} …) from its description, so a second forum's people read their own terms (issue 10).
 */
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { commandsForForum } from "../../src/core/forum-commands.ts";
import { loadForum } from "../../src/forum/load.ts";

const texts = (list: ReturnType<typeof commandsForForum>, lang: "en" | "ru") =>
  list.flatMap((c) => [c.description[lang], c.usage[lang], ...c.options.flatMap((o) => [o.description[lang], ...(o.choices ?? []).map((x) => x.label[lang]), ...(o.pinnedSuggestions ?? []).map((x) => x.label[lang])])]);

describe("the commands in a forum's words", () => {
  const cica = commandsForForum(commands, loadForum("data/cica.yaml"));
  const lakes = commandsForForum(commands, loadForum("test/fixtures/northern-lakes.yaml"));

  it("GIVEN CICA THEN /events reads as CICA's Plan of CBM events, in English and Russian", () => {
    const events = cica.find((c) => c.name === "events")!;
    expect(events.description.en).toBe("The annual Plan of CBM events; propose an event with the template fields");
    expect(events.description.ru).toContain("мероприятий по МД");
    expect(events.options.flatMap((o) => o.pinnedSuggestions ?? []).map((p) => p.label.en)).toEqual(["➕ Propose a CBM event (opens the form)"]);
  });

  it("GIVEN the Northern Lakes Forum THEN no command text carries CICA's words, and none is left unfilled", () => {
    const all = [...texts(lakes, "en"), ...texts(lakes, "ru")];
    expect(all.filter((s) => /\bCBMs?\b|CICA|СВМДА|(?<![\p{L}])(МД|СДЛ|СМИД)(?![\p{L}])|\bSOC\b|\bMC\b/u.test(s))).toEqual([]);
    expect(all.filter((s) => /\{\w+\}/.test(s))).toEqual([]);
    expect(lakes.find((c) => c.name === "events")!.description.en).toContain("cooperation events");
  });

  it("GIVEN the registry THEN filling it changes only words: names, options and order stay", () => {
    expect(lakes.map((c) => [c.name, c.options.map((o) => o.name)])).toEqual(commands.map((c) => [c.name, c.options.map((o) => o.name)]));
  });
});
