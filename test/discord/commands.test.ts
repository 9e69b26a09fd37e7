/** Every command, end to end: an INTERACTION_CREATE through the fake gateway, discord.js, the desk, and the reply on the fake REST. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { harness, type Harness } from "./harness.ts";

const IND = { userId: "D-IND" };
const ISR = { userId: "D-ISR" };
const CHAIR = { userId: "D-CHAIR" };
const SEC = { userId: "D-SEC" };

describe("discord: every command's reply", () => {
  let h: Harness;
  const seen = new Set<string>();
  const run = (name: string, options: Record<string, string | number>, as: { userId: string }) => {
    seen.add(name);
    return h.command(name, options, as);
  };
  beforeAll(async () => {
    h = await harness();
    await h.link("D-IND", "India");
    await h.link("D-ISR", "Israel");
    await h.link("D-CHAIR", "chair");
    await h.link("D-SEC", "secretariat");
  });
  afterAll(async () => {
    // Guards the "every command" claim: a new command in commands/ must get a test here.
    expect([...seen].sort()).toEqual(commands.map((c) => c.name).sort());
    await h.close();
  });

  it("GIVEN the cycle's commands with typed options THEN each answers (issue 11)", async () => {
    expect((await run("offer", { area: "tourism", role: "co_coordinator", tenure: "2025-2027" }, IND)).text).toContain("Offer ind-tourism filed");
    expect((await run("circulate", { symbol: "MC/2024/DRAFT/9", text: "1. Promote [tourism] (+IND)." }, SEC)).text).toContain("1 with brackets");
    expect((await run("decide", { target: "MC/2023/DRAFT/4", outcome: "adopted" }, SEC)).text).toMatch(/No consensus[\s\S]*Israel/);
    expect((await run("decisions", { query: "SOC/2023-II/DEC/1" }, IND)).text).toContain("Russian Federation appointed Coordinator");
    expect((await run("deadline", { action: "add", date: "2023-09-21", kind: "meeting", title: "Ministerial Council" }, SEC)).text).toContain("Added: 2023-09-21-ministerial-council");
  });

  it("GIVEN a delegate WHEN /help THEN it lists the commands it may use, privately", async () => {
    const r = await run("help", {}, IND);
    expect(r.text).toMatch(/Delegate Desk: what you can type/);
    expect(r.text).toMatch(/\/comment <document>/);
    expect(r.text).not.toMatch(/\/link user/);
    expect(r.ephemeral).toBe(true);
  });

  it("GIVEN /help object THEN the usage and examples of /object are shown", async () => {
    const r = await run("help", { command: "object" }, IND);
    expect(r.text).toMatch(/\/object MC\/2023\/DRAFT\/4 as reservation/);
  });

  it("GIVEN typed options WHEN India comments THEN the comment is filed with its kind and buttons to follow up", async () => {
    const r = await run("comment", { document: "MC/2023/DRAFT/4", para: "1.10", kind: "drafting", text: "Replace two with three years" }, IND);
    expect(r.kind).toBe("message");
    expect(r.text).toMatch(/Comment #\d+ filed for India on MC\/2023\/DRAFT\/4 para 1\.10 \(drafting proposal\)/);
    expect(r.text).toContain("Replace two with three years");
    const ids = r.body.components.flatMap((row: any) => row.components.map((c: any) => c.custom_id));
    expect(ids).toEqual(["a|p|MC/2023/DRAFT/4|1.10", "a|c|MC/2023/DRAFT/4|1.10"]);
  });

  it("GIVEN /object with a stance and a reason THEN the reservation is recorded with a Withdraw button", async () => {
    const r = await run("object", { target: "MC/2023/DRAFT/5", para: "11", stance: "reservation", reason: "We reserve our position" }, IND);
    expect(r.text).toMatch(/Recorded: reservation \(#(\d+)\)/);
    expect(r.text).toMatch(/India: reservation on MC\/2023\/DRAFT\/5 para 11/);
    expect(r.text).toMatch(/\[Withdraw #\d+\]/);
  });

  it("GIVEN /support offer:IRQ THEN the support is recorded on Iraq's offer", async () => {
    const r = await run("support", { target: "offer:IRQ" }, IND);
    expect(r.text).toMatch(/Recorded: support \(#\d+\)/);
    expect(r.text).toMatch(/support on offer of Iraq \(Co-coordinator, Combating terrorism\)/);
  });

  it("GIVEN open positions WHEN /withdraw without id THEN they are listed; WHEN with the id THEN it is withdrawn", async () => {
    const list = await run("withdraw", {}, IND);
    expect(list.text).toMatch(/Open positions of India \(\d+\)/);
    const id = Number(/#(\d+) India: support on offer of Iraq/.exec(list.text)![1]);
    const r = await run("withdraw", { id }, IND);
    expect(r.text).toMatch(new RegExp(`#${id}`));
    expect(r.text).toMatch(/withdrawn/i);
    const again = await run("withdraw", {}, IND);
    expect(again.text).not.toMatch(new RegExp(`#${id} India: support`));
  });

  it("GIVEN Israel WHEN it withdraws India's position THEN it is refused", async () => {
    const list = await run("withdraw", {}, IND);
    const id = Number(/#(\d+)/.exec(list.text)![1]);
    const r = await run("withdraw", { id }, ISR);
    expect(r.text).toMatch(/belongs to another delegation/);
  });

  it("GIVEN /drafts THEN the documents are listed; with a paragraph THEN its bracketed text is shown", async () => {
    const list = await run("drafts", {}, IND);
    expect(list.text).toMatch(/Documents \(6\)/);
    expect(list.text).toMatch(/MC\/2023\/DRAFT\/4 — Draft Decision/);
    const para = await run("drafts", { document: "DRAFT/4", para: "1.10" }, IND);
    expect(para.text).toMatch(/not less than two and not more than four years\] — opposed by IND/);
  });

  it("GIVEN /coordinators ICT THEN Russia coordinates and China's approved co-coordinator term is listed until it starts", async () => {
    const r = await run("coordinators", { query: "ICT" }, IND);
    expect(r.text).toMatch(/Coordinator: Russian Federation/);
    expect(r.text).toMatch(/Approved, not yet started: China — Co-coordinator/);
  });

  it("GIVEN /deadlines all THEN the CBM events deadline and the Ministerial Council are listed with days left", async () => {
    const r = await run("deadlines", { days: "all" }, IND);
    expect(r.text).toMatch(/21 September 2023 — Informal CICA Ministerial Council Meeting/);
    expect(r.text).toMatch(/29 days left/);
  });

  it("GIVEN /events with year and filter (typed integer option) THEN Thailand's 2022 events are listed", async () => {
    const r = await run("events", { year: 2022, filter: "Thailand" }, IND);
    expect(r.text).toMatch(/CBM events, 2022, Thailand \(2\)/);
    expect(r.text).toMatch(/Sufficiency economy philosophy/);
  });

  it("GIVEN the Chair WHEN /digest THEN the digest shows what is still blocked and by whom", async () => {
    const r = await run("digest", {}, CHAIR);
    expect(r.text).toMatch(/Daily digest for the Chair, 23 August 2023/);
    expect(r.text).toMatch(/MC\/2023\/DRAFT\/4 — Israel \(reservation/);
  });

  it("GIVEN /silence THEN procedures are listed; the Secretariat starts one with target and expiry", async () => {
    const list = await run("silence", {}, IND);
    expect(list.text).toMatch(/Granting CICA Observer Status to Turkmenistan/);
    const r = await run("silence", { target: "DRAFT/5", expires: "2023-09-05" }, SEC);
    expect(r.text).toMatch(/Silence procedure \S+ started on MC\/2023\/DRAFT\/5/);
    expect(r.text).toMatch(/through 5 September 2023/);
  });

  it("GIVEN the Secretariat WHEN /link role THEN the guild role is mapped to the delegation", async () => {
    const r = await run("link", { what: "role", ref: "discord:1234567", who: "India" }, SEC);
    expect(r.text).toMatch(/Linked role discord:1234567 to India/);
  });

  it("GIVEN /lang ru THEN replies switch to Russian until /lang en", async () => {
    const ru = await run("lang", { lang: "ru" }, ISR);
    expect(ru.text).toBe("Язык установлен: русский.");
    const c = await h.command("coordinators", { query: "ICT" }, ISR);
    expect(c.text).toMatch(/Координатор: Российская Федерация/);
    const en = await run("lang", { lang: "en" }, ISR);
    expect(en.text).toBe("Language set: English.");
  });

  it("GIVEN /compile and /matrix THEN the answer is private and carries the .docx and the .png as attachments", async () => {
    const c = await run("compile", { document: "MC/2023/DRAFT/4", format: "docx" }, IND);
    expect(c.text).toMatch(/Compilation of comments on MC\/2023\/DRAFT\/4/);
    expect(c.ephemeral).toBe(true);
    const cf = c.responses.flatMap((r) => r.files ?? []);
    expect(cf.map((f) => f.filename)).toEqual(["MC-2023-DRAFT-4-compilation.docx"]);
    expect(cf[0]!.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const m = await run("matrix", { document: "MC/2023/DRAFT/5" }, IND);
    expect(m.text).toMatch(/PP8: IRN \+ −/);
    const mf = m.responses.flatMap((r) => r.files ?? []);
    expect(mf.map((f) => [f.filename, f.contentType])).toEqual([["MC-2023-DRAFT-5-matrix.png", "image/png"]]);
    expect(mf[0]!.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});
