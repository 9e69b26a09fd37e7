import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { openDatabase } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { emptyDatabase, testPgUrl } from "../helpers/pgdb.ts";

/** An empty database on whichever server this pass of the suite runs against. */
async function empty(): Promise<{ url: string; drop: () => Promise<void> }> {
  const pg = testPgUrl();
  const run = pg ? inject("pgRun") : null;
  if (pg && run) return emptyDatabase(pg, run);
  const dir = mkdtempSync(join(tmpdir(), "dd-migrate-"));
  return { url: `file:${join(dir, "first.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

describe("GIVEN an empty database", () => {
  it("WHEN migrations are applied twice THEN the second time there is nothing to do", async () => {
    const e = await empty();
    try {
      const db = await openDatabase(e.url);
      try {
        expect(await migrate(db)).toContain("0001_init");
        expect(await migrate(db)).toEqual([]);
      } finally {
        await db.close();
      }
    } finally {
      await e.drop();
    }
  });
});
