/**
 * Storage failures reach the desk as coded errors (src/db/errors.ts), decided by the driver's code and
 * never by its message: a full disk is STORAGE_FULL and reads "not saved", a taken key STORAGE_UNIQUE.
 * Runs on SQLite and on PostgreSQL.
 */
import { afterEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";
import type { Database } from "../../src/db/client.ts";
import { StorageError } from "../../src/domain/errors.ts";
import { isUniqueViolation, storageCodeOf, toStorageError } from "../../src/db/errors.ts";

/**
 * Fills the database to the brim: on SQLite the file may not grow past its current pages
 * (max_page_count, which fails writes with SQLITE_FULL); on PostgreSQL inserts into Comment raise
 * SQLSTATE 53100 (disk_full), as the server does when it cannot extend a file. `heal` is "space is back".
 */
async function fillDisk(db: Database): Promise<{ heal: () => Promise<void> }> {
  const p = db.prisma;
  if (db.provider === "sqlite") {
    const page_count = (await p.$queryRawUnsafe<{ page_count: bigint }[]>("PRAGMA page_count"))[0]!.page_count;
    await p.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(page_count)}`);
    // Use up the free room left in Comment's pages, largest rows first, until nothing more fits.
    const at = new Date("2023-08-01T00:00:00Z");
    for (const size of [200_000, 20_000, 2_000, 200, 20, 1]) {
      for (;;) {
        try {
          await p.comment.create({ data: { documentId: 1, paragraphId: null, stateCode: "CHN", kind: "general", text: "f".repeat(size), createdAt: at, updatedAt: at, platform: "console", userId: "filler" } });
        } catch {
          break;
        }
      }
    }
    return { heal: async () => { await p.$queryRawUnsafe("PRAGMA max_page_count = 1073741823"); } };
  }
  await p.$executeRawUnsafe(`CREATE FUNCTION "_disk_full"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$`);
  await p.$executeRawUnsafe(`CREATE TRIGGER "_disk_full" BEFORE INSERT ON "Comment" FOR EACH ROW EXECUTE FUNCTION "_disk_full"()`);
  return { heal: async () => { await p.$executeRawUnsafe(`DROP TRIGGER "_disk_full" ON "Comment"`); } };
}

describe("storage errors are coded by src/db", () => {
  let app: TestApp;
  afterEach(async () => { await app.close(); });

  it("GIVEN the disk is full WHEN India comments THEN the failure is STORAGE_FULL, she reads 'not saved', and once space is back the next comment is saved without a restart", async () => {
    app = await testApp();
    const disk = await fillDisk(app.db);
    const direct = await app.db.prisma.comment
      .create({ data: { documentId: 1, paragraphId: null, stateCode: "IND", kind: "general", text: "z".repeat(50_000), createdAt: new Date(), updatedAt: new Date(), platform: "console", userId: "t" } })
      .then(() => undefined, (e: unknown) => e);
    expect(direct).toBeInstanceOf(StorageError);
    expect((direct as StorageError).code).toBe("STORAGE_FULL");
    const failed = await app.as("India", "/comment DRAFT/4 para 1.10 Written on a full disk");
    expect(failed.status).toBe("error");
    expect(failed.summary).toMatch(/^Not saved/);
    expect(await app.db.prisma.comment.count({ where: { text: "Written on a full disk" } })).toBe(0);
    await disk.heal();
    const again = await app.as("India", "/comment DRAFT/4 para 1.10 Written once space is back");
    expect(again.status).toBe("ok");
    expect((await app.db.prisma.comment.findMany({ where: { stateCode: "IND" } })).map((c) => c.text)).toContain("Written once space is back");
  });

  it("GIVEN a digest ledger row WHEN a second worker creates the same (day, destination) THEN it fails with STORAGE_UNIQUE, which the ledger reads as 'someone else claimed it'", async () => {
    app = await testApp();
    await app.repos.digests.create("2023-08-23", "console:ops", "a", new Date());
    const e = await app.repos.digests.create("2023-08-23", "console:ops", "b", new Date()).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(StorageError);
    expect((e as StorageError).code).toBe("STORAGE_UNIQUE");
    expect(isUniqueViolation(e)).toBe(true);
  });
});

describe("the mapping reads driver codes, not messages", () => {
  const driver = (name: string, code: string, message = "x") => Object.assign(new Error(message), { name, code });
  it("GIVEN SQLite, PostgreSQL and Prisma codes THEN each gets its storage code", () => {
    expect(storageCodeOf(driver("SqliteError", "SQLITE_BUSY"))).toBe("STORAGE_BUSY");
    expect(storageCodeOf(driver("SqliteError", "SQLITE_BUSY_SNAPSHOT"))).toBe("STORAGE_BUSY");
    expect(storageCodeOf(driver("SqliteError", "SQLITE_FULL"))).toBe("STORAGE_FULL");
    expect(storageCodeOf(driver("SqliteError", "SQLITE_CONSTRAINT_UNIQUE"))).toBe("STORAGE_UNIQUE");
    expect(storageCodeOf(driver("DatabaseError", "23505"))).toBe("STORAGE_UNIQUE");
    expect(storageCodeOf(driver("DatabaseError", "53100"))).toBe("STORAGE_FULL");
    expect(storageCodeOf(driver("DatabaseError", "40001"))).toBe("STORAGE_CONFLICT");
    expect(storageCodeOf(driver("DatabaseError", "55P03"))).toBe("STORAGE_BUSY");
    expect(storageCodeOf(driver("PrismaClientKnownRequestError", "P2002"))).toBe("STORAGE_UNIQUE");
    expect(storageCodeOf(driver("PrismaClientKnownRequestError", "P1008"))).toBe("STORAGE_BUSY");
    // Prisma's wrapper of an adapter error: the driver's own code, kept in meta, wins over Prisma's generic one.
    const wrapped = Object.assign(driver("PrismaClientKnownRequestError", "P2010"), { meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "sqlite", originalCode: "SQLITE_FULL" } } } });
    expect(storageCodeOf(wrapped)).toBe("STORAGE_FULL");
    const kind = Object.assign(driver("DriverAdapterError", "x"), { cause: { kind: "SocketTimeout" } });
    expect(storageCodeOf(kind)).toBe("STORAGE_BUSY");
  });
  it("GIVEN a message that merely reads like a lock or a full disk THEN it decides nothing", () => {
    expect(storageCodeOf(driver("PrismaClientUnknownRequestError", "", "database is locked; database or disk is full"))).toBe("STORAGE_FAILED");
    const plain = new Error("SQLITE_BUSY: database is locked");
    expect(toStorageError(plain)).toBe(plain); // not a driver error: passed on as it was
  });
});
