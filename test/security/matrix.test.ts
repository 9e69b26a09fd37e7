/**
 * The permissions matrix, generated from commands/ × role × platform: for every command, every kind of
 * person on every platform is either let through or refused exactly as the command's `access` says (and
 * as the README's command reference, generated from the same files, tells the Secretariat).
 * Beyond access: a delegate acts only for its own delegation, whatever it types.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import type { CommandDef } from "../../src/core/command.ts";
import type { Role } from "../../src/domain/types.ts";
import { testApp, type TestApp } from "../helpers/app.ts";

type Person = { key: string; role: Role | "unlinked"; link?: string };
/** India is "the state", Israel "another state"; Turkmenistan is an observer (seeds/001). */
const PEOPLE: Person[] = [
  { key: "delegate of the state", role: "delegate", link: "India" },
  { key: "delegate of another state", role: "delegate", link: "Israel" },
  { key: "unlinked", role: "unlinked" },
  { key: "observer", role: "observer", link: "Turkmenistan" },
  { key: "chair", role: "chair", link: "chair" },
  { key: "secretariat", role: "secretariat", link: "secretariat" },
];
const PLATFORMS = ["slack", "discord", "console"] as const;

/** A line each command accepts from someone allowed to run it (its first example, unless that needs data the seed lacks). */
const LINE: Record<string, string> = {
  withdraw: "/withdraw", lang: "/lang en", link: "/link user slack:U-LINKED India",
  // Observers may compile and draw public documents only; the examples name restricted drafts.
  compile: "/compile SWG/2023-II/INF/2", matrix: "/matrix SWG/2023-II/INF/2",
  // The example attaches a file; the text pasted after the command is the other way in.
  circulate: "/circulate MC/2024/DRAFT/1 due 2024-03-15 title Draft decision on tourism\n1. Promote [tourism] (+IND).",
};
/** A decision is recorded once per target, so each platform decides another one (past the consensus check: the matrix is about access). */
const DECIDE: Record<(typeof PLATFORMS)[number], string> = {
  slack: "/decide offer:IRQ approved override Agreed in the room",
  discord: "/decide nomination:DSG appointed override Agreed in the room",
  console: "/decide MC/2023/DRAFT/3/Rev.1 adopted override Agreed in the room",
};
const lineOf = (c: CommandDef, platform: (typeof PLATFORMS)[number] = "slack") => (c.name === "decide" ? DECIDE[platform] : LINE[c.name] ?? c.examples[0]!);

export function mayRun(c: CommandDef, role: Person["role"]): boolean {
  if (c.access === "anyone") return true;
  return role !== "unlinked" && c.access.includes(role);
}

const userId = (platform: string, p: Person) => `${platform}-${p.key.replace(/\W+/g, "-")}`;

describe("permissions matrix: commands × role × platform", () => {
  let app: TestApp;
  let n = 0;
  beforeAll(async () => {
    app = await testApp();
    for (const platform of PLATFORMS)
      for (const p of PEOPLE)
        if (p.link) expect((await app.as("secretariat", `/link user ${platform}:${userId(platform, p)} ${p.link}`)).status).toBe("ok");
  });
  afterAll(async () => { await app.close(); });

  it("GIVEN the generated matrix THEN it covers every command, six kinds of person and three platforms", () => {
    expect(commands.length).toBeGreaterThanOrEqual(13);
    expect(commands.length * PEOPLE.length * PLATFORMS.length).toBeGreaterThanOrEqual(234);
  });

  for (const c of commands)
    for (const platform of PLATFORMS)
      for (const p of PEOPLE) {
        const allowed = mayRun(c, p.role);
        it(`GIVEN ${p.key} on ${platform} WHEN ${lineOf(c, platform)} THEN ${allowed ? "allowed" : "refused"}`, async () => {
          const m = /^\/(\S+)\s*([\s\S]*)$/.exec(lineOf(c, platform))!;
          const r = await app.desk.run({ platform, userId: userId(platform, p), command: m[1]!, text: m[2]!, requestKey: `matrix-${n++}` });
          if (allowed) expect(["ok", "info"], r.summary).toContain(r.status);
          else if (p.role === "unlinked") {
            expect(r.status).toBe("not_linked");
            expect(r.summary).toMatch(/not linked/i);
          } else {
            expect(r.status).toBe("refused");
            expect(r.summary).toMatch(/^Sorry, only the .+ can do that/);
          }
        });
      }
});

/** Sub-commands narrower than their command's access (README: "only the Secretariat may use /silence start"). */
const NARROWER: [line: string, roles: Person["role"][]][] = [
  ["/silence start DRAFT/5 2023-09-05", ["secretariat"]],
  ["/events propose title: Seminar on ICT; concept: c; purpose: p; organisers: IND", ["delegate", "chair", "secretariat"]],
];

describe("permissions matrix: sub-commands narrower than their command", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp();
    for (const p of PEOPLE) if (p.link) await app.as("secretariat", `/link user slack:${userId("slack", p)} ${p.link}`);
  });
  afterAll(async () => { await app.close(); });
  for (const [line, roles] of NARROWER)
    for (const p of PEOPLE) {
      const allowed = roles.includes(p.role);
      it(`GIVEN ${p.key} WHEN ${line} THEN ${allowed ? "allowed" : "refused"}`, async () => {
        const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line)!;
        const r = await app.desk.run({ platform: "slack", userId: userId("slack", p), command: m[1]!, text: m[2]!, requestKey: `narrow-${p.key}-${line}` });
        if (allowed) expect(["ok", "info", "error"], r.summary).toContain(r.status);
        else expect(["refused", "not_linked"]).toContain(r.status);
        if (allowed) expect(r.summary).not.toMatch(/^Sorry, only/);
      });
    }
});

describe("a delegate acts only for its own delegation", () => {
  let app: TestApp;
  beforeAll(async () => { app = await testApp(); });
  afterAll(async () => { await app.close(); });

  it("GIVEN India's position and comment WHEN Israel's delegate withdraws or edits them THEN refused and unchanged", async () => {
    await app.as("India", "/object DRAFT/4 para 1.10 as reservation Ours");
    const pos = (await app.repos.positions.openOf("IND"))[0]!;
    await app.as("India", "/comment DRAFT/4 para 1.10 India's text");
    const com = (await app.repos.comments.ofState("IND"))[0]!;
    const w = await app.as("Israel", `/withdraw ${pos.id}`);
    expect(w.status).not.toBe("ok");
    expect((await app.repos.positions.byId(pos.id))!.withdrawnAt).toBeNull();
    const e = await app.as("Israel", `/comment edit ${com.id} Israel's words`);
    expect(e.status).not.toBe("ok");
    expect((await app.repos.comments.byId(com.id))!.text).toBe("India's text");
  });

  it("GIVEN Israel's delegate typing another state's name THEN the comment and the objection are Israel's", async () => {
    const india = { comments: (await app.repos.comments.ofState("IND")).length, positions: (await app.repos.positions.openOf("PSE")).length };
    await app.as("Israel", "/comment DRAFT/4 on behalf of India: agreed");
    expect((await app.repos.comments.ofState("ISR")).map((c) => c.text)).toEqual(["on behalf of India: agreed"]);
    expect((await app.repos.comments.ofState("IND")).length).toBe(india.comments);
    await app.as("Israel", "/object offer:IRQ as objection for Palestine");
    expect((await app.repos.positions.openOf("PSE")).length).toBe(india.positions);
    expect((await app.repos.positions.openOf("ISR")).some((p) => p.reason === "for Palestine")).toBe(true);
  });
});
