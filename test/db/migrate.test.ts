import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { emptyTestDatabase } from "../helpers/app.ts";

describe("GIVEN an empty database", () => {
  it("WHEN migrations are applied twice THEN the second time there is nothing to do", async () => {
    const e = await emptyTestDatabase();
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
