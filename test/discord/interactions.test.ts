/** Deferral, autocomplete, modals, buttons and pagination, through the real discord.js client. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { harness, visible, type Harness } from "./harness.ts";
import type { Desk } from "../../src/core/desk.ts";

const IND = { userId: "D-IND" };
const TKM = { userId: "D-TKM" };

const slowDesk = (ms: number) => (d: Desk): Desk => ({ ...d, run: async (inv) => { await new Promise((r) => setTimeout(r, ms)); return d.run(inv); } });

describe("discord: deferral on slow work", () => {
  it("GIVEN work slower than the defer threshold WHEN a command arrives THEN it is deferred ephemerally first and the answer edits the deferred reply", async () => {
    const h = await harness({ deskWrap: slowDesk(300), options: { deferAfterMs: 50 } });
    try {
      await h.link("D-IND", "India");
      const r = await h.command("drafts", {}, IND);
      expect(r.deferred).toBe(true);
      expect(r.responses[0]!.body).toEqual({ type: 5, data: { flags: 64 } });
      expect(r.responses[1]!.method).toBe("PATCH");
      expect(r.responses[1]!.path).toMatch(/^\/webhooks\/\d+\/[^/]+\/messages\/@original$/);
      expect(r.text).toMatch(/Documents \(6\)/);
      expect(r.ephemeral).toBe(true);
      // Exactly one initial response: Discord would answer 40060 to a second one.
      expect(h.fake.requests.filter((q) => q.path.endsWith("/callback"))).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it("GIVEN the default threshold and work of 1.5 s WHEN the fake enforces Discord's 3 s window THEN the answer still arrives (no 10062)", async () => {
    const h = await harness({ deskWrap: slowDesk(1500) });
    try {
      await h.link("D-IND", "India");
      const r = await h.command("coordinators", { query: "ICT" }, IND);
      expect(r.deferred).toBe(true);
      expect(r.text).toMatch(/Coordinator: Russian Federation/);
    } finally {
      await h.close();
    }
  });

  it("GIVEN quick work THEN the reply is sent directly, without a deferral", async () => {
    const h = await harness();
    try {
      await h.link("D-IND", "India");
      const r = await h.command("help", {}, IND);
      expect(r.deferred).toBe(false);
      expect(r.responses[0]!.body.type).toBe(4);
    } finally {
      await h.close();
    }
  });
});

describe("discord: autocomplete, modals, buttons, pages", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness();
    await h.link("D-IND", "India");
    await h.link("D-ISR", "Israel");
    await h.link("D-TKM", "Turkmenistan");
  });
  afterAll(() => h.close());

  it("GIVEN a typed fragment WHEN a document is autocompleted THEN at most 25 matching choices come back, never deferred", async () => {
    const choices = await h.autocomplete("drafts", { document: "DRAFT/4" }, "document", IND);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]).toEqual({ name: expect.stringMatching(/^MC\/2023\/DRAFT\/4 — /), value: "MC/2023/DRAFT/4" });
    const all = h.fake.requests.filter((r) => r.path.endsWith("/callback")).map((r) => r.body.type);
    expect(all).not.toContain(5);
  });

  it("GIVEN an observer WHEN documents are autocompleted THEN restricted drafts are not offered", async () => {
    const delegate = await h.autocomplete("drafts", { document: "" }, "document", IND);
    const observer = await h.autocomplete("drafts", { document: "" }, "document", TKM);
    expect(delegate.map((c) => c.value)).toContain("MC/2023/DRAFT/4");
    expect(observer.map((c) => c.value)).not.toContain("MC/2023/DRAFT/4");
    expect(observer.map((c) => c.value)).toContain("SWG/2023-II/INF/2");
  });

  it("GIVEN a document already chosen WHEN the paragraph is autocompleted THEN that document's paragraphs are offered", async () => {
    const choices = await h.autocomplete("comment", { document: "MC/2023/DRAFT/4", para: "1.1" }, "para", IND);
    expect(choices.map((c) => c.value)).toContain("1.10");
    expect(choices.every((c) => String(c.value).startsWith("1.1"))).toBe(true);
  });

  it("GIVEN states and areas WHEN autocompleted THEN names match the fragment, capped at 25", async () => {
    const states = await h.autocomplete("link", { what: "user", ref: "discord:1", who: "Kaz" }, "who", IND);
    expect(states[0]).toEqual({ name: expect.stringMatching(/Kazakhstan \(KAZ\)/), value: "KAZ" });
    const areas = await h.autocomplete("coordinators", { query: "" }, "query", IND);
    expect(areas.length).toBeGreaterThan(5);
    expect(areas.length).toBeLessThanOrEqual(25);
  });

  it("GIVEN India's own open position WHEN /withdraw id is autocompleted THEN only India's positions are offered, as integers", async () => {
    await h.command("object", { target: "MC/2023/DRAFT/5", para: "11", reason: "Not acceptable" }, IND);
    const mine = await h.autocomplete("withdraw", { id: "" }, "id", IND);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c) => typeof c.value === "number")).toBe(true);
    const owners = await h.app.db.prisma.position.findMany({ where: { id: { in: mine.map((c) => Number(c.value)) } } });
    expect(owners.map((p) => p.stateCode)).toEqual(mine.map(() => "IND"));
    expect(mine.map((c) => c.name)).toContainEqual(expect.stringMatching(/MC\/2023\/DRAFT\/5 para 11/));
    const israel = await h.autocomplete("withdraw", { id: "" }, "id", { userId: "D-ISR" });
    for (const c of israel) expect(mine.map((x) => x.value)).not.toContain(c.value);
  });

  it("GIVEN /comment without text WHEN invoked THEN a modal is the first response, prefilled; WHEN submitted THEN the comment is filed", async () => {
    const m = await h.command("comment", { document: "MC/2023/DRAFT/4", para: "1.10" }, IND);
    expect(m.kind).toBe("modal");
    const modal = m.responses[0]!.body.data;
    expect(modal.custom_id).toBe("md|comment");
    expect(modal.components.length).toBeLessThanOrEqual(5);
    const byId = Object.fromEntries(modal.components.map((c: any) => [c.component.custom_id, c.component]));
    expect(byId.document.value).toBe("MC/2023/DRAFT/4");
    expect(byId.para.value).toBe("1.10");
    expect(byId.kind.type).toBe(3);
    expect(byId.text.style).toBe(2);
    const before = await h.app.db.prisma.comment.count();
    const r = await h.submit(modal, { text: "A long comment\nover two lines", kind: "question" }, IND);
    expect(r.text).toMatch(/Comment #\d+ filed for India on MC\/2023\/DRAFT\/4 para 1\.10 \(question\)/);
    expect(r.ephemeral).toBe(true);
    expect(await h.app.db.prisma.comment.count()).toBe(before + 1);
  });

  it("GIVEN a modal submitted without the required text THEN the problems come back ephemerally, naming the field", async () => {
    const m = await h.command("comment", { document: "MC/2023/DRAFT/4" }, IND);
    const r = await h.submit(m.responses[0]!.body.data, { text: "" }, IND);
    expect(r.text).toMatch(/Sorry, I could not read \/comment|could not/i);
    expect(r.text).toMatch(/⚠ text: /);
    expect(r.ephemeral).toBe(true);
  });

  it("GIVEN an unlinked user WHEN /comment without text THEN no modal: the not-linked message says how to get linked", async () => {
    const r = await h.command("comment", { document: "MC/2023/DRAFT/4" }, { userId: "D-NOBODY" });
    expect(r.kind).toBe("message");
    expect(r.text).toMatch(/not linked to a delegation/);
    expect(r.text).toMatch(/\/link user discord:D-NOBODY/);
  });

  it("GIVEN /object without a reason THEN the form asks for it; WHEN submitted THEN the objection is recorded", async () => {
    const m = await h.command("object", { target: "MC/2023/DRAFT/4", stance: "reservation" }, IND);
    expect(m.kind).toBe("modal");
    const modal = m.responses[0]!.body.data;
    const stance = modal.components.find((c: any) => c.component.custom_id === "stance").component;
    expect(stance.options.find((o: any) => o.default).value).toBe("reservation");
    const r = await h.submit(modal, { reason: "We reserve our position on the entire document" }, IND);
    expect(r.text).toMatch(/Recorded: reservation \(#\d+\)/);
    expect(r.text).toMatch(/We reserve our position on the entire document/);
  });

  it("GIVEN /events filter propose THEN the seven template fields fit Discord's 5-component modal; WHEN submitted THEN the proposal is recorded with area, dates and format", async () => {
    const choices = await h.autocomplete("events", { filter: "prop" }, "filter", IND);
    expect(choices[0]).toEqual({ name: expect.stringMatching(/Propose a CBM event/), value: "propose" });
    const m = await h.command("events", { filter: "propose" }, IND);
    expect(m.kind).toBe("modal");
    const modal = m.responses[0]!.body.data;
    expect(modal.components).toHaveLength(5);
    expect(modal.components.map((c: any) => c.component.custom_id)).toEqual(["title", "concept", "purpose", "organisers", "more"]);
    const r = await h.submit(modal, {
      title: "Seminar on ICT security", concept: "Exchange of practices", purpose: "Build confidence", organisers: "IND",
      more: "area: ICT; dates: 2024-04-10..2024-04-11; format: online",
    }, IND);
    expect(r.text).toMatch(/Seminar on ICT security/);
    expect(r.text).toMatch(/Security of and in the use of ICTs/);
    expect(r.text).toMatch(/10 April 2024 – 11 April 2024/);
    const ev = await h.app.db.prisma.cbmEvent.findFirst({ where: { title: "Seminar on ICT security" } });
    expect(ev?.format).toBe("online");
  });

  it("GIVEN the Withdraw button on a recorded position WHEN clicked THEN the position is withdrawn for the clicker's delegation", async () => {
    const rec = await h.command("object", { target: "MC/2023/DRAFT/4", para: "1.10", reason: "Too short" }, IND);
    const id = rec.body.components[0].components[0].custom_id as string;
    expect(id).toMatch(/^a\|w\|\d+$/);
    const r = await h.button(id, IND);
    expect(r.text).toMatch(/withdrawn/i);
    expect(r.ephemeral).toBe(true);
    const again = await h.button(id, { userId: "D-ISR" });
    expect(again.text).toMatch(/belongs to another delegation|already withdrawn/);
  });

  it("GIVEN the Show para and Other comments buttons WHEN clicked THEN the paragraph and its comments are shown", async () => {
    const c = await h.command("comment", { document: "MC/2023/DRAFT/4", para: "1.10", text: "Prefer three years" }, IND);
    const [show, list] = c.body.components[0].components.map((b: any) => b.custom_id);
    const p = await h.button(show, IND);
    expect(p.text).toMatch(/MC\/2023\/DRAFT\/4 para 1\.10/);
    expect(p.text).toMatch(/not less than two and not more than four years/);
    const l = await h.button(list, IND);
    expect(l.text).toMatch(/Prefer three years/);
  });

  it("GIVEN an answer longer than one embed WHEN Next and Previous are clicked THEN the pages are shown in place and together hold every paragraph", async () => {
    const first = await h.command("drafts", { document: "MC/2023/DRAFT/4" }, IND);
    expect(first.text).toMatch(/Page 1 of 2/);
    const nav = first.body.components.at(-1).components;
    expect(nav.slice(0, 2).map((b: any) => b.disabled)).toEqual([true, false]);
    const second = await h.button(nav[1].custom_id, IND);
    expect(second.kind).toBe("update");
    expect(second.text).toMatch(/Page 2 of 2/);
    const back = await h.button(second.body.components.at(-1).components[0].custom_id, IND);
    expect(back.text).toBe(first.text);
    expect(first.text + second.text).toMatch(/PP1: [\s\S]*1\.10 \[IND\][\s\S]*5\.2: The SOC may amend[\s\S]*to read a paragraph in full/);
  });

  it("GIVEN a page button from before a restart THEN the user is told to run the command again", async () => {
    const r = await h.button("pg|999|1", IND);
    expect(r.text).toMatch(/This list has expired/);
  });

  it("GIVEN a Russian-speaking user WHEN a modal opens THEN its labels are in Russian", async () => {
    await h.command("lang", { lang: "ru" }, { userId: "D-ISR" });
    const m = await h.command("comment", { document: "MC/2023/DRAFT/4" }, { userId: "D-ISR" });
    const modal = m.responses[0]!.body.data;
    expect(modal.title).toMatch(/^[А-яЁё ]+$/);
    expect(modal.components.map((c: any) => c.label).join(" ")).toMatch(/Документ/);
    await h.command("lang", { lang: "en" }, { userId: "D-ISR" });
  });

  it("GIVEN every reply so far THEN each message payload stays within Discord's limits and pings nobody", async () => {
    const messages = h.fake.requests
      .map((r) => (r.path.endsWith("/callback") ? ([4, 7].includes(r.body.type) ? r.body.data : undefined) : r.method !== "GET" && r.path.startsWith("/webhooks") ? r.body : undefined))
      .filter(Boolean);
    expect(messages.length).toBeGreaterThan(10);
    for (const m of messages) {
      expect(m.allowed_mentions).toEqual({ parse: [] });
      expect(visible(m).length).toBeGreaterThan(0);
    }
  });
});
