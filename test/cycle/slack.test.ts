/**
 * The cycle through real Bolt against the fake Slack Web API: the text pasted after the command line, or a
 * .docx picked in the form's file input (fetched from the fake with the bot token), and the announcement.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ask, slackWorld, textOf, type SlackWorld } from "../slack/harness.ts";
import { makeDocx, DRAFT_LINES, REV1_LINES } from "./docx.ts";
import type { ChatPlatform } from "../../src/core/platform.ts";
import { alerting } from "../helpers/alerting.ts";

let w: SlackWorld | undefined;
afterEach(async () => { await w?.close(); w = undefined; });

const paste = (lines: { text: string }[]) => lines.map((l) => l.text).join("\n");

async function confirmFrom(x: SlackWorld, message: Record<string, any>) {
  const button = (message.blocks as any[]).flatMap((b) => (b.type === "actions" ? b.elements : [])).find((e: any) => /Confirm/.test(e.text?.text ?? ""));
  if (!button) throw new Error(`no confirm button in ${JSON.stringify(message.blocks).slice(0, 800)}`);
  const { responseId } = await x.click("U-SEC", message, button.action_id);
  return textOf(await x.answer(responseId));
}

describe("GIVEN the Secretariat and delegations on Slack", () => {
  it("WHEN a draft is pasted, confirmed, commented, objected to, revised and decided THEN each step is answered and each day's digest shows it", { timeout: 90_000 }, async () => {
    w = await slackWorld();
    for (const [u, who] of [["U-SEC", "secretariat"], ["U-IND", "India"], ["U-CHN", "China"], ["U-IRN", "Iran"], ["U-CHAIR", "chair"]] as const) await w.link(u, who);
    w.app.setNow("2024-03-01T10:00:00+05:00");

    const preview = await ask(w, "U-SEC", `/circulate MC/2024/DRAFT/1 due 2024-03-15 title Draft decision on tourism\n${paste(DRAFT_LINES)}`);
    expect(preview.text).toContain("6 paragraph(s), 3 with brackets");
    expect(await confirmFrom(w, preview.message)).toContain("MC/2024/DRAFT/1 circulated");

    w.app.setNow("2024-03-04T11:00:00+05:00");
    expect((await ask(w, "U-IND", "/comment MC/2024/DRAFT/1 para 3 kind drafting Replace religious with historical")).text).toContain("Comment #");
    expect((await ask(w, "U-CHN", "/comment MC/2024/DRAFT/1 para 1 We support paragraph 1")).text).toContain("Comment #");
    const obj = await ask(w, "U-IRN", "/object MC/2024/DRAFT/1 para 4 We cannot accept a reporting obligation");
    const objId = /#(\d+)/.exec(obj.text)![1]!;

    w.app.setNow("2024-03-18T10:00:00+05:00");
    const rev = await ask(w, "U-SEC", `/circulate rev of MC/2024/DRAFT/1 due 2024-03-29\n${paste(REV1_LINES)}`);
    expect(await confirmFrom(w, rev.message)).toContain("MC/2024/DRAFT/1/Rev.1 circulated");
    expect((await ask(w, "U-IND", "/drafts MC/2024/DRAFT/1/Rev.1 changes")).text).toContain("bracket resolved: [intercivilizational and intercultural exchanges]");

    w.app.setNow("2024-03-20T10:00:00+05:00");
    const refused = await ask(w, "U-SEC", "/decide MC/2024/DRAFT/1/Rev.1 approved decision SOC/2024-I/DEC/2");
    expect(refused.text).toContain("No consensus");
    expect(refused.text).toContain("Iran");

    w.app.setNow("2024-03-22T10:00:00+05:00");
    expect((await ask(w, "U-IRN", `/withdraw ${objId}`)).text).toMatch(/withdrawn/i);
    expect((await ask(w, "U-SEC", "/decide MC/2024/DRAFT/1/Rev.1 approved decision SOC/2024-I/DEC/2")).text).toContain("recorded");

    expect((await ask(w, "U-CHAIR", "/digest 2024-03-02")).text).toContain("MC/2024/DRAFT/1 — Draft decision on tourism");
    expect((await ask(w, "U-CHAIR", "/digest 2024-03-05")).text).toMatch(/Iran: objection/);
    expect((await ask(w, "U-CHAIR", "/digest 2024-03-19")).text).toContain("revision of MC/2024/DRAFT/1");
    expect((await ask(w, "U-CHAIR", "/digest 2024-03-23")).text).toContain("SOC/2024-I/DEC/2");
  });
});

describe("GIVEN the Secretariat on Slack with a .docx to circulate", () => {
  it("WHEN /circulate has no text THEN the form it declares opens with a file input; WHEN a .docx is picked THEN the bot fetches it with its token, previews it, and on confirm the delegation channels linked on Slack are told (observers not: the draft has brackets)", { timeout: 60_000 }, async () => {
    const platforms: ChatPlatform[] = [];
    const x = await slackWorld({ wrapDesk: alerting(platforms) });
    w = x;
    platforms.push(x.slack);
    await x.link("U-SEC", "secretariat");
    for (const line of ["/link channel slack:C-IND India", "/link channel slack:C-TKM Turkmenistan", "/link channel discord:1100220033 China"]) expect((await x.app.as("secretariat", line)).status).toBe("ok");
    x.app.setNow("2024-03-01T10:00:00+05:00");

    const sent = await x.command("U-SEC", "/circulate");
    const view = (await x.fake.waitFor(() => x.fake.callsOf("views.open").find((c) => c.args.trigger_id === sent.triggerId))).args.view;
    const file = (view.blocks as any[]).find((b) => b.element?.type === "file_input");
    expect(file?.block_id).toBe("file");
    expect(file.element.filetypes).toEqual(["txt", "md", "docx"]);
    expect(x.fake.responsesTo(sent.responseId)).toEqual([]);

    const id = x.fake.addFile("draft.docx", await makeDocx(DRAFT_LINES));
    const ack = await x.submit("U-SEC", view, { symbol: "MC/2024/DRAFT/1", due: "2024-03-15", title: "Draft decision on tourism", file: id });
    expect(ack.status).toBe(200);
    expect(x.fake.downloads).toEqual([{ fileId: id, token: "xoxb-test" }]);
    const preview = await x.answer(sent.responseId);
    expect(textOf(preview)).toContain("6 paragraph(s), 3 with brackets");
    expect(await confirmFrom(x, preview)).toContain("MC/2024/DRAFT/1 circulated");

    const post = await x.fake.waitFor(() => x.fake.callsOf("chat.postMessage").find((c) => c.args.channel === "C-IND"));
    expect(textOf(post.args)).toContain("MC/2024/DRAFT/1");
    expect(textOf(post.args)).toMatch(/15 March 2024/);
    await new Promise((r) => setTimeout(r, 200));
    expect(x.fake.callsOf("chat.postMessage").map((c) => c.args.channel)).not.toContain("C-TKM");
  });

  it("GIVEN a form whose file cannot be fetched THEN the form shows why on the file field and nothing is previewed", { timeout: 30_000 }, async () => {
    const x = await slackWorld();
    w = x;
    await x.link("U-SEC", "secretariat");
    const sent = await x.command("U-SEC", "/circulate MC/2024/DRAFT/9 due 2024-04-01");
    const view = (await x.fake.waitFor(() => x.fake.callsOf("views.open").find((c) => c.args.trigger_id === sent.triggerId))).args.view;
    // What was typed after the command prefills the form.
    expect((view.blocks as any[]).find((b) => b.block_id === "symbol").element.initial_value).toBe("MC/2024/DRAFT/9");
    const ack = await x.submit("U-SEC", view, { symbol: "MC/2024/DRAFT/9", file: "FU404" });
    expect(ack.status).toBe(200);
    expect(ack.json?.response_action).toBe("errors");
    expect(ack.json?.errors?.file).toMatch(/could not be fetched from Slack \(file_not_found\)/);
  });
});
