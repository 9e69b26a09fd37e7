/**
 * The cycle through the real discord.js client against the fake Discord: the .docx arrives as an attachment
 * option (downloaded from the fake CDN), the preview's Confirm button circulates it, and the rest of the
 * cycle runs as slash commands with typed options.
 */
import { afterEach, describe, expect, it } from "vitest";
import { harness, type Harness } from "../discord/harness.ts";
import { makeDocx, DRAFT_LINES, REV1_LINES } from "./docx.ts";
import type { ChatPlatform } from "../../src/core/platform.ts";
import { registrationPayload } from "../../src/adapters/discord/registration.ts";
import { commands } from "../../commands/index.ts";
import { alerting } from "../helpers/alerting.ts";

let h: Harness | undefined;
afterEach(async () => { await h?.close(); h = undefined; });

const SEC = { userId: "D-SEC" };
const IND = { userId: "D-IND" };
const CHN = { userId: "D-CHN" };
const IRN = { userId: "D-IRN" };
const CHAIR = { userId: "D-CHAIR" };

async function circulate(x: Harness, options: Record<string, string>, file: { name: string; data: Buffer }) {
  const preview = await x.fake.settled(x.fake.commandWithFile("circulate", options, "file", file, SEC)).then((r) => r);
  const { shown } = await import("../discord/harness.ts");
  const p = shown(preview);
  const confirm = (p.body?.components ?? []).flatMap((r: any) => r.components ?? []).find((c: any) => /Confirm/.test(c?.label ?? ""));
  if (!confirm) throw new Error(`no confirm button: ${JSON.stringify(preview.map((r) => r.body)).slice(0, 1500)}`);
  return { preview: p, confirm: confirm?.custom_id as string | undefined };
}

describe("GIVEN the Secretariat and delegations on Discord", () => {
  it("WHEN a .docx draft is attached, confirmed, commented, objected to, revised and decided THEN each step is answered and each day's digest shows it", { timeout: 90_000 }, async () => {
    h = await harness();
    for (const [u, who] of [["D-SEC", "secretariat"], ["D-IND", "India"], ["D-CHN", "China"], ["D-IRN", "Iran"], ["D-CHAIR", "chair"]] as const) await h.link(u, who);
    h.app.setNow("2024-03-01T10:00:00+05:00");

    const day1 = await circulate(h, { symbol: "MC/2024/DRAFT/1", due: "2024-03-15", title: "Draft decision on tourism" }, { name: "draft.docx", data: await makeDocx(DRAFT_LINES) });
    expect(day1.preview.text).toContain("6 paragraph(s), 3 with brackets");
    expect(day1.preview.text).toContain("proposed by Iran");
    expect(day1.confirm).toBeTruthy();
    const done = await h.button(day1.confirm!, SEC);
    expect(done.text).toContain("MC/2024/DRAFT/1 circulated");
    expect(h.app.events).toContainEqual({ type: "document_circulated", symbol: "MC/2024/DRAFT/1", platform: "discord" });

    const docs = await h.autocomplete("decide", { target: "2024" }, "target", SEC);
    expect(docs.map((c) => c.value)).toContain("MC/2024/DRAFT/1");

    h.app.setNow("2024-03-04T11:00:00+05:00");
    expect((await h.command("comment", { document: "MC/2024/DRAFT/1", para: "3", text: "Replace religious with historical" }, IND)).text).toContain("Comment #");
    expect((await h.command("comment", { document: "MC/2024/DRAFT/1", para: "1", text: "We support paragraph 1" }, CHN)).text).toContain("Comment #");
    const obj = await h.command("object", { target: "MC/2024/DRAFT/1", para: "4", reason: "We cannot accept a reporting obligation" }, IRN);
    const objId = /#(\d+)/.exec(obj.text)![1]!;

    h.app.setNow("2024-03-18T10:00:00+05:00");
    const rev = await circulate(h, { rev_of: "MC/2024/DRAFT/1", due: "2024-03-29" }, { name: "rev1.docx", data: await makeDocx(REV1_LINES) });
    expect(rev.preview.text).toContain("Revision of: MC/2024/DRAFT/1");
    expect((await h.button(rev.confirm!, SEC)).text).toContain("MC/2024/DRAFT/1/Rev.1 circulated");
    const changes = await h.command("drafts", { document: "MC/2024/DRAFT/1/Rev.1 changes" }, IND);
    expect(changes.text).toContain("bracket resolved: [intercivilizational and intercultural exchanges]");
    // The registered `changes` option (a boolean) gives the same answer.
    const typed = await h.command("drafts", { document: "MC/2024/DRAFT/1/Rev.1", changes: true }, IND);
    expect(typed.text).toContain("bracket resolved: [intercivilizational and intercultural exchanges]");
    expect(typed.text).toBe(changes.text);

    h.app.setNow("2024-03-20T10:00:00+05:00");
    const refused = await h.command("decide", { target: "MC/2024/DRAFT/1/Rev.1", outcome: "approved", decision: "SOC/2024-I/DEC/2" }, SEC);
    expect(refused.text).toContain("No consensus");
    expect(refused.text).toContain("Iran");

    h.app.setNow("2024-03-22T10:00:00+05:00");
    expect((await h.command("withdraw", { id: Number(objId) }, IRN)).text).toMatch(/withdrawn/i);
    const decided = await h.command("decide", { target: "MC/2024/DRAFT/1/Rev.1", outcome: "approved", decision: "SOC/2024-I/DEC/2" }, SEC);
    expect(decided.text).toContain("recorded");
    expect((await h.command("decisions", { query: "SOC/2024-I/DEC/2" }, IND)).text).toContain("MC/2024/DRAFT/1/Rev.1: approved");

    expect((await h.command("digest", { date: "2024-03-02" }, CHAIR)).text).toContain("MC/2024/DRAFT/1 — Draft decision on tourism");
    expect((await h.command("digest", { date: "2024-03-05" }, CHAIR)).text).toMatch(/Iran: objection/);
    expect((await h.command("digest", { date: "2024-03-19" }, CHAIR)).text).toContain("revision of MC/2024/DRAFT/1");
    expect((await h.command("digest", { date: "2024-03-23" }, CHAIR)).text).toContain("SOC/2024-I/DEC/2");
  });
});

describe("GIVEN delegation channels linked on Discord", () => {
  it("WHEN the Secretariat confirms a circulation THEN each Member State's linked Discord channel gets the announcement through discord.js, not observers' nor other platforms'", { timeout: 60_000 }, async () => {
    const platforms: ChatPlatform[] = [];
    const x = await harness({ deskWrap: alerting(platforms) });
    h = x;
    platforms.push(x.discord.platform);
    await x.link("D-SEC", "secretariat");
    for (const line of ["/link channel discord:1100220033 India", "/link channel discord:1100220044 Turkmenistan", "/link channel slack:C-CHN China"]) expect((await x.app.as("secretariat", line)).status).toBe("ok");
    x.app.setNow("2024-03-01T10:00:00+05:00");
    const day1 = await circulate(x, { symbol: "MC/2024/DRAFT/1", due: "2024-03-15", title: "Draft decision on tourism" }, { name: "draft.docx", data: await makeDocx(DRAFT_LINES) });
    expect((await x.button(day1.confirm!, SEC)).text).toContain("MC/2024/DRAFT/1 circulated");
    const posts = () => x.fake.requests.filter((r) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path));
    for (let i = 0; i < 200 && !posts().length; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 200));
    expect(posts().map((p) => p.path)).toEqual(["/channels/1100220033/messages"]);
    expect(posts()[0]!.body.content).toContain("MC/2024/DRAFT/1");
    expect(JSON.stringify(posts()[0]!.body.embeds)).toMatch(/15 March 2024/);
    expect(posts()[0]!.body.allowed_mentions).toEqual({ parse: [] });
  });

  it("GIVEN the registration payload THEN /drafts has the boolean options comments and changes", () => {
    const drafts = registrationPayload(commands).find((c) => c.name === "drafts");
    expect(drafts?.options?.filter((o) => o.type === 5).map((o) => o.name)).toEqual(["comments", "changes"]);
  });
});
