import { afterEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";
import type { Database } from "../../src/db/client.ts";

/**
 * Makes every COMMIT that follows an insert into Comment fail (a deferred foreign key checked only at
 * COMMIT), the way a full disk fails the commit after every statement succeeded. `heal` is "space is back".
 */
async function failCommits(db: Database): Promise<{ heal: () => Promise<void> }> {
  const x = (sql: string) => db.prisma.$executeRawUnsafe(sql);
  if (db.provider === "sqlite") {
    await x(`CREATE TABLE "_commit_parent" ("id" INTEGER PRIMARY KEY)`);
    await x(`CREATE TABLE "_commit_child" ("pid" INTEGER REFERENCES "_commit_parent"("id") DEFERRABLE INITIALLY DEFERRED)`);
    await x(`CREATE TRIGGER "_commit_fails" AFTER INSERT ON "Comment" BEGIN INSERT INTO "_commit_child" VALUES (999); END`);
    return { heal: async () => { await x(`DROP TRIGGER "_commit_fails"`); } };
  }
  await x(`CREATE TABLE "_commit_parent" ("id" INTEGER PRIMARY KEY)`);
  await x(`CREATE TABLE "_commit_child" ("pid" INTEGER REFERENCES "_commit_parent"("id") DEFERRABLE INITIALLY DEFERRED)`);
  await x(`CREATE FUNCTION "_commit_fails"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO "_commit_child" VALUES (999); RETURN NEW; END $$`);
  await x(`CREATE TRIGGER "_commit_fails" AFTER INSERT ON "Comment" FOR EACH ROW EXECUTE FUNCTION "_commit_fails"()`);
  return { heal: async () => { await x(`DROP TRIGGER "_commit_fails" ON "Comment"`); } };
}

describe("a failed commit", () => {
  let app: TestApp;
  afterEach(async () => { await app.close(); });

  it("GIVEN the COMMIT itself fails WHEN India comments THEN it reads 'not saved', and once the fault is gone the next write works without a restart", async () => {
    app = await testApp();
    const fault = await failCommits(app.db);
    const failed = await app.as("India", "/comment DRAFT/4 para 1.10 First try");
    expect(failed.status).toBe("error");
    expect(failed.summary).toMatch(/^Not saved/);
    expect(await app.db.prisma.comment.count()).toBe(0);
    await fault.heal();
    // With the stock better-sqlite3 adapter this write waits forever: its transaction mutex is still held.
    const again = await app.as("India", "/comment DRAFT/4 para 1.10 Second try");
    expect(again.status).toBe("ok");
    expect((await app.db.prisma.comment.findMany()).map((c) => c.text)).toEqual(["Second try"]);
    expect((await app.as("India", "/comment DRAFT/4 para 1.10 Third try")).status).toBe("ok");
  });
});
