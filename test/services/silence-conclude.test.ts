/**
 * The scheduler's sweep (src/services/silence.ts concludeExpiredSilence, run by src/digest/alerts.ts for the
 * Secretariat): a running procedure whose last day has passed with no objection is concluded once, audited and
 * announced; a broken one, one still running and one concluded long ago are left as they are (seeds/001 item 3).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";
import { concludeExpiredSilence } from "../../src/services/silence.ts";
import type { DomainEvent } from "../../src/services/positions.ts";
import { auditSince, ctxAs, lastAuditId } from "./positions-helpers.ts";

let app: TestApp;
beforeEach(async () => {
  app = await testApp();
  expect((await app.as("secretariat", "/silence start MC/2023/DRAFT/5 2023-09-05")).status).toBe("ok");
});
afterEach(async () => app?.close());

const SP = "sp-2023-08-23-mc-2023-draft-5";
const TKM = "silence-2021-tkm-observer-status";

async function sweep(now: string, repos = app.repos) {
  const events: DomainEvent[] = [];
  const ctx = await ctxAs(app, "secretariat", now, "en", { repos });
  return { done: await concludeExpiredSilence(ctx, (e) => events.push(e)), events };
}

describe("a procedure nobody objected to", () => {
  it("is not concluded on its last day, 5 September 2023 (Astana time)", async () => {
    const r = await sweep("2023-09-05T23:30:00+06:00");
    expect(r).toEqual({ done: [], events: [] });
    expect((await app.repos.silence.byId(SP))?.outcome).toBe("running");
  });

  it("is concluded on the day after, once: stored, audited and announced; the seeded one, concluded in 2021, is left alone", async () => {
    const at = "2023-09-06T00:30:00+06:00";
    const before = await lastAuditId(app);
    expect(await sweep(at)).toEqual({ done: [SP], events: [{ type: "silence_concluded", silenceId: SP }] });
    expect(await app.repos.silence.byId(SP)).toMatchObject({ outcome: "concluded", concludedAt: new Date(at), brokenBy: null });
    expect((await app.repos.silence.byId(TKM))?.outcome).toBe("concluded");
    expect(await auditSince(app, before)).toEqual([{ action: "conclude_silence", entity: "silence", entityId: SP, stateCode: null, details: {} }]);
    const later = await lastAuditId(app);
    expect(await sweep("2023-09-06T10:00:00+06:00")).toEqual({ done: [], events: [] });
    expect(await auditSince(app, later)).toEqual([]);
  });

  it("two procedures that expired are both concluded", async () => {
    expect((await app.as("secretariat", "/silence start offer:IRQ 2023-09-01")).status).toBe("ok");
    const r = await sweep("2023-09-07T10:00:00+06:00");
    const irq = (await app.repos.silence.all()).find((s) => s.targetRef === "offer-irq-cocoord-terrorism")!;
    expect(r.done.sort()).toEqual([irq.id, SP].sort());
    expect(r.events).toHaveLength(2);
    expect((await app.repos.silence.byId(irq.id))?.outcome).toBe("concluded");
  });
});

describe("two sweeps at once (two processes)", () => {
  it("GIVEN the other sweep concluded it after this one read it WHEN this one writes THEN it reports and audits nothing", async () => {
    const stale = await app.repos.silence.all();
    expect(stale.find((s) => s.id === SP)?.outcome).toBe("running");
    expect((await sweep("2023-09-06T10:00:00+06:00")).done).toEqual([SP]);
    const before = await lastAuditId(app);
    const r = await sweep("2023-09-06T10:00:01+06:00", { ...app.repos, silence: { ...app.repos.silence, all: async () => stale } });
    expect(r).toEqual({ done: [], events: [] });
    expect(await auditSince(app, before)).toEqual([]);
  });
});

describe("a procedure broken by an objection", () => {
  it("is not concluded after its last day: it stays broken", async () => {
    app.setNow("2023-08-28T12:00:00+06:00");
    await app.as("India", "/object MC/2023/DRAFT/5 Not acceptable");
    const before = await lastAuditId(app);
    expect(await sweep("2023-09-06T10:00:00+06:00")).toEqual({ done: [], events: [] });
    expect(await app.repos.silence.byId(SP)).toMatchObject({ outcome: "broken", brokenBy: "IND", concludedAt: null });
    expect(await auditSince(app, before)).toEqual([]);
  });
});
