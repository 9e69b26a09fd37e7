/** Collected only in the PostgreSQL pass (TEST_DATABASE_URL): several processes share one database only there. */
import { describe, expect, it } from "vitest";
import { openApp } from "../../src/app.ts";
import { createLogger } from "../../src/log.ts";
import { emptyTestDatabase } from "../helpers/app.ts";
import { CICA } from "../helpers/forum.ts";

describe("GIVEN an empty PostgreSQL database", () => {
  // SQLite serves one bot process (two racing first starts get SQLITE_BUSY); PostgreSQL serves several.
  it("WHEN two bots start on it at the same moment, each with its own connections, THEN the migrations are applied once and the data set is loaded once", async () => {
    const e = await emptyTestDatabase();
    const lines: string[] = [];
    const log = createLogger("info", (l) => lines.push(l));
    try {
      const start = () => openApp({ databaseUrl: e.url, dataFile: "data/cica.yaml", clock: () => new Date("2023-08-23T04:00:00Z"), timeZone: "Asia/Almaty", forum: CICA, digestTime: "08:30", log });
      const apps = await Promise.all([start(), start()]);
      try {
        const msgs = lines.map((l) => (JSON.parse(l) as { msg: string }).msg);
        expect(msgs.filter((m) => m === "migrations applied")).toHaveLength(1);
        expect(msgs.filter((m) => m === "data set loaded")).toHaveLength(1);
        const p = apps[0]!.db.prisma;
        expect(await p.state.count()).toBe(26);
        expect(await p.auditLog.count({ where: { platform: "import" } })).toBeGreaterThan(0);
        const applied = await p.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM "_dd_migrations" ORDER BY "name"`);
        expect(applied.map((r) => r.name)[0]).toBe("0001_init");
      } finally {
        await Promise.all(apps.map((a) => a.close()));
      }
    } finally {
      await e.drop();
    }
  });

});
