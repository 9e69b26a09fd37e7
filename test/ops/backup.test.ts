import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { backupSqlite } from "../../src/db/backup.ts";

// SQLite only by nature (PostgreSQL is backed up with pg_dump), so it makes its own file in both passes.
describe("SQLite online backup (npm run db:backup)", () => {
  const dir = mkdtempSync(join(tmpdir(), "dd-backup-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("GIVEN a database the bot has open and is writing to (WAL) THEN the backup holds every committed row", async () => {
    const url = `file:${join(dir, "live.db")}`;
    const live = await openDatabase(url);
    await migrate(live);
    const row = { at: new Date(), platform: "console", userId: "u1", role: "secretariat", action: "backup-check", entity: "test", entityId: "1" };
    for (let i = 0; i < 3; i++) await live.prisma.auditLog.create({ data: row });
    // The rows sit in the -wal file while the connection is open: a plain copy of live.db would miss them.
    const out = join(dir, "copy.db");
    const r = await backupSqlite(url, out);
    expect(r.pages).toBeGreaterThan(0);
    await live.prisma.auditLog.create({ data: row }); // after the backup: not in it
    await live.close();
    const copy = await openDatabase(`file:${out}`);
    expect(await copy.prisma.auditLog.count({ where: { action: "backup-check" } })).toBe(3);
    await copy.close();
  });
});
