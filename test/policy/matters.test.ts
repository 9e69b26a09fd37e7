/**
 * Policy as data (issue 10): every matter the table restricts from observers is checked on the reply surface,
 * through the real console adapter: a Member State's delegate (or the Chair) sees the matter on some line, and
 * the observer (Turkmenistan), typing the very same lines, sees none of it. A row added to the table without a
 * probe here fails the first test.
 *
 * Mutations this file was checked against (each made by hand, watched failing, then restored):
 * - the `matter: "offer"` tag on the pending offers of `/coordinators <state>` removed (stateView);
 * - the `requireAct(ctx, "event_proposal")` call in proposeEvent removed;
 * - the `visibleReply` call in Desk.run removed;
 * - each row's `see` widened to everyone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";
import { answerTo, consoleSession } from "../helpers/console.ts";
import { POLICY, restrictedFrom, maySee, type Matter } from "../../src/policy/matters.ts";

let app: TestApp;
const OFFER = "offer-irq-cocoord-terrorism";

beforeAll(async () => {
  app = await testApp();
  // Restricted activity beside the seed's: a reservation on a public document, a silence, a decision on a nomination.
  await app.as("India", "/object SWG/2023-II/INF/2 as reservation POLICY-RESERVATION-ON-PUBLIC");
  await app.as("secretariat", "/silence start DRAFT/5 2023-09-05");
  const dec = await app.as("secretariat", "/decide nomination:nomination-dsg-2023-zhang-ling appointed override consulted");
  expect(dec.status, JSON.stringify(dec)).toBe("ok");
});
afterAll(async () => { await app.close(); });

type Probe = { member: string; lines: string[]; marks: string[] };

/** For each matter restricted from observers: lines that show it to a member, and strings only it contains. */
const PROBES: Partial<Record<Matter, Probe>> = {
  negotiation_text: { member: "India", lines: ["/drafts", "/deadlines all", "/drafts volunteerism"], marks: ["MC/2023/DRAFT/5", "MC/2023/DRAFT/4", "Promoting Volunteerism"] },
  objection: { member: "India", lines: ["/drafts SWG/2023-II/INF/2", "/coordinators terror"], marks: ["POLICY-RESERVATION-ON-PUBLIC", "reservation on the entire document", "Open objections"] },
  offer: { member: "India", lines: ["/coordinators Iraq", "/coordinators terror", "/coordinators", "/drafts SWG/2023-II/INF/2 para 6"], marks: [OFFER, "Pending offer", "Israel submitted to the SWG its offer"] },
  nomination: { member: "India", lines: ["/decisions", "/decisions 2023", "/deadlines all"], marks: ["Zhang Ling", "Deputy Secretary General"] },
  silence: { member: "India", lines: ["/deadlines all", "/silence", "/deadlines 30"], marks: ["Silence procedure ends", "sp-2023-08-23", "silence procedure"] },
  digest: { member: "chair", lines: ["/digest", "/digest 2023-08-22"], marks: ["Digest", "POLICY-RESERVATION-ON-PUBLIC"] },
};

const found = (out: string, marks: string[]) => marks.filter((m) => out.includes(m));

describe("policy table", () => {
  it("GIVEN the table THEN every matter restricted from observers has a probe on the reply surface", () => {
    const restricted = restrictedFrom("observer");
    expect(restricted).toEqual(expect.arrayContaining(["negotiation_text", "objection", "offer", "nomination", "silence", "digest"]));
    expect(restricted.filter((m) => !PROBES[m])).toEqual([]);
    // Chair and Secretariat see every matter; a delegate everything but the digest.
    for (const m of Object.keys(POLICY) as Matter[]) {
      expect(maySee("chair", m) && maySee("secretariat", m)).toBe(true);
      if (m !== "digest") expect(maySee("delegate", m)).toBe(true);
    }
  });

  for (const [matter, probe] of Object.entries(PROBES) as [Matter, Probe][]) {
    it(`GIVEN ${matter} WHEN ${probe.member} and the observer type ${probe.lines.join(", ")} on the console THEN only ${probe.member} sees it`, async () => {
      const member = await consoleSession(app.desk, probe.member, probe.lines);
      const observer = await consoleSession(app.desk, "Turkmenistan", probe.lines);
      // The probe can fail: the member sees the matter on these very lines.
      expect(found(member.out, probe.marks).length, member.out).toBeGreaterThan(0);
      for (const line of probe.lines) {
        const answer = answerTo(observer.out, line);
        expect(found(answer, probe.marks), `${line}:\n${answer}`).toEqual([]);
      }
    });
  }
});

describe("observer checks that mutations once removed unnoticed", () => {
  it("GIVEN Iraq's pending offer WHEN the observer asks /coordinators Iraq THEN no pending offer, just that Iraq coordinates nothing", async () => {
    const { out } = await consoleSession(app.desk, "Turkmenistan", ["/coordinators Iraq"]);
    const answer = answerTo(out, "/coordinators Iraq");
    expect(answer).not.toContain(OFFER);
    expect(answer).not.toContain("Pending offer");
    expect(answer).toContain("Iraq does not coordinate a priority area and has no pending offer.");
    // …while a delegate sees the offer there.
    const india = await consoleSession(app.desk, "India", ["/coordinators Iraq"]);
    expect(answerTo(india.out, "/coordinators Iraq")).toContain(OFFER);
  });

  it("GIVEN the observer WHEN it proposes a CBM event THEN it is refused politely, in EN and RU, and nothing is stored", async () => {
    const line = "/events propose title: Observer seminar POLICY-OBS; concept: c; purpose: p; organisers: Turkmenistan; year: 2024";
    const before = await app.db.prisma.cbmEvent.count();
    const en = await app.as("Turkmenistan", line);
    expect(en.status).toBe("refused");
    expect(en.summary).toBe("Sorry, only the delegates of Member States, Chair, Secretariat can do that.");
    const ru = await app.as("Turkmenistan", line, { actor: { platform: "console", userId: "tkm", role: "observer", stateCode: "TKM", lang: "ru", via: "console" } });
    expect(ru.status).toBe("refused");
    expect(ru.summary).toMatch(/^Извините, это может сделать только: /);
    const { out } = await consoleSession(app.desk, "Turkmenistan", [line]);
    expect(answerTo(out, line)).toContain("Sorry, only the delegates of Member States, Chair, Secretariat can do that.");
    expect(await app.db.prisma.cbmEvent.count()).toBe(before);
    expect(await app.db.prisma.cbmEvent.count({ where: { title: { contains: "POLICY-OBS" } } })).toBe(0);
    // The same line from a delegate of a Member State is stored: the refusal is the observer's, not the line's.
    const ok = await app.as("India", line.replace("Turkmenistan", "India"));
    expect(ok.status, ok.summary).toBe("ok");
    expect(await app.db.prisma.cbmEvent.count()).toBe(before + 1);
  });
});
