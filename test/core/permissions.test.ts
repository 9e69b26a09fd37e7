import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";

/**
 * Who may run what. Writes are tried on a fresh database each; the matrix reads replies only.
 * delegate = India, observer = Turkmenistan (an observer since the 2021 silence procedure).
 */
const matrix: [line: string, allowed: string[]][] = [
  ["/comment DRAFT/4 para 1.10 text", ["delegate"]],
  ["/object DRAFT/4 as reservation text", ["delegate"]],
  ["/support offer:IRQ", ["delegate"]],
  ["/withdraw", ["delegate"]],
  ["/drafts", ["delegate", "observer", "chair", "secretariat"]],
  ["/coordinators ICT", ["delegate", "observer", "chair", "secretariat"]],
  ["/deadlines", ["delegate", "observer", "chair", "secretariat"]],
  ["/events 2022", ["delegate", "observer", "chair", "secretariat"]],
  ["/digest", ["chair", "secretariat"]],
  ["/silence", ["delegate", "chair", "secretariat"]],
  ["/link user slack:U1 India", ["secretariat"]],
  ["/help", ["delegate", "observer", "chair", "secretariat"]],
];
const who: Record<string, string> = { delegate: "India", observer: "Turkmenistan", chair: "chair", secretariat: "secretariat" };

describe("permissions matrix", () => {
  let app: TestApp;
  beforeAll(async () => { app = await testApp(); });
  afterAll(async () => { await app.close(); });

  for (const [line, allowed] of matrix)
    for (const role of Object.keys(who))
      it(`GIVEN ${role} WHEN ${line} THEN ${allowed.includes(role) ? "allowed" : "refused"}`, async () => {
        const r = await app.as(who[role]!, line);
        if (allowed.includes(role)) expect(["ok", "info"]).toContain(r.status);
        else {
          expect(r.status).toBe("refused");
          expect(r.summary).toMatch(/^Sorry, (only the .+ can do that|this matter is restricted)/);
        }
      });

  it("GIVEN an observer THEN restricted documents, offers and objections stay hidden", async () => {
    const drafts = await app.text("Turkmenistan", "/drafts DRAFT/4");
    expect(drafts).toMatch(/could not find a document/);
    expect(drafts).not.toMatch(/MC\/2023\/DRAFT\/4/);
    const ict = await app.text("Turkmenistan", "/coordinators terror");
    expect(ict).toMatch(/Combating terrorism/);
    expect(ict).not.toMatch(/Pending offer|supported by|Israel/);
    const info = await app.text("Turkmenistan", "/drafts INF/2");
    expect(info).toMatch(/SWG\/2023-II\/INF\/2/);
    expect(info).not.toMatch(/Open objections/);
    expect(await app.text("Turkmenistan", "/silence")).toMatch(/only the .*can do that|restricted/);
    expect(await app.text("Turkmenistan", "/deadlines all")).not.toMatch(/Comments on MC\/2023\/DRAFT\/4/);
  });

  it("GIVEN a delegate THEN the position belongs to its own state whatever it types", async () => {
    await app.as("India", "/object DRAFT/5 para 12 as objection on behalf of Israel");
    const p = await app.db.prisma.position.findFirst({ where: { targetRef: "MC/2023/DRAFT/5", paragraphRef: "12" } });
    expect(p!.stateCode).toBe("IND");
  });

  it("GIVEN an unlinked platform user THEN only /help works and everything else says how to get linked", async () => {
    const help = await app.desk.run({ platform: "slack", userId: "UNEW", command: "help", text: "" });
    expect(help.status).toBe("ok");
    const r = await app.desk.run({ platform: "slack", userId: "UNEW", command: "coordinators", text: "ICT" });
    expect(r.status).toBe("not_linked");
    expect(r.blocks.map((b) => ("text" in b ? b.text : "")).join(" ")).toMatch(/\/link user slack:UNEW <your state>/);
  });
});
