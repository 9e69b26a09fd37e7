import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import BetterSqlite3 from "better-sqlite3";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { createRepos } from "../../src/db/repos.ts";
import { importDataSet, parseDataFile } from "../../src/db/importer.ts";
import { admin, dropRun, newRunPrefix, templateName, testPgUrl, withDatabase } from "./pgdb.ts";

// One directory per run: several people (and CI's two passes) may run the suite in one tree at once.
export const TEMPLATE_DIR = join(process.cwd(), "test", ".tmp", `run-${process.pid}-${randomBytes(3).toString("hex")}`);
export const TEMPLATE_DB = join(TEMPLATE_DIR, "template.db");

declare module "vitest" {
  export interface ProvidedContext {
    /** Set when the suite runs on PostgreSQL: the prefix of this run's databases. */
    pgRun: string | null;
    /** This run's directory: the seeded SQLite template and every test's copy of it. */
    tmpDir: string;
  }
}

async function seed(db: Database) {
  await migrate(db);
  await importDataSet(createRepos(db), parseDataFile("data/cica.yaml"), new Date("2023-08-23T04:00:00Z"), "data/cica.yaml");
}

/**
 * Builds one migrated database with the CICA data set; every test copies it (fast, isolated).
 * SQLite: a template file. PostgreSQL (TEST_DATABASE_URL=postgresql://…): a template database.
 */
export default async function setup(project: TestProject) {
  rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  const db = await openDatabase(`file:${TEMPLATE_DB}`);
  await seed(db);
  await db.close();
  // A plain file for the copies: leaving WAL needs the only connection, and the bot keeps two (writer, reader).
  const file = new BetterSqlite3(TEMPLATE_DB);
  file.pragma("wal_checkpoint(TRUNCATE)");
  file.pragma("journal_mode = DELETE");
  file.close();

  const pgUrl = testPgUrl();
  let run: string | null = null;
  if (pgUrl) {
    run = newRunPrefix();
    await admin(pgUrl, (c) => c.query(`CREATE DATABASE "${templateName(run!)}"`));
    const tdb = await openDatabase(withDatabase(pgUrl, templateName(run)));
    await seed(tdb);
    // A template must have no open connections when it is copied.
    await tdb.close();
  }
  project.provide("pgRun", run);
  project.provide("tmpDir", TEMPLATE_DIR);

  return async () => {
    rmSync(TEMPLATE_DIR, { recursive: true, force: true });
    if (pgUrl && run) await dropRun(pgUrl, run);
  };
}
