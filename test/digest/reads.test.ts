/**
 * Issue 15's read budget: the digest reads each shared thing once and only what it prints; /object reads
 * the one target it records a position on, not every nomination and silence procedure of the forum.
 * Counted at the repository functions the services call (each call is one query).
 */
import { afterEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";
import type { Repos } from "../../src/db/repos.ts";

/** Replaces the named repository functions, in place, by counting ones (the desk holds the same object). */
function count(repos: Repos, names: string[]): Record<string, number> {
  const calls: Record<string, number> = {};
  for (const name of names) {
    const [ns, fn] = name.split(".") as [keyof Repos, string];
    const group = repos[ns] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    const real = group[fn]!;
    calls[name] = 0;
    group[fn] = (...a: unknown[]) => { calls[name]!++; return real(...a); };
  }
  return calls;
}

const SILENCE_READS = ["silence.all", "silence.running", "silence.about"];

describe("reads on the hot paths", () => {
  let app: TestApp;
  afterEach(async () => { await app.close(); });

  it("GIVEN a running silence procedure and objections WHEN the Chair's digest is built THEN silence procedures and nominations are read once each, and 'still blocked' reads only open positions from before the morning", async () => {
    app = await testApp();
    await app.as("secretariat", "/silence start MC/2023/DRAFT/5 2023-09-05");
    await app.as("India", "/object DRAFT/5 para 11 as objection Not yet");
    app.setNow("2023-08-24T09:00:00+05:00");
    const calls = count(app.repos, [...SILENCE_READS, "nominations.all", "nominations.byIds", "positions.openBlocking", "positions.blockingBefore", "time.positionsOn"]);
    const digest = await app.text("chair", "/digest 2023-08-24");
    expect(digest).toMatch(/India/);
    expect(digest).toMatch(/Silence/i);
    expect(SILENCE_READS.reduce((n, k) => n + calls[k]!, 0)).toBe(1);
    expect(calls["nominations.all"]! + calls["nominations.byIds"]!).toBe(1);
    expect(calls["positions.openBlocking"]).toBe(0);
    expect(calls["positions.blockingBefore"]).toBe(1);
  });

  it("GIVEN a running silence procedure on a draft WHEN India objects to it THEN the procedure is broken, and neither all nominations nor all silence procedures were read", async () => {
    app = await testApp();
    await app.as("secretariat", "/silence start MC/2023/DRAFT/5 2023-09-05");
    const calls = count(app.repos, ["silence.all", "silence.running", "nominations.all"]);
    const r = await app.as("India", "/object DRAFT/5 as objection We cannot join consensus");
    expect(r.status).toBe("ok");
    expect((await app.db.prisma.silenceProcedure.findMany({ where: { targetRef: "MC/2023/DRAFT/5" } })).map((s) => [s.outcome, s.brokenBy])).toEqual([["broken", "IND"]]);
    expect(calls).toEqual({ "silence.all": 0, "silence.running": 0, "nominations.all": 0 });
  });
});
