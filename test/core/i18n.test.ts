import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.ts";
import { ru } from "../../src/i18n/ru.ts";
import { commands } from "../../commands/index.ts";
import { testApp, type TestApp } from "../helpers/app.ts";

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe("English and Russian", () => {
  it("GIVEN the catalogue THEN every Russian message is filled, in Cyrillic where it has words, with the same placeholders", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ru[key], key).toBeTruthy();
      expect(placeholders(ru[key]), key).toEqual(placeholders(en[key]));
    }
    const latinOnly = (Object.keys(ru) as (keyof typeof ru)[]).filter((k) => /[a-z]{4,}/i.test(ru[k].replace(/\{\w+\}|\/\w+|[a-z]+:|MC\/\S+/g, "")) && !/[а-яё]/i.test(ru[k]));
    expect(latinOnly).toEqual([]);
  });

  it("GIVEN every command THEN its description and usage exist in both languages", () => {
    for (const c of commands) {
      expect(c.description.ru).toMatch(/[а-яё]/i);
      expect(c.usage.ru.startsWith(`/${c.name}`)).toBe(true);
      for (const o of c.options) expect(o.description.ru, `${c.name}.${o.name}`).toMatch(/[а-яё]/i);
    }
  });

  describe("GIVEN India's delegate chose Russian", () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await testApp();
      await app.as("secretariat", "/link user slack:UIND India");
      await app.desk.run({ platform: "slack", userId: "UIND", command: "lang", text: "ru" });
    });
    afterAll(async () => { await app.close(); });
    const run = (command: string, text = "") => app.desk.run({ platform: "slack", userId: "UIND", command, text });

    it("THEN a comment is confirmed in Russian", async () => {
      expect((await run("comment", "DRAFT/4 para 1.10 Три года")).summary).toBe("Комментарий №1 от делегации «Индия» к MC/2023/DRAFT/4, пункт 1.10 зарегистрирован (общее замечание).");
    });
    it("THEN deadlines, areas and errors are in Russian", async () => {
      const d = await run("deadlines", "all");
      expect(d.summary).toMatch(/^Сроки, все предстоящие/);
      expect(JSON.stringify(d.blocks)).toMatch(/30 сентября 2023 г\./);
      expect((await run("coordinators", "terror")).summary).toBe("Координация: Борьба с терроризмом");
      expect((await run("drafts", "DRAFT/99")).summary).toBe("Не удалось найти документ «DRAFT/99».");
      expect((await run("digest")).summary).toBe("Извините, это может сделать только: Председатель, Секретариат.");
    });
    it("THEN a platform locale of ru is used for someone not yet linked", async () => {
      const r = await app.desk.run({ platform: "discord", userId: "new", command: "drafts", locale: "ru" });
      expect(r.summary).toBe("Ваша учётная запись ещё не привязана к делегации.");
    });
  });
});

describe("Russian dates at the end of a sentence", () => {
  it("GIVEN a message ending in a date THEN the year's abbreviation point is also the full stop (no “г..”)", async () => {
    const { translator } = await import("../../src/i18n/index.ts");
    const line = translator("ru")("cy_due_line", { date: "15 марта 2024 г." });
    expect(line).toBe("Срок комментариев — 15 марта 2024 г.");
    expect(translator("en")("cy_due_line", { date: "15 March 2024" })).toMatch(/15 March 2024\.$/);
  });
});

