import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";
import { failInserts } from "../helpers/faults.ts";
import { toPlainText } from "../../src/services/reply.ts";

describe("nothing lost, nothing half-written", () => {
  let app: TestApp;
  beforeEach(async () => { app = await testApp(); });
  afterEach(async () => { await app.close(); });

  it("GIVEN the audit write fails WHEN India comments THEN the user reads 'not saved' and no comment remains", async () => {
    // The audit row is written in the same transaction as the comment: if it fails, the comment must go too.
    await failInserts(app.db, "AuditLog", "disk I/O error");
    const r = await app.as("India", "/comment DRAFT/4 para 1.10 Three years");
    expect(r.status).toBe("error");
    expect(r.summary).toBe("Not saved, please try again. Nothing was half-written.");
    expect(toPlainText(r)).not.toMatch(/RAISE|SQLITE|Error|at /);
    expect(await app.db.prisma.comment.count()).toBe(0);
  });

  it("GIVEN a failure while replacing an opposite position THEN neither the withdrawal nor the new position is kept", async () => {
    await failInserts(app.db, "Position", "disk full", { column: "stance", value: "support" });
    const r = await app.as("Israel", "/support offer:IRQ");
    expect(r.summary).toMatch(/^Not saved/);
    const isr = await app.db.prisma.position.findMany({ where: { stateCode: "ISR", targetType: "offer" } });
    expect(isr.map((p) => [p.stance, p.withdrawnAt])).toEqual([["needs_more_time", null]]);
  });

  it("GIVEN the same request key twice (a platform retry) THEN the position is recorded once", async () => {
    const first = await app.as("India", "/object DRAFT/5 para 11 as objection No", { requestKey: "retry-1" });
    const again = await app.as("India", "/object DRAFT/5 para 11 as objection No", { requestKey: "retry-1" });
    expect(first.summary).toMatch(/^Recorded/);
    expect(again.summary).toMatch(/^Already on record/);
    expect(await app.db.prisma.position.count({ where: { requestKey: "retry-1" } })).toBe(1);
    await app.as("India", "/comment DRAFT/4 once", { requestKey: "retry-2" });
    expect((await app.as("India", "/comment DRAFT/4 once", { requestKey: "retry-2" })).summary).toMatch(/already on file/);
    expect(await app.db.prisma.comment.count()).toBe(1);
  });

  it("GIVEN a write THEN it is committed to the file before the reply (a second connection sees it at once)", async () => {
    const { openDatabase } = await import("../../src/db/client.ts");
    await app.as("India", "/comment DRAFT/4 durable");
    const other = await openDatabase(app.url);
    try {
      expect(await other.prisma.comment.count()).toBe(1);
      if (app.db.provider === "sqlite") {
        const rows = await app.db.prisma.$queryRawUnsafe<{ synchronous: number | bigint }[]>("PRAGMA synchronous");
        expect(Number(rows[0]?.synchronous)).toBe(2); // FULL: fsync on commit
      }
    } finally {
      await other.close();
    }
  });
});

describe("the audit log", () => {
  it("GIVEN recorded actions THEN the log cannot be updated or deleted (append-only, enforced by the database)", async () => {
    const app = await testApp();
    try {
      await app.as("India", "/comment DRAFT/4 on the record");
      const row = await app.db.prisma.auditLog.findFirstOrThrow({ where: { action: "comment" } });
      await expect(app.db.prisma.auditLog.update({ where: { id: row.id }, data: { stateCode: "ISR" } })).rejects.toThrow();
      await expect(app.db.prisma.auditLog.delete({ where: { id: row.id } })).rejects.toThrow();
      expect((await app.db.prisma.auditLog.findUniqueOrThrow({ where: { id: row.id } })).stateCode).toBe("IND");
    } finally {
      await app.close();
    }
  });
});
