import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { createRepos } from "../../src/db/repos.ts";
import { importDataSet, parseDataFile } from "../../src/db/importer.ts";

export const TEMPLATE_DIR = join(process.cwd(), "test", ".tmp");
export const TEMPLATE_DB = join(TEMPLATE_DIR, "template.db");

/** Builds one migrated SQLite file with the CICA data set; every test copies it (fast, isolated). */
export default async function setup() {
  rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  const db = await openDatabase(`file:${TEMPLATE_DB}`);
  await migrate(db);
  const repos = createRepos(db);
  await importDataSet(repos, parseDataFile("data/cica.yaml"), new Date("2023-08-23T04:00:00Z"), "data/cica.yaml");
  await db.prisma.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await db.prisma.$queryRawUnsafe("PRAGMA journal_mode = DELETE");
  await db.close();
  return () => rmSync(TEMPLATE_DIR, { recursive: true, force: true });
}
