/**
 * `npm run import -- <file>`: loads or updates a data file (the format of data/cica.yaml).
 * Validated first; applied in one transaction; importing the same file twice changes nothing.
 */
import { checkDatabaseLocation, readEnv } from "../config.ts";
import { openDatabase } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { createRepos } from "../db/repos.ts";
import { ImportError, importDataSet, parseDataFile } from "../db/importer.ts";
import { offsetClock } from "../domain/dates.ts";

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: npm run import -- <file.yaml>\n");
    return 2;
  }
  const env = readEnv(process.env);
  checkDatabaseLocation(env.DATABASE_URL);
  const clock = env.NOW ? offsetClock(new Date(env.NOW)) : () => new Date();
  let data;
  try {
    data = parseDataFile(file);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  }
  const db = await openDatabase(env.DATABASE_URL);
  try {
    await migrate(db);
    const counts = await importDataSet(createRepos(db), data, clock(), file, env.TIME_ZONE);
    process.stdout.write(`Imported ${file}: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ")}.\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`${e instanceof ImportError ? e.message : `Import failed, nothing was changed: ${(e as Error).message}`}\n`);
    return 1;
  } finally {
    await db.close();
  }
}

main().then((c) => process.exit(c), (e) => { process.stderr.write(`${String(e)}\n`); process.exit(1); });
