import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ask, slackWorld, textOf, SECRET, type SlackWorld } from "./harness.ts";
import { sendSigned } from "../fakes/slack-client.ts";
import { commands } from "../../commands/index.ts";
import type { Desk } from "../../src/core/desk.ts";

describe("Slack slash commands through Bolt", () => {
  let w: SlackWorld;
  beforeEach(async () => {
    w = await slackWorld();
    await w.link("UIND", "India");
    await w.link("UCHAIR", "chair");
    await w.link("USEC", "secretariat");
    await w.link("UTKM", "Turkmenistan");
  });
  afterEach(async () => {
    await w.close();
  });

  it("GIVEN each command in commands/ WHEN a linked user sends it THEN Bolt answers it as an ephemeral Block Kit message with fallback text", async () => {
    const lines: Record<string, [string, string, RegExp]> = {
      comment: ["UIND", "/comment MC/2023/DRAFT/4 para 1.10 kind drafting Replace two with three", /Comment #\d+ filed for India on MC\/2023\/DRAFT\/4 para 1\.10 \(drafting proposal\)[\s\S]*Replace two with three/],
      object: ["UIND", "/object DRAFT/5 para 11 as objection Not acceptable", /Recorded: objection \(#\d+\)[\s\S]*Not acceptable/],
      support: ["UIND", "/support offer:IRQ", /Recorded: support \(#\d+\)[\s\S]*offer of Iraq/],
      withdraw: ["UIND", "/withdraw", /Open positions of India \(\d+\)[\s\S]*reservation on nomination of Ms\. Zhang Ling/],
      drafts: ["UIND", "/drafts", /Documents \(6\)[\s\S]*MC\/2023\/DRAFT\/4 — Draft Decision/],
      coordinators: ["UIND", "/coordinators ICT", /\*Coordinator\*\nRussian Federation[\s\S]*\*Approved, not yet started\*\nChina/],
      deadlines: ["UIND", "/deadlines", /Deadlines, next 60 days \(4\)[\s\S]*Digital Forensics/],
      events: ["UIND", "/events 2022", /CBM events, 2022 \(18\)[\s\S]*E-publication on disaster risk reduction/],
      digest: ["UCHAIR", "/digest", /Daily digest for the Chair[\s\S]*Still blocked[\s\S]*MC\/2023\/DRAFT\/4 — Israel \(reservation/],
      silence: ["UIND", "/silence", /Silence procedures \(1\)[\s\S]*Granting CICA Observer Status to Turkmenistan/],
      link: ["USEC", "/link user slack:UNEW Kazakhstan", /Linked slack:UNEW to Kazakhstan/],
      lang: ["UIND", "/lang en", /Language set: English/],
      help: ["UIND", "/help", /Delegate Desk: what you can type[\s\S]*\/comment <document>/],
      compile: ["UIND", "/compile DRAFT/4", /Compilation of comments on MC\/2023\/DRAFT\/4[\s\S]*direct messages/],
      matrix: ["UIND", "/matrix DRAFT/5", /Position matrix: MC\/2023\/DRAFT\/5[\s\S]*PP8: IRN \+ −/],
      offer: ["UIND", "/offer tourism as co-coordinator for 2025-2027", /Offer ind-tourism filed[\s\S]*India: Co-coordinator, Tourism/],
      circulate: ["USEC", "/circulate MC/2024/DRAFT/9\n1. Promote [tourism] (+IND).", /Preview of MC\/2024\/DRAFT\/9: 1 paragraph\(s\), 1 with brackets[\s\S]*proposed by India/],
      decide: ["USEC", "/decide MC/2023/DRAFT/4 adopted", /No consensus on MC\/2023\/DRAFT\/4[\s\S]*Israel: reservation/],
      decisions: ["UIND", "/decisions SOC/2023-II/DEC/1", /decision\(s\): SOC\/2023-II\/DEC\/1[\s\S]*Russian Federation appointed Coordinator/],
      deadline: ["USEC", "/deadline add 2023-09-21 10:00 meeting Ministerial Council", /Added: 2023-09-21-ministerial-council/],
    };
    expect(Object.keys(lines).sort()).toEqual(commands.map((c) => c.name).sort());
    for (const [name, [user, line, expected]] of Object.entries(lines)) {
      const { ack, message, text } = await ask(w, user, line);
      expect(ack.status, name).toBe(200);
      expect(text, name).toMatch(expected);
      expect(message.response_type, name).toBe("ephemeral");
      expect(typeof message.text, name).toBe("string");
      expect(message.text.length, name).toBeGreaterThan(0);
      expect(message.blocks.length, name).toBeLessThanOrEqual(50);
    }
  });

  it("GIVEN a slow piece of work WHEN a command arrives THEN the HTTP ack returns first, with an empty body, and the answer follows on response_url", async () => {
    await w.close();
    let open!: () => void;
    const gate = new Promise<void>((r) => { open = r; });
    const ran: string[] = [];
    w = await slackWorld({ wrapDesk: (d: Desk) => ({ ...d, run: async (inv) => { ran.push(inv.command); await gate; return d.run(inv); } }) });
    await w.link("UIND", "India");
    const { ack, responseId } = await w.command("UIND", "/comment MC/2023/DRAFT/4 para 1.10 Gate test");
    expect(ack.status).toBe(200);
    expect(ack.body).toBe("");
    // The ack is already back while the work is still held at the gate: nothing answered, nothing stored.
    expect(w.fake.responsesTo(responseId)).toHaveLength(0);
    expect(await w.app.db.prisma.comment.count()).toBe(0);
    open();
    const answer = await w.answer(responseId);
    expect(textOf(answer)).toMatch(/Comment #1 filed for India/);
    expect(ran).toEqual(["comment"]);
  });

  it("GIVEN a command retried by Slack (X-Slack-Retry-Num: 1, same trigger) THEN the position is recorded once and the retry says so", async () => {
    const before = await w.app.db.prisma.position.count();
    const first = await ask(w, "UIND", "/object DRAFT/5 para 11 as objection Retry test", { headers: {} });
    const again = await ask(w, "UIND", "/object DRAFT/5 para 11 as objection Retry test", { triggerId: first.triggerId, headers: { "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout" } });
    expect(first.text).toMatch(/Recorded: objection/);
    expect(again.text).toMatch(/already on record/i);
    expect(await w.app.db.prisma.position.count()).toBe(before + 1);
  });

  it("GIVEN a comment retried with the same trigger THEN it is stored once", async () => {
    const first = await ask(w, "UIND", "/comment DRAFT/4 para 1.10 Only once please");
    await ask(w, "UIND", "/comment DRAFT/4 para 1.10 Only once please", { triggerId: first.triggerId, headers: { "X-Slack-Retry-Num": "2" } });
    expect(await w.app.db.prisma.comment.count()).toBe(1);
  });

  it("GIVEN a bad signature THEN Bolt answers 401 and nothing is recorded or answered", async () => {
    const { ack, responseId } = await w.command("UIND", "/comment DRAFT/4 para 1.10 forged", { signature: "v0=0000000000000000000000000000000000000000000000000000000000000000" });
    expect(ack.status).toBe(401);
    const ok = await ask(w, "UIND", "/help");
    expect(ok.text).toMatch(/what you can type/);
    expect(w.fake.responsesTo(responseId)).toHaveLength(0);
    expect(await w.app.db.prisma.comment.count()).toBe(0);
  });

  it("GIVEN a correctly signed request older than five minutes THEN it is rejected with 401", async () => {
    const { ack, responseId } = await w.command("UIND", "/comment DRAFT/4 para 1.10 replayed", { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(ack.status).toBe(401);
    await ask(w, "UIND", "/help");
    expect(w.fake.responsesTo(responseId)).toHaveLength(0);
    expect(await w.app.db.prisma.comment.count()).toBe(0);
  });

  it("GIVEN text with <!channel>, <!here>, <@U…>, @everyone and & < > WHEN echoed THEN it is escaped and cannot ping", async () => {
    const { message } = await ask(w, "UIND", "/comment DRAFT/5 para 11 <!channel> <!here> <!everyone> <@U123> @everyone @here a & b < c > d");
    const raw = JSON.stringify(message.blocks);
    expect(raw).toContain("&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;@U123&gt;");
    expect(raw).toContain("a &amp; b &lt; c &gt; d");
    expect(raw).not.toMatch(/<!channel>|<!here>|<!everyone>|<@U123>/);
    expect(raw).not.toMatch(/@everyone|@here/);
    expect(raw).toContain("@\\u2060everyone".replace("\\u2060", "\u2060"));
    // The stored text is what the user typed; only the Slack rendering is escaped.
    const [row] = await w.app.db.prisma.comment.findMany();
    expect(row!.text).toContain("<!channel> <!here>");
  });

  it("GIVEN an unknown Slack user THEN one clear message tells them how to get linked, with their Slack id", async () => {
    const { text, message } = await ask(w, "UNOBODY", "/drafts");
    expect(text).toMatch(/You are not linked to a delegation yet[\s\S]*\/link user slack:UNOBODY <your state>/);
    expect(message.response_type).toBe("ephemeral");
  });

  it("GIVEN a channel linked to Israel WHEN an unlinked user types there THEN they act for Israel", async () => {
    await w.app.as("secretariat", "/link channel slack:CISR Israel");
    const { text } = await ask(w, "UANY", "/object DRAFT/5 para 11 as reservation From the Israeli channel", { channelId: "CISR" });
    expect(text).toMatch(/Recorded: reservation/);
    const rows = await w.app.db.prisma.position.findMany({ where: { reason: "From the Israeli channel" } });
    expect(rows.map((r) => [r.stateCode, r.platform, r.userId])).toEqual([["ISR", "slack", "UANY"]]);
  });

  it("GIVEN roles THEN permissions hold: a delegate cannot preview the digest or link users, an observer cannot comment nor see restricted drafts", async () => {
    expect((await ask(w, "UIND", "/digest")).text).toMatch(/only the Chair, Secretariat can do that/);
    expect((await ask(w, "UIND", "/link user slack:UX India")).text).toMatch(/only the Secretariat can do that/);
    expect((await ask(w, "UTKM", "/comment DRAFT/4 para 1.10 hello")).text).toMatch(/only the delegates of Member States can do that/);
    const drafts = await ask(w, "UTKM", "/drafts");
    expect(drafts.text).not.toMatch(/MC\/2023\/DRAFT\/4/);
    expect(drafts.text).toMatch(/SWG\/2023-II\/INF\/2/);
    expect(await w.app.db.prisma.comment.count()).toBe(0);
    expect(await w.app.db.prisma.identity.count({ where: { userId: "UX" } })).toBe(0);
  });

  it("GIVEN Slack verifies the request URL, or a load balancer probes /healthz THEN both are answered", async () => {
    const r = await sendSigned(w.eventsUrl, SECRET, JSON.stringify({ token: "legacy", challenge: "c-123", type: "url_verification" }), "application/json");
    expect(r.status).toBe(200);
    expect(r.body).toContain("c-123");
    const health = await fetch(w.eventsUrl.replace("/slack/events", "/healthz"));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
  });

  it("GIVEN a user who chose Russian THEN answers and buttons come in Russian", async () => {
    await ask(w, "UIND", "/lang ru");
    const { text, message } = await ask(w, "UIND", "/coordinators ICT");
    expect(text).toMatch(/Координатор\*\nРоссийская Федерация/);
    const labels = message.blocks.flatMap((b: any) => (b.type === "actions" ? b.elements.map((e: any) => e.text.text) : []));
    expect(labels).toContain("Показать в канале");
  });
});
