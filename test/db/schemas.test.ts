import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { providers, schemaFor, schemaPath } from "../../scripts/db-schemas.ts";
import { migrationsDir } from "../../src/db/migrate.ts";

const migrationNames = (p: "sqlite" | "postgresql") =>
  readdirSync(migrationsDir(p)).filter((n) => existsSync(join(migrationsDir(p), n, "migration.sql"))).sort();

/** Table names a migration creates, in the order written, for comparing the two dialects. */
const createdTables = (sql: string) => [...sql.matchAll(/CREATE TABLE "(\w+)"/g)].map((m) => m[1]).sort();
const createdIndexes = (sql: string) => [...sql.matchAll(/CREATE (?:UNIQUE )?INDEX "(\w+)"/g)].map((m) => m[1]).sort();

describe("GIVEN the one data model in prisma/schema.base.prisma", () => {
  it("WHEN the per-provider schemas are compared with what db-schemas generates THEN they have not drifted", () => {
    for (const p of providers) expect(readFileSync(schemaPath(p), "utf8"), `${p} schema drifted: run npm run db:schemas`).toBe(schemaFor(p));
  });

  it("WHEN db-schemas --check runs THEN it exits 0 (the same check postinstall runs)", () => {
    expect(() => execFileSync(process.execPath, ["--import", "tsx", "scripts/db-schemas.ts", "--check"], { stdio: "pipe" })).not.toThrow();
  });

  it("WHEN the migration folders are listed THEN every SQLite migration has a PostgreSQL twin of the same name and vice versa", () => {
    const sqlite = migrationNames("sqlite");
    expect(sqlite.length).toBeGreaterThan(0);
    expect(migrationNames("postgresql")).toEqual(sqlite);
  });

  it("WHEN twin migrations are read THEN they create the same tables and indexes", () => {
    for (const name of migrationNames("sqlite")) {
      const read = (p: "sqlite" | "postgresql") => readFileSync(join(migrationsDir(p), name, "migration.sql"), "utf8");
      expect(createdTables(read("postgresql")), name).toEqual(createdTables(read("sqlite")));
      expect(createdIndexes(read("postgresql")), name).toEqual(createdIndexes(read("sqlite")));
    }
  });

  it("WHEN every model of the base schema is listed THEN the migrations together create a table for each", () => {
    const models = [...readFileSync("prisma/schema.base.prisma", "utf8").matchAll(/^model (\w+) \{/gm)].map((m) => m[1]).sort();
    for (const p of providers) {
      const all = migrationNames(p).map((n) => readFileSync(join(migrationsDir(p), n, "migration.sql"), "utf8")).join("\n");
      const tables = new Set([...all.matchAll(/CREATE TABLE "(\w+)"/g)].map((m) => m[1]));
      expect(models.filter((m) => !tables.has(m)), `${p}: models without a table`).toEqual([]);
    }
  });

  it("WHEN the data model is compared with the snapshot of the latest migration THEN they agree (a model change needs npm run db:migration)", () => {
    const latest = migrationNames("sqlite").at(-1)!;
    const snapshot = join("prisma", "schema.history", `${latest}.prisma`);
    expect(existsSync(snapshot), `${snapshot} missing: it holds the model ${latest} leads to`).toBe(true);
    const model = (s: string) => s.split("\n").map((l) => l.replace(/\/\/.*$/, "").trimEnd()).filter(Boolean).join("\n");
    expect(model(readFileSync("prisma/schema.base.prisma", "utf8")), "prisma/schema.base.prisma changed without a migration: run npm run db:migration -- <name>").toBe(model(readFileSync(snapshot, "utf8")));
  });
});
