import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ask, slackWorld, textOf, type SlackWorld } from "./harness.ts";
import type { Desk } from "../../src/core/desk.ts";

const inputs = (view: any) => view.blocks.filter((b: any) => b.type === "input");
const buttons = (message: any) => message.blocks.flatMap((b: any) => (b.type === "actions" ? b.elements : []));

describe("Slack modals, buttons and App Home through Bolt", () => {
  let w: SlackWorld;
  beforeEach(async () => {
    w = await slackWorld();
    await w.link("UIND", "India");
    await w.link("UTKM", "Turkmenistan");
  });
  afterEach(async () => {
    await w.close();
  });

  async function openForm(userId: string, line: string) {
    const sent = await w.command(userId, line);
    expect(sent.ack.status).toBe(200);
    const call = await w.fake.waitFor(() => w.fake.callsOf("views.open").find((c) => c.args.trigger_id === sent.triggerId));
    return { ...sent, view: call.args.view };
  }

  it("GIVEN /comment without text THEN a modal opens with the trigger_id before any database work: document, paragraph, kind, text ≤ 3000", async () => {
    await w.close();
    let open!: () => void;
    const gate = new Promise<void>((r) => { open = r; });
    const seen: string[] = [];
    w = await slackWorld({ wrapDesk: (d: Desk) => ({ ...d, run: async (i) => { await gate; return d.run(i); }, actorFor: async (i) => { seen.push("actorFor"); await gate; return d.actorFor(i); } }) });
    const { view, responseId } = await openForm("UIND", "/comment");
    // The desk is still held at the gate and was not even asked who the user is: the form did not wait for it.
    expect(seen).toEqual([]);
    open();
    expect(view.type).toBe("modal");
    expect(view.callback_id).toBe("dd_modal:comment");
    expect(inputs(view).map((b: any) => [b.block_id, b.element.type, b.optional])).toEqual([
      ["document", "plain_text_input", false],
      ["para", "plain_text_input", true],
      ["kind", "static_select", true],
      ["text", "plain_text_input", false],
    ]);
    const text = inputs(view).find((b: any) => b.block_id === "text");
    expect(text.element).toMatchObject({ multiline: true, max_length: 3000 });
    expect(inputs(view)[2].element.options.map((o: any) => o.value)).toEqual(["general", "drafting", "question"]);
    expect(JSON.parse(view.private_metadata)).toMatchObject({ c: "comment", ch: "C0GENERAL" });
    expect(textOf(view.blocks)).toMatch(/Or type it in one line: \/comment <document>/);
    expect(w.fake.responsesTo(responseId)).toHaveLength(0);
  });

  it("GIVEN the comment modal WHEN submitted THEN the comment is stored and the answer comes privately", async () => {
    const { view, responseId } = await openForm("UIND", "/comment");
    const r = await w.submit("UIND", view, { document: "MC/2023/DRAFT/4", para: "1.10", kind: "drafting", text: "Replace “two” with “three” & keep <b>" });
    expect(r.status).toBe(200);
    expect(r.body).toBe("");
    const answer = await w.answer(responseId);
    expect(answer.response_type).toBe("ephemeral");
    expect(textOf(answer)).toMatch(/Comment #1 filed for India on MC\/2023\/DRAFT\/4 para 1\.10 \(drafting proposal\)/);
    const rows = await w.app.db.prisma.comment.findMany();
    expect(rows.map((c) => [c.stateCode, c.kind, c.text])).toEqual([["IND", "drafting", "Replace “two” with “three” & keep <b>"]]);
  });

  it("GIVEN the comment modal WHEN the document is unknown THEN the error comes back in the modal (response_action: errors) and nothing is stored", async () => {
    const { view } = await openForm("UIND", "/comment");
    const r = await w.submit("UIND", view, { document: "NOPE/1", text: "hello" });
    expect(r.status).toBe(200);
    expect(r.json.response_action).toBe("errors");
    expect(Object.keys(r.json.errors)).toEqual(["document"]);
    expect(r.json.errors.document).toMatch(/could not find a document “NOPE\/1”.*MC\/2023\/DRAFT\/4/);
    expect(await w.app.db.prisma.comment.count()).toBe(0);
  });

  it("GIVEN a form whose work outlasts Slack's ack budget THEN the form is acked (closed) first and the answer follows", async () => {
    await w.close();
    let open!: () => void;
    const gate = new Promise<void>((r) => { open = r; });
    w = await slackWorld({ viewAckBudgetMs: 20, wrapDesk: (d: Desk) => ({ ...d, run: async (i) => { if (i.options) await gate; return d.run(i); } }) });
    await w.link("UIND", "India");
    const { view, responseId } = await openForm("UIND", "/comment");
    const r = await w.submit("UIND", view, { document: "MC/2023/DRAFT/4", text: "Slow but sure" });
    expect(r.status).toBe(200);
    expect(r.body).toBe("");
    expect(await w.app.db.prisma.comment.count()).toBe(0);
    open();
    expect(textOf(await w.answer(responseId))).toMatch(/Comment #1 filed for India on MC\/2023\/DRAFT\/4/);
  });

  it("GIVEN /object without text THEN its modal opens, and a submitted reservation is recorded once even if Slack sends it twice", async () => {
    const { view, responseId } = await openForm("UIND", "/object");
    expect(inputs(view).map((b: any) => b.block_id)).toEqual(["target", "para", "stance", "reason"]);
    const before = await w.app.db.prisma.position.count();
    await w.submit("UIND", view, { target: "MC/2023/DRAFT/5", para: "11", stance: "reservation", reason: "Needs work" });
    await w.submit("UIND", view, { target: "MC/2023/DRAFT/5", para: "11", stance: "reservation", reason: "Needs work" });
    await w.fake.waitFor(() => w.fake.responsesTo(responseId).length >= 2);
    expect(await w.app.db.prisma.position.count()).toBe(before + 1);
    expect(textOf(w.fake.responsesTo(responseId)[0]!.body)).toMatch(/Recorded: reservation/);
  });

  it("GIVEN /events propose THEN the CBM template modal opens; bad fields come back as modal errors, a good proposal is stored", async () => {
    const { view, responseId } = await openForm("UIND", "/events propose");
    expect(inputs(view).map((b: any) => b.block_id)).toEqual(["title", "concept", "purpose", "organisers", "area", "dates", "format"]);
    const bad = await w.submit("UIND", view, { title: "ab", concept: "c", purpose: "p", organisers: "Narnia" });
    expect(bad.json.response_action).toBe("errors");
    expect(Object.keys(bad.json.errors)).toEqual(["title"]);
    const who = await w.submit("UIND", view, { title: "Seminar on ICT security", concept: "Exchange of practices", purpose: "Build confidence", organisers: "Narnia" });
    expect(who.json).toEqual({ response_action: "errors", errors: { organisers: expect.stringMatching(/Unknown organiser “Narnia”/) } });
    const before = await w.app.db.prisma.cbmEvent.count();
    const good = await w.submit("UIND", view, { title: "Seminar on ICT security", concept: "Exchange of practices", purpose: "Build confidence", organisers: "India, Russia", dates: "2024-04-10..2024-04-11", format: "online" });
    expect(good.body).toBe("");
    const answer = await w.answer(responseId);
    expect(textOf(answer)).toMatch(/Seminar on ICT security/);
    expect(await w.app.db.prisma.cbmEvent.count()).toBe(before + 1);
  });

  it("GIVEN a recorded objection WHEN its Withdraw button is clicked THEN the position is withdrawn", async () => {
    const { message } = await ask(w, "UIND", "/object DRAFT/5 para 11 as objection Not acceptable");
    const withdraw = buttons(message).find((b: any) => b.action_id === "dd_run_0");
    expect(withdraw.text.text).toMatch(/^Withdraw #\d+$/);
    const id = Number(/#(\d+)/.exec(withdraw.text.text)![1]);
    const { ack, responseId } = await w.click("UIND", message, "dd_run_0");
    expect(ack.status).toBe(200);
    expect(textOf(await w.answer(responseId))).toMatch(new RegExp(`Withdrawn: objection #${id}`));
    const row = await w.app.db.prisma.position.findUnique({ where: { id } });
    expect(row!.withdrawnAt).not.toBeNull();
  });

  it("GIVEN a comment on a paragraph WHEN Show para and Other comments are clicked THEN the paragraph and its comments are shown", async () => {
    const { message } = await ask(w, "UIND", "/comment DRAFT/4 para 1.10 We prefer three years");
    const labels = buttons(message).map((b: any) => b.text.text);
    expect(labels).toEqual(["Show para 1.10", "Other comments"]);
    const show = await w.click("UIND", message, "dd_run_0");
    expect(textOf(await w.answer(show.responseId))).toMatch(/not less than two and not more than four years/);
    const list = await w.click("UIND", message, "dd_run_1");
    expect(textOf(await w.answer(list.responseId))).toMatch(/We prefer three years/);
  });

  it("GIVEN a read-only answer WHEN Share in channel is clicked THEN the same answer is posted in the channel with chat.postMessage", async () => {
    const { message } = await ask(w, "UIND", "/deadlines");
    const share = buttons(message).find((b: any) => b.action_id === "dd_share");
    expect(share.text.text).toBe("Share in channel");
    await w.click("UIND", message, "dd_share", { channelId: "C0DELEG" });
    const post = await w.fake.waitFor(() => w.fake.callsOf("chat.postMessage")[0]);
    expect(post.args.channel).toBe("C0DELEG");
    expect(textOf(post.args)).toMatch(/Deadlines, next 60 days \(4\)[\s\S]*Digital Forensics[\s\S]*Shared by uind \(\/deadlines\)/);
    expect(post.args.text).toMatch(/Deadlines/);
    expect(JSON.stringify(post.args.blocks)).not.toMatch(/dd_share/);
  });

  it("GIVEN a write answer THEN it has no Share button (positions are not broadcast by accident)", async () => {
    const { message } = await ask(w, "UIND", "/support offer:IRQ");
    expect(buttons(message).map((b: any) => b.action_id)).not.toContain("dd_share");
  });

  it("GIVEN the bot is not in the channel WHEN Share is clicked THEN the user is told why, privately, and nothing is swallowed", async () => {
    const { message } = await ask(w, "UIND", "/drafts");
    w.fake.fail("chat.postMessage", { error: "not_in_channel" });
    const { responseId } = await w.click("UIND", message, "dd_share", { channelId: "C0OTHER" });
    const notice = await w.answer(responseId);
    expect(textOf(notice)).toMatch(/not a member of it\. Invite me with \/invite/);
    expect(notice.response_type).toBe("ephemeral");
    expect(w.fake.callsOf("chat.postMessage")).toHaveLength(1);
  });

  it("GIVEN an observer WHEN it clicks a forged Withdraw for another state's position THEN it is refused by the desk", async () => {
    const { message } = await ask(w, "UIND", "/object DRAFT/5 para 11 as objection Not acceptable");
    const { responseId } = await w.click("UTKM", message, "dd_run_0");
    expect(textOf(await w.answer(responseId))).toMatch(/only the delegates of Member States can do that/);
    expect(await w.app.db.prisma.position.count({ where: { withdrawnAt: { not: null }, reason: "Not acceptable" } })).toBe(0);
  });

  it("GIVEN India opens the App Home THEN views.publish shows its open positions, the documents it comments on and upcoming deadlines", async () => {
    await w.app.as("India", "/comment DRAFT/4 para 1.10 We prefer three years");
    await w.app.as("India", "/object DRAFT/5 para 11 as objection Not acceptable");
    const r = await w.event({ type: "app_home_opened", user: "UIND", channel: "D0HOME", tab: "home", event_ts: "1.1" });
    expect(r.status).toBe(200);
    const call = await w.fake.waitFor(() => w.fake.callsOf("views.publish")[0]);
    expect(call.args.user_id).toBe("UIND");
    expect(call.args.view.type).toBe("home");
    const text = textOf(call.args.view.blocks);
    expect(text).toMatch(/Dashboard — India · 23 August 2023/);
    expect(text).toMatch(/Open positions \(2\)[\s\S]*objection on MC\/2023\/DRAFT\/5 para 11[\s\S]*reservation on nomination of Ms\. Zhang Ling/);
    expect(text).toMatch(/Documents you are commenting on \(1\)[\s\S]*MC\/2023\/DRAFT\/4 — .* · comments: 1 · comments due 15 July 2023/);
    expect(text).toMatch(/Due in the next 30 days[\s\S]*21 September 2023 — Informal CICA Ministerial Council Meeting/);
    expect(call.args.view.blocks.length).toBeLessThanOrEqual(100);
  });

  it("GIVEN a Withdraw button on the App Home WHEN clicked THEN the position is withdrawn, the user is told by DM and the Home is refreshed", async () => {
    await w.app.as("India", "/object DRAFT/5 para 11 as objection Home test");
    await w.event({ type: "app_home_opened", user: "UIND", channel: "D0HOME", tab: "home", event_ts: "1.1" });
    const home = (await w.fake.waitFor(() => w.fake.callsOf("views.publish")[0])).args.view;
    await w.click("UIND", home, "dd_run_0", { view: { ...home, id: "VHOME" } });
    const dm = await w.fake.waitFor(() => w.fake.callsOf("chat.postMessage")[0]);
    expect(dm.args.channel).toBe("UIND");
    expect(textOf(dm.args)).toMatch(/Withdrawn: objection/);
    const again = await w.fake.waitFor(() => w.fake.callsOf("views.publish")[1]);
    expect(textOf(again.args.view.blocks)).toMatch(/Open positions \(1\)/);
  });

  it("GIVEN an unlinked user opens the App Home THEN it explains how to get linked", async () => {
    await w.event({ type: "app_home_opened", user: "UNOBODY", channel: "D0HOME", tab: "home", event_ts: "1.1" });
    const call = await w.fake.waitFor(() => w.fake.callsOf("views.publish")[0]);
    expect(textOf(call.args.view.blocks)).toMatch(/not linked to a delegation[\s\S]*\/link user slack:UNOBODY/);
  });

  it("GIVEN an observer WHEN it submits the comment form THEN the form closes and the refusal comes privately; nothing is stored", async () => {
    const { view, responseId } = await openForm("UTKM", "/comment");
    const r = await w.submit("UTKM", view, { document: "MC/2023/DRAFT/4", text: "Observer remark" });
    expect(r.body).toBe("");
    expect(textOf(await w.answer(responseId))).toMatch(/only the delegates of Member States can do that/);
    expect(await w.app.db.prisma.comment.count()).toBe(0);
  });

  it("GIVEN the Chair, who speaks for no state, opens the App Home in Russian THEN it shows the dates, in Russian, and no positions", async () => {
    await w.link("UCHAIR", "chair");
    await ask(w, "UCHAIR", "/lang ru");
    await w.event({ type: "app_home_opened", user: "UCHAIR", channel: "D0HOME", tab: "home", event_ts: "1.1" });
    const text = textOf((await w.fake.waitFor(() => w.fake.callsOf("views.publish")[0])).args.view.blocks);
    expect(text).toMatch(/Панель — Председатель/);
    expect(text).toMatch(/Сроки в ближайшие 30 дней[\s\S]*21 сентября 2023/);
    expect(text).not.toMatch(/Действующие позиции/);
  });

  it("GIVEN a list longer than one Slack message WHEN Next is clicked THEN page 2 replaces page 1 and every item appears exactly once across pages", async () => {
    const items = Array.from({ length: 40 }, (_, i) => `Long comment number ${String(i).padStart(2, "0")} ${"x".repeat(900)}`);
    for (const t of items) await w.app.as("India", `/comment DRAFT/4 para 1.10 ${t}`);
    const first = await ask(w, "UIND", "/drafts DRAFT/4 para 1.10 comments");
    const pageLine = /Page 1 of (\d+)/.exec(first.text);
    expect(pageLine).not.toBeNull();
    const pages = Number(pageLine![1]);
    expect(pages).toBeGreaterThan(1);
    const seen: string[] = [];
    let message = first.message;
    for (let p = 1; p <= pages; p++) {
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      for (const b of message.blocks) if (b.text?.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
      seen.push(...[...textOf(message).matchAll(/Long comment number (\d\d)/g)].map((m) => m[1]!));
      if (p < pages) {
        const next = await w.click("UIND", message, "dd_page_next");
        const body = await w.answer(next.responseId);
        expect(body.replace_original).toBe(true);
        expect(textOf(body)).toContain(`Page ${p + 1} of ${pages}`);
        message = body;
      }
    }
    expect([...new Set(seen)].sort()).toEqual(items.map((_, i) => String(i).padStart(2, "0")));
    expect(seen).toHaveLength(40);
  });
});
