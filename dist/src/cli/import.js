/**
 * `npm run import -- <file>`: loads or updates a data file (the format of data/cica.yaml).
 * Validated first; applied in one transaction; importing the same file twice changes nothing.
 */
import { readEnv } from "../config.js";
import { openDatabase } from "../db/client.js";
import { migrate } from "../db/migrate.js";
import { createRepos } from "../db/repos.js";
import { ImportError, importDataSet, parseDataFile } from "../db/importer.js";
import { offsetClock } from "../domain/dates.js";
async function main() {
    const file = process.argv[2];
    if (!file) {
        process.stderr.write("usage: npm run import -- <file.yaml>\n");
        return 2;
    }
    const env = readEnv(process.env);
    const clock = env.NOW ? offsetClock(new Date(env.NOW)) : () => new Date();
    let data;
    try {
        data = parseDataFile(file);
    }
    catch (e) {
        process.stderr.write(`${e.message}\n`);
        return 1;
    }
    const db = await openDatabase(env.DATABASE_URL);
    try {
        await migrate(db);
        const counts = await importDataSet(createRepos(db), data, clock(), file);
        process.stdout.write(`Imported ${file}: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ")}.\n`);
        return 0;
    }
    catch (e) {
        process.stderr.write(`${e instanceof ImportError ? e.message : `Import failed, nothing was changed: ${e.message}`}\n`);
        return 1;
    }
    finally {
        await db.close();
    }
}
main().then((c) => process.exit(c), (e) => { process.stderr.write(`${String(e)}\n`); process.exit(1); });
//# sourceMappingURL=import.js.map