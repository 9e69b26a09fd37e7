import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { MigrationChangedError, migrate } from "../../src/db/migrate.ts";
import { emptyTestDatabase } from "../helpers/app.ts";

async function withEmpty(fn: (db: Database) => Promise<void>): Promise<void> {
  const e = await emptyTestDatabase();
  try {
    const db = await openDatabase(e.url);
    try {
      await fn(db);
    } finally {
      await db.close();
    }
  } finally {
    await e.drop();
  }
}

/** A migrations folder of our own, written file by file (name → SQL). */
function migrationsFolder(files: Record<string, string>): { dir: string; write: (name: string, sql: string) => void; drop: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "dd-migrations-"));
  const write = (name: string, sql: string) => {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, "migration.sql"), sql);
  };
  for (const [name, sql] of Object.entries(files)) write(name, sql);
  return { dir, write, drop: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A script that a split at line-ending semicolons breaks: a `;` at the end of a line inside a string and inside a trigger body. */
function trickyScript(provider: Database["provider"]): string {
  const table = `CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY, "text" TEXT NOT NULL);\nCREATE TABLE "NoteLog" ("noteId" INTEGER NOT NULL);\n`;
  const insert = `INSERT INTO "Note" ("id", "text") VALUES (1, 'first line;\nsecond line;\n');\n`;
  if (provider === "sqlite")
    return `${table}CREATE TRIGGER "Note_log" AFTER INSERT ON "Note" BEGIN\n  INSERT INTO "NoteLog" ("noteId") VALUES (NEW."id");\nEND;\n${insert}`;
  return `${table}CREATE FUNCTION "note_log"() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  INSERT INTO "NoteLog" ("noteId") VALUES (NEW."id");\n  RETURN NEW;\nEND\n$$;\nCREATE TRIGGER "Note_log" AFTER INSERT ON "Note" FOR EACH ROW EXECUTE FUNCTION "note_log"();\n${insert}`;
}

describe("GIVEN an empty database", () => {
  it("WHEN migrations are applied twice THEN the second time there is nothing to do", async () => {
    await withEmpty(async (db) => {
      expect(await migrate(db)).toContain("0001_init");
      expect(await migrate(db)).toEqual([]);
    });
  });

  it("WHEN a migration has a semicolon at the end of a line inside a string literal and inside a trigger body THEN the file runs whole and both mean what they say", async () => {
    await withEmpty(async (db) => {
      const m = migrationsFolder({ "0001_tricky": trickyScript(db.provider) });
      try {
        expect(await migrate(db, { dir: m.dir })).toEqual(["0001_tricky"]);
        const notes = await db.prisma.$queryRawUnsafe<{ text: string }[]>(`SELECT "text" FROM "Note"`);
        expect(notes.map((n) => n.text)).toEqual(["first line;\nsecond line;\n"]);
        const log = await db.prisma.$queryRawUnsafe<{ noteId: number }[]>(`SELECT "noteId" FROM "NoteLog"`);
        expect(log.map((r) => Number(r.noteId))).toEqual([1]);
      } finally {
        m.drop();
      }
    });
  });

  it("WHEN a statement of a migration fails THEN none of that file's statements remain and it is not recorded", async () => {
    await withEmpty(async (db) => {
      const m = migrationsFolder({
        "0001_ok": `CREATE TABLE "A" ("x" INTEGER);\n`,
        "0002_half": `CREATE TABLE "B" ("x" INTEGER);\nINSERT INTO "Missing" VALUES (1);\n`,
      });
      try {
        await expect(migrate(db, { dir: m.dir })).rejects.toThrow(/migration 0002_half failed and was rolled back/);
        const tables = db.provider === "sqlite"
          ? await db.prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('A', 'B')`)
          : await db.prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT table_name::text AS name FROM information_schema.tables WHERE table_name IN ('A', 'B')`);
        expect(tables.map((t) => t.name)).toEqual(["A"]);
        const applied = await db.prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM "_dd_migrations" ORDER BY "name"`);
        expect(applied.map((r) => r.name)).toEqual(["0001_ok"]);
        // Mended, it applies on the next start.
        m.write("0002_half", `CREATE TABLE "B" ("x" INTEGER);\n`);
        expect(await migrate(db, { dir: m.dir })).toEqual(["0002_half"]);
      } finally {
        m.drop();
      }
    });
  });

  it("WHEN an applied migration's file is changed THEN migrating is refused with an error naming it, and nothing later is applied", async () => {
    await withEmpty(async (db) => {
      const m = migrationsFolder({ "0001_a": `CREATE TABLE "A" ("x" INTEGER);\n` });
      try {
        expect(await migrate(db, { dir: m.dir })).toEqual(["0001_a"]);
        m.write("0001_a", `CREATE TABLE "A" ("x" INTEGER, "y" TEXT);\n`);
        m.write("0002_b", `CREATE TABLE "B" ("x" INTEGER);\n`);
        const refused = await migrate(db, { dir: m.dir }).then(() => undefined, (e: unknown) => e);
        expect(refused).toBeInstanceOf(MigrationChangedError);
        expect((refused as MigrationChangedError).code).toBe("MIGRATION_CHANGED");
        expect((refused as Error).message).toMatch(/^migration 0001_a was changed after it was applied/);
        const applied = await db.prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT "name" FROM "_dd_migrations" ORDER BY "name"`);
        expect(applied.map((r) => r.name)).toEqual(["0001_a"]);
        // The original text is accepted again.
        m.write("0001_a", `CREATE TABLE "A" ("x" INTEGER);\n`);
        expect(await migrate(db, { dir: m.dir })).toEqual(["0002_b"]);
      } finally {
        m.drop();
      }
    });
  });
});
