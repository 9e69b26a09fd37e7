import { describe, expect, it } from "vitest";
import { startLeadership } from "../../src/core/leader.ts";
import { silentLogger } from "../../src/log.ts";

describe("GIVEN leadership on SQLite (one process by assumption)", () => {
  it("WHEN a process starts THEN it leads at once, and stopping hands the lead back", async () => {
    const log: string[] = [];
    const l = await startLeadership({ databaseUrl: "file:./unused.db", key: 1, log: silentLogger, onElected: () => { log.push("up"); }, onDeposed: () => { log.push("down"); } });
    expect(l.isLeader()).toBe(true);
    await l.stop();
    expect(log).toEqual(["up", "down"]);
  });
});

