/**
 * Issue 9, items 1 and 5–8, through the desk as every platform calls it. Each test was run against the
 * code before the fix and failed there.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";
import { toPlainText } from "../../src/services/reply.ts";

let app: TestApp;
beforeEach(async () => { app = await testApp(); });
afterEach(async () => { await app.close(); });

const slack = (userId: string, line: string, extra: Record<string, unknown> = {}) => {
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line)!;
  return app.desk.run({ platform: "slack", userId, command: m[1]!, text: m[2]!, ...extra });
};

describe("item 1: /lang never grants a delegation", () => {
  it("GIVEN an unlinked Slack user in a channel linked to India WHEN they type /lang en and then post elsewhere THEN they act for no one", async () => {
    expect((await app.as("secretariat", "/link channel slack:C-IND India")).status).toBe("ok");
    const lang = await slack("U-STRANGER", "/lang en", { channelId: "C-IND", requestKey: "k-lang" });
    expect(lang.status).toBe("ok");
    expect(await app.repos.identities.find("slack", "U-STRANGER")).toBeNull();
    const elsewhere = await slack("U-STRANGER", "/object DRAFT/4 para 1.10 as objection We object", { channelId: "C-OTHER", requestKey: "k-obj" });
    expect(elsewhere.status).toBe("not_linked");
    expect((await app.repos.positions.byKey("k-obj"))).toBeNull();
  });

  it("GIVEN a Discord member holding a role mapped to Israel WHEN they choose Russian and the role is removed THEN they act for no one, and still read Russian", async () => {
    await app.as("secretariat", "/link role discord:R-ISR Israel");
    const withRole = await app.desk.run({ platform: "discord", userId: "D-X", roleIds: ["R-ISR"], command: "lang", options: { lang: "ru" }, requestKey: "i1" });
    expect(withRole.summary).toMatch(/русский/i);
    expect(await app.repos.identities.find("discord", "D-X")).toBeNull();
    const without = await app.desk.run({ platform: "discord", userId: "D-X", roleIds: [], command: "comment", options: { document: "MC/2023/DRAFT/4", text: "Текст" }, requestKey: "i2" });
    expect(without.status).toBe("not_linked");
    expect(without.summary).toMatch(/[а-я]/i);
  });

  it("GIVEN a linked delegate WHEN they choose a language THEN their role and delegation are unchanged", async () => {
    await app.as("secretariat", "/link user slack:U-IND India");
    await slack("U-IND", "/lang ru", { requestKey: "l1" });
    const id = await app.repos.identities.find("slack", "U-IND");
    expect(id).toMatchObject({ role: "delegate", stateCode: "IND" });
    expect(toPlainText(await slack("U-IND", "/coordinators ICT", { requestKey: "l2" }))).toMatch(/Российская Федерация/);
  });
});

describe("item 1 (language): the platform locale until /lang", () => {
  it("GIVEN a Russian platform locale and no choice THEN replies are Russian; /lang en overrides it", async () => {
    await app.as("secretariat", "/link user discord:D-KAZ Kazakhstan");
    const ru = await app.desk.run({ platform: "discord", userId: "D-KAZ", locale: "ru", command: "coordinators", options: { query: "ICT" } });
    expect(toPlainText(ru)).toMatch(/Российская Федерация/);
    await app.desk.run({ platform: "discord", userId: "D-KAZ", locale: "ru", command: "lang", options: { lang: "en" }, requestKey: "x" });
    const en = await app.desk.run({ platform: "discord", userId: "D-KAZ", locale: "ru", command: "coordinators", options: { query: "ICT" } });
    expect(toPlainText(en)).toMatch(/Russian Federation/);
  });
});

describe("item 5: words that are object keys", () => {
  for (const word of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]) {
    it(`GIVEN "${word}" as a keyword position THEN the words are kept as text, never a crash`, async () => {
      const r = await app.as("India", `/comment DRAFT/4 ${word} ${word} kept`);
      expect(r.status).toBe("ok");
      const c = (await app.repos.comments.ofState("IND"))[0]!;
      expect(c.text).toBe(`${word} ${word} kept`);
      const o = await app.as("India", `/object DRAFT/4 para 1.10 ${word} x because`);
      expect(o.summary).not.toMatch(/Something went wrong/);
      const e = await app.as("India", `/events propose ${word}: x; title: Seminar; concept: c; purpose: p; organisers: IND`);
      expect(e.status).toBe("ok");
      const k = await app.as("secretariat", `/link ${word} slack:U1 India`);
      expect(k.summary).not.toMatch(/Something went wrong/);
    });
  }
});

describe("item 6: a second silence procedure on the same day", () => {
  it("GIVEN a silence broken today WHEN the Secretariat starts another on the same document THEN it starts, with its own id", async () => {
    const first = await app.as("secretariat", "/silence start DRAFT/4 2023-09-10");
    expect(first.status).toBe("ok");
    const id = /sp-[\w-]+/.exec(first.summary)![0];
    expect((await app.as("Israel", `/object silence:${id} breaking it`)).status).toBe("ok");
    const second = await app.as("secretariat", "/silence start DRAFT/4 2023-09-12");
    expect(second.summary).not.toMatch(/Not saved/);
    expect(second.status).toBe("ok");
    expect(second.summary).toMatch(new RegExp(`${id}-2`));
  });
});

describe("item 7: retried requests write once", () => {
  const auditCount = async () => (await app.repos.audit.recent(1000)).length;

  it("GIVEN /events propose twice with one request key THEN one event and one audit row", async () => {
    const line = "/events propose title: Seminar on ICT security; concept: Exchange; purpose: Confidence; organisers: RUS; dates: 2024-04-10..2024-04-11";
    const before = (await app.repos.events.list(2024)).length;
    const audits = await auditCount();
    const [a, b] = await Promise.all([app.as("Russia", line, { requestKey: "retry-1" }), app.as("Russia", line, { requestKey: "retry-1" })]);
    const again = await app.as("Russia", line, { requestKey: "retry-1" });
    expect([a.status, b.status, again.status].filter((s) => s === "ok")).toHaveLength(1);
    expect((await app.repos.events.list(2024)).length).toBe(before + 1);
    expect(await auditCount()).toBe(audits + 1);
  });

  it("GIVEN /comment edit twice with one request key THEN one version and one audit row", async () => {
    await app.as("India", "/comment DRAFT/4 para 1.10 First text");
    const id = (await app.repos.comments.ofState("IND"))[0]!.id;
    const audits = await auditCount();
    await Promise.all([app.as("India", `/comment edit ${id} Second text`, { requestKey: "e-1" }), app.as("India", `/comment edit ${id} Second text`, { requestKey: "e-1" })]);
    await app.as("India", `/comment edit ${id} Second text`, { requestKey: "e-1" });
    expect(await app.repos.comments.versions(id)).toHaveLength(1);
    expect(await auditCount()).toBe(audits + 1);
  });

  it("GIVEN /link twice with one request key THEN one audit row", async () => {
    const audits = await auditCount();
    await Promise.all([app.as("secretariat", "/link user slack:U-NEW India", { requestKey: "l-1" }), app.as("secretariat", "/link user slack:U-NEW India", { requestKey: "l-1" })]);
    await app.as("secretariat", "/link channel slack:C-NEW India", { requestKey: "l-2" });
    await app.as("secretariat", "/link channel slack:C-NEW India", { requestKey: "l-2" });
    expect(await auditCount()).toBe(audits + 2);
  });
});

describe("item 8: restriction follows the matter", () => {
  it("GIVEN the SWG recommendations (public) THEN an observer sees neither the pending offers of Iraq and Israel nor objections to them", async () => {
    const doc = await app.text("Turkmenistan", "/drafts SWG/2023-II/INF/2");
    expect(doc).toMatch(/restricted to Member States/);
    expect(doc).not.toMatch(/offer of Iraq|Israel submitted/);
    for (const para of ["5", "6"]) {
      const p = await app.text("Turkmenistan", `/drafts SWG/2023-II/INF/2 para ${para}`);
      expect(p).not.toMatch(/Iraq|Israel/);
      expect(p).toMatch(/restricted to Member States/);
    }
    const sugg = await app.desk.suggest("paragraph", "", { platform: "console", userId: "x", actor: { platform: "console", userId: "tkm", role: "observer", stateCode: "TKM", via: "console" } }, { document: "SWG/2023-II/INF/2" });
    expect(sugg.map((s) => s.value)).not.toContain("5");
    // A Member State still reads them.
    expect(await app.text("India", "/drafts SWG/2023-II/INF/2 para 6")).toMatch(/Israel submitted/);
  });
});
