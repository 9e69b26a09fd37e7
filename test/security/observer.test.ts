/**
 * The observer sweep: every command (each example, plus lines aimed at restricted matters), every button
 * those answers carry, every page, every autocomplete kind and the App Home view, rendered for an observer
 * (Turkmenistan) on Slack and Discord, contains none of the restricted strings taken from the data set
 * (restricted documents, paragraphs quoting a matter, pending offers, nominations, positions, silences).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { testApp, type TestApp } from "../helpers/app.ts";
import { toPlainText, type Action, type Reply } from "../../src/services/reply.ts";
import { renderPages as slackPages } from "../../src/adapters/slack/blocks.ts";
import { renderPages as discordPages } from "../../src/adapters/discord/embeds.ts";
import { actionId, decodeAction } from "../../src/adapters/discord/components.ts";
import { translator } from "../../src/i18n/index.ts";
import type { Suggest } from "../../src/core/command.ts";

let app: TestApp;
let restricted: string[] = [];
const OBSERVER = { platform: "slack" as const, userId: "U-TKM" };

beforeAll(async () => {
  app = await testApp();
  await app.as("secretariat", "/link user slack:U-TKM Turkmenistan");
  // Restricted activity beside the seed's: an objection with a reason, comments, a silence procedure.
  await app.as("India", "/object offer:IRQ as objection RESTRICTED-REASON-IRQ");
  await app.as("India", "/comment DRAFT/4 para 1.10 RESTRICTED-COMMENT-DRAFT4");
  await app.as("Israel", "/comment SWG/2023-II/INF/2 para 6 RESTRICTED-COMMENT-ON-OFFER-PARAGRAPH");
  await app.as("secretariat", "/silence start DRAFT/5 2023-09-05");
  const p = app.db.prisma;
  const [docs, paras, offers, noms, positions, silences] = await Promise.all([
    p.document.findMany({ where: { restricted: true } }), p.paragraph.findMany({ where: { matter: { not: null } } }),
    p.offer.findMany({ where: { status: "pending" } }), p.nomination.findMany(), p.position.findMany(), p.silenceProcedure.findMany(),
  ]);
  restricted = [
    ...docs.flatMap((d) => [d.symbol, d.title]),
    ...paras.map((x) => x.text.slice(0, 40)),
    ...noms.map((n) => n.candidate),
    ...positions.map((x) => x.reason.slice(0, 40)).filter((r) => r.length > 12),
    ...silences.map((s) => s.subject),
    "RESTRICTED-REASON-IRQ", "RESTRICTED-COMMENT-DRAFT4", "RESTRICTED-COMMENT-ON-OFFER-PARAGRAPH",
  ];
  expect(offers.length).toBeGreaterThan(0);
  expect(restricted.length).toBeGreaterThan(10);
});
afterAll(async () => { await app.close(); });

const t = translator("en");
/** Everything a person could read of a reply: plain text, and Slack's and Discord's renderings. */
function surfaces(r: Reply): string {
  const slack = JSON.stringify(slackPages(r, { t, source: { command: "x", text: "" }, shareable: true, pageable: false }));
  const discord = JSON.stringify(discordPages(r, t)).replace(/\\\\/g, "");
  return [toPlainText(r), slack, discord].join("\n");
}
function leaks(text: string): string[] {
  return restricted.filter((s) => text.includes(s) || text.replace(/\\/g, "").includes(s));
}

const EXTRA = [
  "/drafts", "/drafts SWG/2023-II/INF/2", "/drafts SWG/2023-II/INF/2 comments", "/drafts SWG/2023-II/INF/2 para 5", "/drafts SWG/2023-II/INF/2 para 6",
  "/drafts DRAFT/4", "/drafts DRAFT/4 comments", "/drafts volunteerism", "/coordinators", "/coordinators terror", "/coordinators Israel", "/coordinators Iraq",
  "/coordinators sustainable", "/deadlines all", "/deadlines 365", "/events", "/events 2024", "/silence", "/help", "/help object", "/withdraw",
  "/support offer:IRQ", "/object offer:ISR as objection x", "/object nomination:DSG as objection x", "/digest",
];

describe("observer sweep", () => {
  const lines = [...new Set([...commands.flatMap((c) => c.examples), ...EXTRA])];
  it(`GIVEN ${lines.length} command lines, their buttons and pages THEN nothing restricted reaches the observer`, async () => {
    const found: string[] = [];
    const seen = new Set<string>();
    const visit = async (command: string, text: string | undefined, options: Record<string, unknown> | undefined, depth: number) => {
      const k = JSON.stringify([command, text, options]);
      if (seen.has(k)) return;
      seen.add(k);
      const r = await app.desk.run({ ...OBSERVER, command, text, options, requestKey: `obs-${seen.size}` });
      // Echoing what the observer typed ("I could not find MC/2023/DRAFT/5") tells them nothing new.
      const typed = `${text ?? ""} ${JSON.stringify(options ?? {})}`;
      for (const s of leaks(surfaces(r)).filter((x) => !typed.includes(x))) found.push(`${command} ${text ?? JSON.stringify(options)}: ${s}`);
      if (depth > 1) return;
      for (const a of r.actions ?? ([] as Action[])) {
        const click = decodeAction(actionId(a));
        if (click) await visit(click.command, click.text, click.options, depth + 1);
      }
    };
    for (const line of lines) {
      const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line)!;
      await visit(m[1]!, m[2]!, undefined, 0);
    }
    expect(found).toEqual([]);
    expect(seen.size).toBeGreaterThan(lines.length);
  });

  it("GIVEN every autocomplete kind and query THEN no restricted suggestion", async () => {
    const kinds: Suggest[] = ["document", "paragraph", "area", "state", "position", "target"];
    const docs = (await app.db.prisma.document.findMany()).map((d) => d.symbol);
    const found: string[] = [];
    for (const kind of kinds)
      for (const q of ["", "o", "offer", "IRQ", "Israel", "DRAFT", "nom", "silence", "5", "6"])
        for (const document of kind === "paragraph" ? docs : [undefined]) {
          const s = await app.desk.suggest(kind, q, OBSERVER, { document });
          for (const x of leaks(JSON.stringify(s))) found.push(`${kind} ${q} ${document ?? ""}: ${x}`);
          if (kind === "target") expect(s.some((x) => x.value.startsWith("offer:"))).toBe(false);
        }
    expect(found).toEqual([]);
  });

  it("GIVEN the App Home dashboard THEN nothing restricted", async () => {
    const home = await app.desk.dashboard(OBSERVER);
    expect(leaks(surfaces(home))).toEqual([]);
  });

  it("GIVEN a Member State on the same lines THEN the restricted strings are there (the sweep can see them)", async () => {
    const r = await app.desk.run({ platform: "console", userId: "ind", command: "drafts", text: "DRAFT/4 comments", actor: { platform: "console", userId: "ind", role: "delegate", stateCode: "IND", via: "console" } });
    expect(leaks(surfaces(r)).length).toBeGreaterThan(0);
    const s = await app.desk.run({ platform: "console", userId: "ind", command: "drafts", text: "SWG/2023-II/INF/2 para 6", actor: { platform: "console", userId: "ind", role: "delegate", stateCode: "IND", via: "console" } });
    expect(leaks(surfaces(s))).toContain("RESTRICTED-COMMENT-ON-OFFER-PARAGRAPH");
  });
});
