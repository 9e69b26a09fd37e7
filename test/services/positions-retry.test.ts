/**
 * A platform may deliver the same request twice (Slack retries, a double click): recordPosition
 * (src/services/positions.ts) keys each position by the request's idempotency key. A retry answers with the
 * position on record; two copies handled at the same moment store one row; a request with no key still records.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SEED_NOW, testApp, type TestApp } from "../helpers/app.ts";
import { recordPosition } from "../../src/services/positions.ts";
import { resolveTarget } from "../../src/services/resolve.ts";
import type { Repos } from "../../src/db/repos.ts";
import type { PositionRow } from "../../src/domain/types.ts";
import { ctxAs, openOn, withPositions } from "./positions-helpers.ts";

let app: TestApp;
beforeEach(async () => { app = await testApp(); });
afterEach(async () => app?.close());

const DRAFT4 = "MC/2023/DRAFT/4";
const KEY = "slack-retry-1";
/** The stored row carries its request key (the domain type leaves it out). */
const keyOf = (p: PositionRow | null) => (p as (PositionRow & { requestKey: string | null }) | null)?.requestKey;

/**
 * The storage as a second copy of request KEY sees it when the first copy commits between this copy's reads and
 * its write: until it writes, the first copy's row is not visible to it.
 */
function twinCommitsMeanwhile(repos: Repos, write: Repos["write"] = repos.write): Repos {
  let writing = false;
  const hide = (p: PositionRow | null) => (!writing && keyOf(p) === KEY ? null : p);
  return {
    ...withPositions(repos, {
      byKey: async (k) => hide(await repos.positions.byKey(k)),
      onTarget: async (...a) => (await repos.positions.onTarget(...a)).filter((p) => hide(p) !== null),
    }),
    write: ((...a: Parameters<Repos["write"]>) => { writing = true; return write(...a); }) as Repos["write"],
  };
}

describe("a request delivered twice", () => {
  it("GIVEN India's objection was recorded by request KEY WHEN KEY comes again THEN the same position is answered and nothing is added", async () => {
    const first = await app.as("India", "/object MC/2023/DRAFT/4 para 1.10 The range is not agreed", { requestKey: KEY });
    const again = await app.as("India", "/object MC/2023/DRAFT/4 para 1.10 The range is not agreed", { requestKey: KEY });
    const open = await openOn(app, "paragraph", DRAFT4, "IND");
    expect(open).toHaveLength(1);
    expect(first.summary).toBe(`Recorded: objection (#${open[0]!.id}).`);
    expect(again.summary).toBe(`Already on record: objection (#${open[0]!.id}). Nothing was added.`);
    expect(again.status).toBe("info");
  });

  it("GIVEN a request with no idempotency key WHEN India supports MC/2023/DRAFT/4 THEN it is recorded with no key", async () => {
    const r = await app.as("India", "/support MC/2023/DRAFT/4", { requestKey: undefined });
    const [p] = await openOn(app, "document", DRAFT4, "IND");
    expect(r.status).toBe("ok");
    expect(r.summary).toBe(`Recorded: support (#${p!.id}).`);
    expect(keyOf(p!)).toBeNull();
  });

  it("GIVEN the first copy commits while the second is handled WHEN the second writes THEN it answers 'already on record' with the first copy's row", async () => {
    await app.as("India", "/object MC/2023/DRAFT/4 para 1.10 The range is not agreed", { requestKey: KEY });
    const [p] = await openOn(app, "paragraph", DRAFT4, "IND");
    const ctx = await ctxAs(app, "India", SEED_NOW, "en", { repos: twinCommitsMeanwhile(app.repos), requestKey: KEY });
    const target = await resolveTarget(ctx, "document", DRAFT4, "1.10");
    const events: string[] = [];
    const r = await recordPosition(ctx, { target, stance: "objection", reason: "The range is not agreed" }, (e) => events.push(e.type));
    expect(r.status).toBe("info");
    expect(r.summary).toBe(`Already on record: objection (#${p!.id}). Nothing was added.`);
    expect(events).toEqual([]);
    expect(await openOn(app, "paragraph", DRAFT4, "IND")).toHaveLength(1);
  });

  it("GIVEN the write fails for another reason WHEN the first copy is on record THEN that failure is reported, not hidden as 'already on record'", async () => {
    await app.as("India", "/object MC/2023/DRAFT/4 para 1.10 The range is not agreed", { requestKey: KEY });
    const busy = Object.assign(new Error("database is locked"), { code: "STORAGE_BUSY" });
    const failing = (async () => { throw busy; }) as Repos["write"];
    const ctx = await ctxAs(app, "India", SEED_NOW, "en", { repos: twinCommitsMeanwhile(app.repos, failing), requestKey: KEY });
    const target = await resolveTarget(ctx, "document", DRAFT4, "1.10");
    await expect(recordPosition(ctx, { target, stance: "objection", reason: "The range is not agreed" })).rejects.toBe(busy);
  });

  it("GIVEN no key WHEN the write fails THEN the failure is reported", async () => {
    const busy = new Error("database is locked");
    const ctx = await ctxAs(app, "India", SEED_NOW, "en", { repos: { ...app.repos, write: (async () => { throw busy; }) as Repos["write"] } });
    const target = await resolveTarget(ctx, "document", DRAFT4);
    await expect(recordPosition(ctx, { target, stance: "support", reason: "" })).rejects.toBe(busy);
  });
});
