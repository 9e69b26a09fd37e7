/**
 * The cycle through real Bolt against the fake Slack Web API. Slack slash commands carry no files, so the
 * text is pasted after the command line (the .docx route is covered on the console and Discord).
 */
import { afterEach, describe, expect, it } from "vitest";
import { ask, slackWorld, textOf, type SlackWorld } from "../slack/harness.ts";
import { DRAFT_LINES, REV1_LINES } from "./docx.ts";

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
