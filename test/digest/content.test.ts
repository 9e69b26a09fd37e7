import { afterEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { testApp, SEED_NOW, type TestApp } from "../helpers/app.ts";
import { digestFor } from "../../src/digest/deliver.ts";
import { formatReply, toMarkdown } from "../../src/digest/format.ts";
import { toPlainText } from "../../src/services/reply.ts";
import { CICA } from "../helpers/forum.ts";

const rtOf = (app: TestApp) => ({ repos: app.repos, timeZone: "Asia/Almaty", forum: CICA, digestTime: "08:30", digestTz: "Asia/Almaty" });
const digestText = async (app: TestApp, day: string, lang: "en" | "ru" = "en") => toPlainText(await digestFor(rtOf(app), day, lang));
const headings = (text: string) => [...text.matchAll(/^== (.+) ==$/gm)].map((m) => m[1]);

describe("digest content on the seed scenario", () => {
  let app: TestApp;
  afterEach(async () => app?.close());

  it("GIVEN the SOC meeting of 22 August WHEN the digest of 23 August is built THEN it reports the reservations, the offers with tallies and what is still blocked, in order", async () => {
    app = await testApp({ now: SEED_NOW });
    const text = await digestText(app, "2023-08-23");
    expect(text.split("\n")[0]).toBe("Daily digest for the Chair, 23 August 2023");
    expect(text).toContain("8 new objection(s)/reservation(s) · 0 new comment(s) · 4 item(s) blocked · 0 deadline(s) in 14 days");
    expect(headings(text)).toEqual(["Most important", "Objections and reservations", "Offers to coordinate", "Still blocked", "Nominations"]);
    expect(text).toMatch(/NEW #\d+ Israel: reservation on MC\/2023\/DRAFT\/4: “Reservation on the entire document/);
    expect(text).toMatch(/NEW #\d+ India: reservation on nomination of Ms\. Zhang Ling \(CICA Deputy Secretary General\)/);
    // Objections on offers are objections too: the five against Israel's offer and Israel's request for time.
    expect(text).toMatch(/NEW #\d+ Palestine: objection on offer of Israel \(Co-coordinator, Sustainable development\)/);
    expect(text).toMatch(/NEW #\d+ Israel: needs more time on offer of Iraq \(Co-coordinator, Combating terrorism\)/);
    expect(text).toContain("offer of Iraq (Co-coordinator, Combating terrorism): Palestine: support; Kuwait: support; Russian Federation: support; Qatar: support; Iran: support; Israel: needs more time. Tally: 5 for, 0 against, 1 needing more time");
    expect(text).toContain("offer of Israel (Co-coordinator, Sustainable development): Republic of Korea: support; Palestine: objection; Kuwait: objection; Qatar: objection; Iran: objection; Iraq: objection. Tally: 1 for, 5 against, 0 needing more time");
    const blocked = text.slice(text.indexOf("== Still blocked =="));
    expect(blocked).toContain("MC/2023/DRAFT/4 — Israel (reservation, since 22 August 2023)");
    expect(blocked).toContain("nomination of Ms. Zhang Ling (CICA Deputy Secretary General) — India (reservation, since 22 August 2023)");
    expect(blocked).toContain("offer of Israel (Co-coordinator, Sustainable development) — Palestine (objection, since 22 August 2023); Kuwait (objection");
    // The three most important items come first: the two reservations lead.
    const top = text.slice(text.indexOf("== Most important =="), text.indexOf("== Objections"));
    expect(top.match(/^ {2}• /gm)).toHaveLength(3);
    expect(top).toMatch(/Israel: reservation on MC\/2023\/DRAFT\/4[\s\S]*India: reservation on nomination/);
  });

  it("GIVEN a quiet mid-September morning WHEN the digest is built THEN only deadlines within 14 days and the blocked items appear", async () => {
    app = await testApp({ now: "2023-09-16T09:00:00+05:00" });
    const text = await digestText(app, "2023-09-16");
    expect(headings(text)).toEqual(["Most important", "Due in the next 14 days", "Still blocked", "Not yet responded"]);
    const due = text.slice(text.indexOf("== Due"), text.indexOf("== Still"));
    expect(due).toMatch(/21 September 2023 — Informal CICA Ministerial Council Meeting.* · 5 days left/);
    expect(due).toMatch(/30 September 2023 — .* · 14 days left/);
    expect(due).not.toContain("2 October 2023");
    expect(text).toContain("0 new objection(s)/reservation(s) · 0 new comment(s) · 4 item(s) blocked · 3 deadline(s) in 14 days");
    expect(text).not.toContain("Objections and reservations");
  });

  it("GIVEN the seed scenario WHEN the digest is built in Russian THEN headings, names and dates are Russian", async () => {
    app = await testApp({ now: SEED_NOW });
    const text = await digestText(app, "2023-08-23", "ru");
    expect(text.split("\n")[0]).toBe("Ежедневная сводка для Председателя, 23 августа 2023 г.");
    expect(headings(text)).toEqual(["Самое важное", "Возражения и оговорки", "Предложения о координации", "По-прежнему заблокировано", "Кандидатуры"]);
    expect(text).toContain("MC/2023/DRAFT/4 — Израиль (оговорка, с 22 августа 2023 г.)");
    expect(text).toContain("Итог: за — 5, против — 0, нужно время — 1");
    expect(text).not.toMatch(/Still blocked|Tally|needs more time/);
  });

  it("GIVEN new comments and a withdrawal WHEN the next digests are built THEN comments are grouped per paragraph with counts per delegation, long ones shortened with a way to read them, and the withdrawal is reported", async () => {
    app = await testApp({ now: "2023-08-23T10:00:00+05:00" });
    const long = `Replace "two to four years" with "three years". ${"The term should be predictable for all Member States. ".repeat(6)}END-OF-LONG-TEXT`;
    expect((await app.text("India", `/comment MC/2023/DRAFT/4 para 1.10 kind drafting ${long}`))).toMatch(/Comment #\d+ filed/);
    app.setNow("2023-08-23T11:00:00+05:00");
    await app.as("India", "/comment MC/2023/DRAFT/4 para 1.10 We can accept three years");
    await app.as("China", "/comment MC/2023/DRAFT/4 para 1.10 kind question Why not four?");
    const text = await digestText(app, "2023-08-24");
    expect(headings(text)).toContain("New comments");
    expect(text).toMatch(/MC\/2023\/DRAFT\/4 para 1\.10 — 3 comment\(s\) \((India 2, China 1|China 1, India 2)\)/);
    expect(text).toContain("(full text: /drafts MC/2023/DRAFT/4 para 1.10)");
    expect(text).not.toContain("END-OF-LONG-TEXT");
    expect(text).toContain("0 new objection(s)/reservation(s) · 3 new comment(s)");

    const israel = (await app.repos.positions.openOf("ISR")).find((p) => p.targetRef === "MC/2023/DRAFT/4")!;
    app.setNow("2023-08-24T12:00:00+05:00");
    expect(await app.text("Israel", `/withdraw ${israel.id}`)).toMatch(/withdrawn/i);
    const next = await digestText(app, "2023-08-25");
    expect(next).toContain(`WITHDRAWN #${israel.id} Israel: reservation on MC/2023/DRAFT/4`);
    expect(next.slice(next.indexOf("== Still blocked =="))).not.toContain("MC/2023/DRAFT/4 —");
  });

  it("GIVEN user text with Markdown characters WHEN the digest is printed as Markdown THEN it has headings and lists and the text cannot become markup", async () => {
    app = await testApp({ now: "2023-08-23T10:00:00+05:00" });
    await app.as("India", "/comment MC/2023/DRAFT/4 para 1.10 Use *three* years, see [link](http://x) <b>now</b>");
    const md = toMarkdown(await digestFor(rtOf(app), "2023-08-24", "en"));
    expect(md.startsWith("# Daily digest for the Chair, 24 August 2023\n")).toBe(true);
    expect(md).toContain("\n## Still blocked\n");
    expect(md).toMatch(/\n- MC\/2023\/DRAFT\/4 para 1\.10 — 1 comment\(s\) \(India 1\)\n {2}- #\d+ India/);
    expect(md).toContain("Use \\*three\\* years, see \\[link\\](http://x) \\<b\\>now\\</b\\>");
    expect(formatReply(await digestFor(rtOf(app), "2023-08-24", "en"), "text")).toContain("== Still blocked ==");
  });

  it("GIVEN the CLI WHEN run for 23 August in Markdown and Russian THEN it prints that digest", async () => {
    app = await testApp({ now: SEED_NOW });
    const url = app.url;
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/digest.ts", "--date", "2023-08-23", "--format", "md", "--lang", "ru"], {
      env: { ...process.env, NOW: "2023-08-23T09:00:00+05:00", DATABASE_URL: url, DIGEST_DESTINATIONS: "", LOG_LEVEL: "silent" },
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith("# Ежедневная сводка для Председателя, 23 августа 2023 г.\n")).toBe(true);
    expect(r.stdout).toContain("## По-прежнему заблокировано");
    expect(r.stdout).toContain("- MC/2023/DRAFT/4 — Израиль (оговорка, с 22 августа 2023 г.)");
  });

  it("GIVEN a bad --date WHEN the CLI runs THEN it prints the usage and fails", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/digest.ts", "--date", "23.08.2023"], { encoding: "utf8", env: { ...process.env, LOG_LEVEL: "silent" } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage: npm run digest -- [--date YYYY-MM-DD]");
  });
});
