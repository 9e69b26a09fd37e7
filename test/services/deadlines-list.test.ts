/**
 * /deadlines (src/services/deadlines.ts listDeadlines, dueLine, ruleTag) on the seeds: the window and its last day,
 * "today", "tomorrow", days left and days ago, the rule each obligation comes from (and whether that text is
 * adopted), what an observer is told of the draft rules, and the empty answer, in English and Russian.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SEED_NOW, asRussian, testApp, type TestApp } from "../helpers/app.ts";
import type { Reply } from "../../src/services/reply.ts";
import { datedItems } from "../../src/services/dated.ts";
import { dueLine, listDeadlines, ruleTag } from "../../src/services/deadlines.ts";
import { ctxAs } from "./positions-helpers.ts";
import { CICA } from "../helpers/forum.ts";

let app: TestApp;
beforeEach(async () => { app = await testApp(); });
afterEach(async () => app?.close());

const list = (r: Reply) => (r.blocks.find((b) => b.type === "list") as { items: string[] } | undefined)?.items ?? [];
const at = async (now: string, who: string, line: string) => { app.setNow(now); return app.as(who, line); };
const MC = "Informal CICA Ministerial Council Meeting, New York (sidelines of the High-level Week of the 78th session of the UN General Assembly)";
const PLAN = "Submit preliminary information on CBM events planned in 2024";

describe("the window: 60 days unless asked, its last day included (seeds/000: MC on 21 September 2023)", () => {
  it("GIVEN 23 August 2023 WHEN India asks /deadlines THEN the next 60 days: four dated items, in date order, with days left", async () => {
    const r = await app.as("India", "/deadlines");
    expect(r.status).toBe("ok");
    expect(r.summary).toBe("Deadlines, next 60 days (4)");
    expect(list(r)).toEqual([
      `21 September 2023 — ${MC} · meeting · 29 days left`,
      expect.stringMatching(/^22 September 2023 — Side Event "The United Nations, CICA and Regional Organizations[^·]+· event · 30 days left$/),
      expect.stringMatching(new RegExp(`^30 September 2023 — ${PLAN} [^·]+· event plan · 38 days left \\(rule: seeds/000 item 6\\)$`)),
      "2 October 2023 — Online CICA Seminar on Digital Forensics (2-3 October 2023), organised by the Russian Federation · event · 40 days left",
    ]);
  });

  it("WHEN the window ends on the meeting's day (29 days) THEN it is listed; one day shorter (28) THEN nothing falls due, with the hint", async () => {
    const r29 = await app.as("India", "/deadlines 29");
    expect(r29.summary).toBe("Deadlines, next 29 days (1)");
    expect(list(r29)).toEqual([`21 September 2023 — ${MC} · meeting · 29 days left`]);
    const r28 = await app.as("India", "/deadlines 28");
    expect(r28.status).toBe("info");
    expect(r28.summary).toBe("Nothing falls due (next 28 days).");
    expect(r28.blocks).toEqual([{ type: "context", text: "Type /deadlines all for everything ahead, or /deadlines 14 for two weeks." }]);
  });

  it("in Russian: the title, the scope and the empty answer", async () => {
    const r = await asRussian(app, "India", "/deadlines 29");
    expect(r.summary).toBe("Сроки, ближайшие 29 дн. (1)");
    expect(list(r)).toEqual(["21 сентября 2023 г. — Неформальное заседание Совета министров СВМДА, Нью-Йорк (на полях недели высокого уровня 78-й сессии Генеральной Ассамблеи ООН) · заседание · осталось дней: 29"]);
    const none = await asRussian(app, "India", "/deadlines 14");
    expect(none.summary).toBe("Сроков нет (ближайшие 14 дн.).");
    expect(none.blocks).toEqual([{ type: "context", text: "Введите /deadlines all, чтобы увидеть всё, или /deadlines 14 — на две недели." }]);
  });

  it("/deadlines all: everything still ahead, up to the end of the ICT tenure on 31 December 2025", async () => {
    const r = await app.as("India", "/deadlines all");
    expect(r.summary).toBe("Deadlines, all upcoming (12)");
    expect(list(r).at(-1)).toMatch(/^31 December 2025 — End of tenure 2024-2025: Russian Federation \(coordinator\) and China \(co-coordinator\)[^·]+· tenure · 861 days left \(draft rule: MC\/2023\/DRAFT\/4 paras 1\.3, 1\.12 \(not adopted\)\)$/);
    expect((await asRussian(app, "India", "/deadlines all")).summary).toBe("Сроки, все предстоящие (12)");
  });

  it("the service's default window is 60 days, as the command's", async () => {
    const r = await listDeadlines(await ctxAs(app, "India", SEED_NOW));
    expect(r.summary).toBe("Deadlines, next 60 days (4)");
  });
});

describe("days left, today, tomorrow, days ago", () => {
  it("on the eve of the MC meeting it is 'tomorrow', on its day 'today', two days before '2 days left'", async () => {
    expect(list(await at("2023-09-19T12:00:00+05:00", "India", "/deadlines 2"))).toEqual([`21 September 2023 — ${MC} · meeting · 2 days left`]);
    expect(list(await at("2023-09-20T12:00:00+05:00", "India", "/deadlines 1"))).toEqual([`21 September 2023 — ${MC} · meeting · tomorrow`]);
    const on = list(await at("2023-09-21T12:00:00+05:00", "India", "/deadlines 1"));
    expect(on[0]).toBe(`21 September 2023 — ${MC} · meeting · today`);
    expect(on[1]).toMatch(/^22 September 2023 — Side Event [^·]+· event · tomorrow$/);
    expect(on).toHaveLength(2);
    app.setNow("2023-09-20T12:00:00+05:00");
    expect(list(await asRussian(app, "India", "/deadlines 1"))).toEqual([expect.stringMatching(/· заседание · завтра$/)]);
    app.setNow("2023-09-21T12:00:00+05:00");
    expect(list(await asRussian(app, "India", "/deadlines 1"))[0]).toMatch(/· заседание · сегодня$/);
  });

  it("a date already past is 'N days ago' (the comments on MC/2023/DRAFT/4, due 15 July 2023, seen on 23 August)", async () => {
    for (const [lang, ago] of [["en", "39 days ago"], ["ru", "дней назад: 39"]] as const) {
      const ctx = await ctxAs(app, "India", SEED_NOW, lang);
      const [item] = (await datedItems(ctx, "2023-07-15", "2023-07-15")).filter((i) => i.kind === "comments_due");
      expect(item?.daysLeft).toBe(-39);
      expect(dueLine(ctx, item!)).toMatch(new RegExp(` · ${ago}$`));
    }
  });
});

describe("where an obligation comes from (MC/2023/DRAFT/4 is not adopted on 23 August 2023)", () => {
  it("a modalities rule names the draft and its paragraph, one 'para' or two 'paras'; a SOC decision names its minutes", async () => {
    const l = list(await app.as("India", "/deadlines all"));
    expect(l).toContainEqual("1 December 2023 — Coordinators' and Co-coordinators' written contributions to the SOC review of 2023 · review window · 100 days left (draft rule: MC/2023/DRAFT/4 para 3.5 (not adopted))");
    expect(l).toContainEqual("31 December 2023 — SOC regular review of CBM implementation in 2023 (not less than once a year) · review window · 130 days left (draft rule: MC/2023/DRAFT/4 para 3.2 (not adopted))");
    expect(l).toContainEqual("31 December 2024 — SOC approval of the Annual Plan of Implementation of CBMs for 2025 (before the end of the year) · other · 496 days left (rule: seeds/000 item 6)");
  });

  it("in Russian the paragraph is 'п.' and paragraphs 'пп.', never the English word", async () => {
    const l = list(await asRussian(app, "India", "/deadlines all"));
    expect(l).toContainEqual("1 декабря 2023 г. — Письменные материалы координаторов и сокоординаторов к обзору КСДЛ 2023 года · период рассмотрения · осталось дней: 100 (проект правила: MC/2023/DRAFT/4 п. 3.5 (не принят))");
    expect(l.at(-1)).toMatch(/ · срок полномочий · осталось дней: 861 \(проект правила: MC\/2023\/DRAFT\/4 пп\. 1\.3, 1\.12 \(не принят\)\)$/);
    expect(l.join("\n")).not.toMatch(/\bparas?\b/);
  });

  it("an observer (Turkmenistan) is told of 'the draft rules on modalities', never the restricted draft's symbol", async () => {
    const l = list(await app.as("Turkmenistan", "/deadlines all"));
    expect(l).toContainEqual("1 December 2023 — Coordinators' and Co-coordinators' written contributions to the SOC review of 2023 · review window · 100 days left (draft rule: the draft rules on modalities of CBM implementation para 3.5 (not adopted))");
    expect(l.join("\n")).not.toMatch(/DRAFT\/4/);
    const ru = list(await asRussian(app, "Turkmenistan", "/deadlines all"));
    expect(ru).toContainEqual(expect.stringMatching(/\(проект правила: проект правил о модальностях реализации МД п\. 3\.5 \(не принят\)\)$/));
  });

  it("a comment due date and a meeting cite no rule: the line ends with the days", async () => {
    const ctx = await ctxAs(app, "India", "2023-07-01T12:00:00+05:00");
    const items = await datedItems(ctx, "2023-07-01", "2023-07-31");
    const c = items.find((i) => i.kind === "comments_due")!;
    expect(c.rule).toBe("comments_due");
    expect(ruleTag(ctx, c)).toBe("");
    expect(dueLine(ctx, c)).toBe("15 July 2023 — Comments to the Secretariat on the draft MC decision on modalities of implementation of CICA CBMs (MC/2023/DRAFT/4, based on MC/2023/SEC/1) · comments due · 14 days left");
  });

  it("GIVEN the Secretariat records MC/2023/DRAFT/4 as adopted WHEN India lists THEN its rules are rules, no longer draft rules", async () => {
    const d = await app.as("secretariat", "/decide MC/2023/DRAFT/4 adopted override Adopted by the Ministerial Council");
    expect(d.status).toBe("ok");
    const l = list(await app.as("India", "/deadlines all"));
    expect(l).toContainEqual(expect.stringMatching(/written contributions to the SOC review of 2023 · review window · 100 days left \(rule: MC\/2023\/DRAFT\/4 para 3\.5\)$/));
    expect(l.join("\n")).not.toMatch(/draft rule/);
  });
});

describe("a date the Secretariat adds (/deadline add … deadline …)", () => {
  it("shows its kind as a word, in English and Russian", async () => {
    expect((await app.as("secretariat", "/deadline add 2023-09-15 deadline Nominations for the Deputy Secretary General")).status).toBe("ok");
    expect(list(await app.as("India", "/deadlines 30"))).toContainEqual("15 September 2023 — Nominations for the Deputy Secretary General · deadline · 23 days left");
    expect(list(await asRussian(app, "India", "/deadlines 30"))).toContainEqual("15 сентября 2023 г. — Nominations for the Deputy Secretary General · срок · осталось дней: 23");
  });
});

describe("a forum whose citations differ (its description's rules.citations)", () => {
  it("a decision cited by its paragraph alone reads 'rule: item 6'; a rule it cites nowhere carries no tag", async () => {
    const { plan_proposals: pp, cbm_review: _, ...rest } = CICA.rules.citations;
    const forum = { ...CICA, rules: { ...CICA.rules, citations: { ...rest, plan_proposals: { para: pp!.para, source: pp!.source } } } };
    const ctx = await ctxAs(app, "India", SEED_NOW, "en", { settings: { timeZone: CICA.timeZone, forum: forum as typeof CICA } });
    const xs = await datedItems(ctx, "2023-08-23", "2023-12-31");
    expect(ruleTag(ctx, xs.find((i) => i.id === "event-plan-2024-inputs")!)).toBe(" (rule: item 6)");
    expect(ruleTag(ctx, xs.find((i) => i.id === "cbm-review-2023")!)).toBe("");
    expect(dueLine(ctx, xs.find((i) => i.id === "cbm-review-2023")!)).toBe("31 December 2023 — SOC regular review of CBM implementation in 2023 (not less than once a year) · review window · 130 days left");
  });
});
