/**
 * The consultation cycle through the console's own command path (actor resolution, `file:` uploads):
 * a .docx made with the docx package is circulated, commented, objected to, revised, and decided,
 * and the digest of each day shows that day's step.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";
import { consoleFiles } from "../../src/adapters/console/index.ts";
import { toPlainText } from "../../src/services/reply.ts";
import { makeDocx, DRAFT_LINES, REV1_LINES } from "./docx.ts";

let app: TestApp | undefined;
afterEach(async () => { await app?.close(); app = undefined; });

/** Runs a line as the console does: `file:<path>` becomes an upload. */
async function run(a: TestApp, who: string, line: string) {
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line)!;
  const f = await consoleFiles(a.desk.command(m[1]!), m[2]!);
  if (f.error) throw new Error(f.error);
  return a.as(who, `/${m[1]} ${f.text}`, { files: f.files });
}
const digest = (a: TestApp, day: string) => a.text("chair", `/digest ${day}`);

describe("GIVEN a Secretariat running a month of consultation from the console", () => {
  it("WHEN a .docx draft is circulated, commented, objected to, revised and decided THEN each step shows and each day's digest says so", { timeout: 90_000 }, async () => {
    app = await testApp({ now: "2024-03-01T10:00:00+05:00" });
    const dir = mkdtempSync(join(tmpdir(), "dd-cycle-"));
    writeFileSync(join(dir, "draft.docx"), await makeDocx(DRAFT_LINES));
    writeFileSync(join(dir, "rev1.docx"), await makeDocx(REV1_LINES));

    // Day 1: preview, then confirm.
    const preview = await run(app, "secretariat", `/circulate MC/2024/DRAFT/1 due 2024-03-15 title Draft decision on tourism file:${join(dir, "draft.docx")}`);
    const pv = toPlainText(preview);
    expect(preview.status).toBe("info");
    expect(pv).toContain("6 paragraph(s), 3 with brackets");
    expect(pv).toContain("PP1: The Member States of CICA,");
    expect(pv).toContain("— Decide to —");
    expect(pv).toContain("proposed by Iran");
    expect(pv).toMatch(/\[annually\] opposed by India; opposed by Iran/);
    expect(await app.text("India", "/drafts MC/2024/DRAFT/1")).toMatch(/could not find a document/i);
    const confirm = preview.actions!.find((x) => x.kind === "choose")!;
    expect(confirm.kind === "choose" && confirm.text).toMatch(/^confirm [0-9a-f]{8}$/);
    const done = await app.as("secretariat", `/circulate ${confirm.kind === "choose" ? confirm.text : ""}`);
    expect(done.status).toBe("ok");
    expect(app.events).toContainEqual({ type: "document_circulated", symbol: "MC/2024/DRAFT/1", platform: "console" });
    const again = await app.as("secretariat", `/circulate ${confirm.kind === "choose" ? confirm.text : ""}`);
    expect(again.status).toBe("info");
    expect(await app.text("Turkmenistan", "/drafts")).not.toContain("MC/2024/DRAFT/1"); // observer: bracketed text is restricted

    // Day 4: two states comment, one objects.
    app.setNow("2024-03-04T11:00:00+05:00");
    expect((await app.as("India", '/comment MC/2024/DRAFT/1 para 3 kind drafting Replace "religious" with "historical"')).status).toBe("ok");
    expect((await app.as("China", "/comment MC/2024/DRAFT/1 para 1 We support paragraph 1")).status).toBe("ok");
    const obj = await app.as("Iran", "/object MC/2024/DRAFT/1 para 4 We cannot accept a reporting obligation");
    expect(obj.status).toBe("ok");
    const objId = /#(\d+)/.exec(obj.summary)![1];

    // Day 18: Rev.1 resolves the bracket in paragraph 2.
    app.setNow("2024-03-18T10:00:00+05:00");
    const rev = await run(app, "secretariat", `/circulate rev of MC/2024/DRAFT/1 due 2024-03-29 file:${join(dir, "rev1.docx")}`);
    expect(toPlainText(rev)).toContain("Revision of: MC/2024/DRAFT/1");
    const c2 = rev.actions!.find((x) => x.kind === "choose")!;
    expect((await app.as("secretariat", `/circulate ${c2.kind === "choose" ? c2.text : ""}`)).summary).toContain("MC/2024/DRAFT/1/Rev.1 circulated");
    const changes = await app.text("India", "/drafts MC/2024/DRAFT/1/Rev.1 changes");
    expect(changes).toContain("2: changed");
    expect(changes).toContain("bracket resolved: [intercivilizational and intercultural exchanges]");
    expect(changes).not.toContain("4: changed");
    // One paragraph changed (its resolved bracket is part of that change, not a second one); the two headings
    // are not paragraphs, so PP1, PP2, 1, 3 and 4 are the five unchanged.
    expect(changes).toContain("MC/2024/DRAFT/1/Rev.1 against MC/2024/DRAFT/1: 1 change(s).");
    expect(changes).toContain("5 paragraph(s) unchanged.");
    const shown = await app.text("India", "/drafts MC/2024/DRAFT/1/Rev.1");
    expect(shown).toMatch(/#\d+ para 1 · China .*\(on Rev\.0\)/);
    expect(shown).toMatch(/para 4 · Iran.*\(on Rev\.0\)/);

    // Day 20: the consensus check refuses while Iran's objection on unchanged paragraph 4 stands.
    app.setNow("2024-03-20T10:00:00+05:00");
    const refused = await app.as("secretariat", "/decide MC/2024/DRAFT/1/Rev.1 approved decision SOC/2024-I/DEC/2");
    expect(refused.status).toBe("refused");
    expect(toPlainText(refused)).toContain("Iran");

    // Day 22: the objection is withdrawn; the SOC decision is recorded.
    app.setNow("2024-03-22T10:00:00+05:00");
    expect((await app.as("Iran", `/withdraw ${objId}`)).status).toBe("ok");
    const decided = await app.as("secretariat", "/decide MC/2024/DRAFT/1/Rev.1 approved decision SOC/2024-I/DEC/2 on 2024-03-22");
    expect(decided.status).toBe("ok");
    expect(await app.text("India", "/drafts SOC/2024-I/DEC/2")).toContain("SOC/2024-I/DEC/2 · 22 March 2024 · MC/2024/DRAFT/1/Rev.1: approved");
    expect(await app.text("India", "/decisions 2024")).toContain("SOC/2024-I/DEC/2");

    // The digest of each day shows that day's step (windows end at 08:30 Astana of the day).
    const d2 = await digest(app, "2024-03-02");
    expect(d2).toContain("Circulated documents and revisions");
    expect(d2).toContain("MC/2024/DRAFT/1 — Draft decision on tourism, comments due 15 March 2024");
    const d5 = await digest(app, "2024-03-05");
    expect(d5).toMatch(/MC\/2024\/DRAFT\/1 para 3 — 1 comment/);
    expect(d5).toMatch(/Iran: objection/);
    expect(d5).not.toContain("Circulated documents");
    expect(await digest(app, "2024-03-19")).toContain("MC/2024/DRAFT/1/Rev.1 — revision of MC/2024/DRAFT/1, comments due 29 March 2024");
    const d23 = await digest(app, "2024-03-23");
    expect(d23).toContain("Decisions recorded");
    expect(d23).toContain("SOC/2024-I/DEC/2 · 22 March 2024 · MC/2024/DRAFT/1/Rev.1: approved");
    expect(d23).toMatch(/withdrew|withdrawn/i);
  });
});

describe("GIVEN an offer to coordinate", () => {
  it("WHEN supported, objected to, refused by the consensus check and overridden THEN the appointment shows in /coordinators from its start date only", async () => {
    app = await testApp({ now: "2024-03-04T11:00:00+05:00" });
    const filed = await app.text("Iraq", "/offer tourism as co-coordinator for 2025-2026 We will host an expert meeting");
    expect(filed).toContain("Offer irq-tourism filed.");
    expect(filed).not.toContain("⚠");
    const long = await app.text("Iraq", "/offer sustainable development as coordinator for 2025-2031");
    expect(long).toContain("outside 2–4 years (MC/2023/DRAFT/4 para 1.10");
    expect((await app.as("Russia", "/support offer:irq-tourism")).status).toBe("ok");
    expect((await app.as("Israel", "/object offer:irq-tourism as reservation We need to consult")).status).toBe("ok");
    expect(await app.text("Chair", "/digest 2024-03-05")).toContain("Iraq offers to be Co-coordinator of Tourism (2025-2026)");

    app.setNow("2024-03-20T10:00:00+05:00");
    const refused = await app.as("secretariat", "/decide offer:irq-tourism approved decision SOC/2024-I/DEC/3");
    expect(refused.status).toBe("refused");
    expect(toPlainText(refused)).toMatch(/Israel: reservation/);
    const over = await app.as("secretariat", "/decide offer:irq-tourism approved decision SOC/2024-I/DEC/3 override The SOC agreed; Israel did not block");
    expect(over.status).toBe("ok");
    expect(toPlainText(over)).toContain("in force from 1 January 2025");
    const d = await app.text("chair", "/digest 2024-03-21");
    expect(d).toContain("OVERRIDE of standing objections (Israel): The SOC agreed; Israel did not block");

    // Before its start the appointment is listed apart, as approved and not yet started, never as a serving
    // Co-coordinator; from its start date on, as in force.
    const before = await app.text("India", "/coordinators tourism");
    expect(before).toContain("Approved, not yet started: Iraq — Co-coordinator (2025-2026, from 1 January 2025)");
    expect(before).toMatch(/Co-coordinators: —/);
    expect(await app.text("India", "/coordinators Iraq")).toContain("Co-coordinator: Tourism (2025-2026, from 1 January 2025) — approved, not yet started");
    app.setNow("2024-12-31T23:00:00+05:00");
    expect(await app.text("India", "/coordinators tourism")).toMatch(/Co-coordinators: —/);
    app.setNow("2025-01-01T10:00:00+05:00");
    const inForce = await app.text("India", "/coordinators tourism");
    expect(inForce).toContain("Co-coordinators: Iraq (2025-2026)");
    expect(inForce).not.toContain("Approved, not yet started");
    expect(inForce).not.toContain("from 1 January 2025");
    app.setNow("2027-01-01T10:00:00+05:00");
    expect(await app.text("India", "/coordinators tourism")).not.toContain("Iraq");
  });
});
