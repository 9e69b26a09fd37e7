/** The compilation of comments: filed through the desk, then read back from the real .docx (mammoth and the raw XML), Markdown and CSV. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import mammoth from "mammoth";
import { unzipEntry } from "../helpers/zip.ts";
import { testApp, type TestApp } from "../helpers/app.ts";
import { exportPaper } from "../../src/papers/export.ts";
import { translator } from "../../src/i18n/index.ts";
import type { Ctx } from "../../src/services/context.ts";
import { CSV_COLUMNS } from "../../src/papers/compilation-text.ts";
import { CICA } from "../helpers/forum.ts";

/** Comments filed in the test: who, where, when (Astana), and a text found nowhere else. */
const FILED = [
  { who: "India", state: "India", para: "1.10", at: "2023-07-10T10:00:00+05:00", date: "10 July 2023", late: false, text: "Replace two years with three years [IND-1]" },
  { who: "China", state: "China", para: "1.10", at: "2023-07-14T18:00:00+05:00", date: "14 July 2023", late: false, text: "Keep the original wording [CHN-1]" },
  { who: "Kazakhstan", state: "Kazakhstan", para: "PP2", at: "2023-07-12T09:00:00+05:00", date: "12 July 2023", late: false, text: "Add a reference to the Catalogue [KAZ-1]" },
  { who: "India", state: "India", para: "2.3", at: "2023-07-20T09:00:00+05:00", date: "20 July 2023", late: true, text: "Late: delete this paragraph [IND-2]" },
  { who: "Thailand", state: "Thailand", para: undefined, at: "2023-07-01T09:00:00+05:00", date: "1 July 2023", late: false, text: "General support for the draft [THA-1]" },
];

async function file(app: TestApp) {
  for (const f of FILED) {
    app.setNow(f.at);
    const r = await app.as(f.who, `/comment MC/2023/DRAFT/4 ${f.para ? `para ${f.para} ` : ""}kind drafting ${f.text}`);
    expect(r.status, r.summary).toBe("ok");
  }
  app.setNow("2023-08-23T09:00:00+05:00");
}

const ctxOf = (app: TestApp, role: "secretariat" | "observer" = "secretariat", lang: "en" | "ru" = "en"): Ctx => ({
  repos: app.repos, clock: () => new Date("2023-08-23T09:00:00+05:00"), lang, t: translator(lang, CICA), settings: { timeZone: "Asia/Almaty", forum: CICA },
  actor: role === "secretariat" ? { platform: "console", userId: "secretariat", role, lang, via: "console" } : { platform: "console", userId: "tkm", role, stateCode: "TKM", lang, via: "console" },
});

/** Splits CSV per RFC 4180. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = "";
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (q) {
      if (c === '"' && s[i + 1] === '"') { f += '"'; i++; } else if (c === '"') q = false; else f += c;
    } else if (c === '"') q = true;
    else if (c === ",") { row.push(f); f = ""; } else if (c === "\r") continue;
    else if (c === "\n") { row.push(f); rows.push(row); row = []; f = ""; } else f += c;
  }
  return rows;
}

describe("compilation of comments", () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp();
    await file(app);
  });
  afterEach(async () => {
    await app.close();
  });

  it("GIVEN comments on several paragraphs WHEN compiled to .docx THEN each sits under its own paragraph with its state, date and late mark", async () => {
    const f = await exportPaper(ctxOf(app), "compilation", "DRAFT/4", "docx");
    expect(f.name).toBe("MC-2023-DRAFT-4-compilation.docx");
    const { value: text } = await mammoth.extractRawText({ buffer: f.data });
    const paras = text.split(/\n+/).map((l) => l.trim()).filter(Boolean);
    expect(paras[0]).toBe("Compilation of comments");
    expect(paras).toContain("Symbol: MC/2023/DRAFT/4");
    expect(paras).toContain("Comments due: 2023-07-15");
    const headings = paras.map((p, i) => (/^Paragraph \S+$/.test(p) || p === "General comments on the document" ? i : -1)).filter((i) => i >= 0);
    for (const c of FILED) {
      const at = paras.indexOf(c.text);
      expect(at, c.text).toBeGreaterThan(0);
      const section = paras[Math.max(...headings.filter((h) => h < at))];
      expect(section, c.text).toBe(c.para ? `Paragraph ${c.para}` : "General comments on the document");
      expect(paras[at - 1], c.text).toBe(`${c.state} (drafting proposal, ${c.date}${c.late ? ", late" : ""})`);
    }
    // Paragraph text keeps its brackets; the paragraph text comes right after its heading.
    const p110 = paras.indexOf("Paragraph 1.10");
    expect(paras[p110 + 1]).toMatch(/\S/);
    // Israel's reservation on the whole document (seeds/000 item 4) is a general entry.
    expect(text).toMatch(/Israel \(reservation, /);
    // Closing table: who commented, who did not (members only: the observer Turkmenistan is in neither).
    const { value: html } = await mammoth.convertToHtml({ buffer: f.data });
    const cells = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, "")));
    expect(cells[0]).toEqual(["Commented", "Did not comment"]);
    const commented = cells.slice(1).map((r) => r[0]).filter(Boolean);
    const silent = cells.slice(1).map((r) => r[1]).filter(Boolean);
    expect(commented.sort()).toEqual(["China", "India", "Israel", "Kazakhstan", "Thailand"]);
    expect(silent).toContain("Russian Federation");
    expect(silent).not.toContain("India");
    expect([...commented, ...silent]).not.toContain("Turkmenistan");
  });

  it("GIVEN the .docx THEN it has the UN compilation layout: shaded paragraph boxes and state names in bold", async () => {
    const f = await exportPaper(ctxOf(app), "compilation", "DRAFT/4", "docx");
    const xml = unzipEntry(f.data, "word/document.xml")!.toString("utf8");
    expect(xml).toMatch(/<w:shd [^>]*w:fill="E8E8E8"/);
    expect(xml).toMatch(/<w:pBdr>/);
    const { value: html } = await mammoth.convertToHtml({ buffer: f.data });
    for (const s of ["India", "China", "Kazakhstan", "Thailand"]) expect(html).toContain(`<strong>${s}</strong>`);
  });

  it("GIVEN the same compilation as CSV and Markdown THEN they agree row for row with each other and with the filed comments", async () => {
    const csv = parseCsv((await exportPaper(ctxOf(app), "compilation", "DRAFT/4", "csv")).data.toString("utf8"));
    const md = (await exportPaper(ctxOf(app), "compilation", "DRAFT/4", "md")).data.toString("utf8");
    expect(csv[0]).toEqual([...CSV_COLUMNS]);
    const rows = csv.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]!])));
    for (const c of FILED) {
      const row = rows.find((r) => r.text === c.text);
      expect(row, c.text).toMatchObject({ paragraph: c.para ?? "", state: c.state, kind: "drafting proposal", late: c.late ? "yes" : "", type: "comment" });
    }
    // Markdown: the same entries, under the same headings, in the same order.
    const unesc = (s: string) => s.replace(/\\([\\`*_{}[\]()<>#|!~])/g, "$1");
    const mdRows: { paragraph: string; state: string; text: string }[] = [];
    let section = "";
    for (const line of md.split("\n")) {
      const h = /^## Paragraph (.+)$/.exec(line);
      if (h) section = unesc(h[1]!);
      else if (line.startsWith("## ")) section = "";
      const e = /^- \*\*(.+?)\*\* \((.+?)\)(?:: (.*))?$/.exec(line);
      if (e) mdRows.push({ paragraph: section, state: unesc(e[1]!), text: unesc(e[3] ?? "") });
    }
    expect(mdRows).toEqual(rows.map((r) => ({ paragraph: r.paragraph, state: r.state, text: r.text })));
  });

  it("GIVEN since 2023-07-12 THEN earlier comments are left out; GIVEN Russian THEN the headings are Russian", async () => {
    const csv = (await exportPaper(ctxOf(app), "compilation", "DRAFT/4", "csv", "2023-07-12")).data.toString("utf8");
    expect(csv).not.toContain("[IND-1]");
    expect(csv).not.toContain("[THA-1]");
    expect(csv).toContain("[KAZ-1]");
    const ru = await exportPaper(ctxOf(app, "secretariat", "ru"), "compilation", "DRAFT/4", "docx");
    const { value } = await mammoth.extractRawText({ buffer: ru.data });
    expect(value).toMatch(/Сводка замечаний/);
    expect(value).toMatch(/Пункт 1\.10/);
    expect(value).toMatch(/Индия \(редакционное предложение, 10 июля 2023 г\.\)/);
    expect(value).toMatch(/Не представили замечаний/);
  });

  it("GIVEN an observer THEN a restricted draft is refused and an unrestricted one compiles", async () => {
    await expect(exportPaper(ctxOf(app, "observer"), "compilation", "DRAFT/4", "md")).rejects.toMatchObject({ key: "doc_not_found" });
    const r = await app.as("Turkmenistan", "/compile DRAFT/4");
    expect(r.files ?? []).toHaveLength(0);
    const docs = await app.repos.refData();
    const open = docs.documents.find((d) => !d.restricted)!;
    const f = await exportPaper(ctxOf(app, "observer"), "compilation", open.symbol, "md");
    expect(f.data.toString("utf8")).toContain(open.symbol);
  });

  it("GIVEN /compile with a bad date THEN a polite message names the format", async () => {
    const r = await app.as("India", "/compile DRAFT/4 since 15.07.2023");
    expect(r.status).toBe("error");
    expect(r.summary).toMatch(/YYYY-MM-DD/);
    const ok = await app.as("India", "/compile DRAFT/4 md");
    expect(ok.files?.[0]).toMatchObject({ name: "MC-2023-DRAFT-4-compilation.md", mime: "text/markdown" });
  });
});
