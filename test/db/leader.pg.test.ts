/** Collected only in the PostgreSQL pass (TEST_DATABASE_URL): advisory locks exist only there. */
import { describe, expect, it } from "vitest";
import { startLeadership, withAdvisoryLock, LOCK_KEYS } from "../../src/core/leader.ts";
import { silentLogger } from "../../src/log.ts";
import { freshDatabase } from "../helpers/app.ts";

const waitFor = async (check: () => boolean, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("GIVEN leadership on PostgreSQL", () => {
  it("WHEN two contenders share a database THEN one leads, and the other takes over once the first stops", async () => {
    const fresh = await freshDatabase();
    try {
      const events: string[] = [];
      const contender = (name: string) =>
        startLeadership({ databaseUrl: fresh.file, key: LOCK_KEYS.discordGateway, log: silentLogger, pollMs: 100, onElected: () => { events.push(`${name} up`); }, onDeposed: () => { events.push(`${name} down`); } });
      const a = await contender("a");
      const b = await contender("b");
      expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
      await a.stop();
      await waitFor(() => b.isLeader());
      await b.stop();
      expect(events).toEqual(["a up", "a down", "b up", "b down"]);
    } finally {
      await fresh.close();
    }
  });

  it("WHEN a leader's elected hook fails THEN it gives the lead back for another process", async () => {
    const fresh = await freshDatabase();
    try {
      let tries = 0;
      const a = await startLeadership({ databaseUrl: fresh.file, key: 42, log: silentLogger, pollMs: 100, onElected: () => { tries++; throw new Error("gateway refused"); } });
      expect(a.isLeader()).toBe(false);
      const b = await startLeadership({ databaseUrl: fresh.file, key: 42, log: silentLogger, pollMs: 100, onElected: () => {} });
      await a.stop();
      await waitFor(() => b.isLeader());
      expect(tries).toBeGreaterThan(0);
      await b.stop();
    } finally {
      await fresh.close();
    }
  });

  it("WHEN two starts take the start-up lock at once THEN their critical sections never overlap", async () => {
    const fresh = await freshDatabase();
    try {
      let inside = 0;
      let overlap = false;
      const section = () => withAdvisoryLock(fresh.file, LOCK_KEYS.startup, async () => {
        inside++;
        if (inside > 1) overlap = true;
        await new Promise((r) => setTimeout(r, 200));
        inside--;
      });
      await Promise.all([section(), section(), section()]);
      expect(overlap).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});
