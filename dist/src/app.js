import { existsSync } from "node:fs";
import { openDatabase } from "./db/client.js";
import { migrate } from "./db/migrate.js";
import { createRepos } from "./db/repos.js";
import { importDataSet, parseDataFile } from "./db/importer.js";
import { createDesk } from "./core/desk.js";
import { withAdvisoryLock, LOCK_KEYS } from "./core/leader.js";
/** Opens and migrates the database, loads the data set on first start, and builds the desk. */
export async function openApp(o) {
    const db = await openDatabase(o.databaseUrl);
    const repos = createRepos(db);
    // On PostgreSQL several processes may start at once: one migrates and loads, the others then see it done.
    await withAdvisoryLock(o.databaseUrl, LOCK_KEYS.startup, async () => {
        const applied = await migrate(db);
        if (applied.length)
            o.log.info("migrations applied", { applied });
        if (o.dataFile && (await repos.isEmpty())) {
            if (!existsSync(o.dataFile))
                throw new Error(`data file ${o.dataFile} not found`);
            const counts = await importDataSet(repos, parseDataFile(o.dataFile), o.clock(), o.dataFile);
            o.log.info("data set loaded", { file: o.dataFile, ...counts });
        }
    });
    const desk = createDesk({ repos, clock: o.clock, settings: { timeZone: o.timeZone, publicUrl: o.publicUrl }, digestTime: o.digestTime, log: o.log, onEvent: o.onEvent });
    return { db, repos, desk, close: () => db.close() };
}
//# sourceMappingURL=app.js.map