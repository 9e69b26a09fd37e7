import { existsSync } from "node:fs";
import { openDatabase, type Database } from "./db/client.ts";
import { migrate } from "./db/migrate.ts";
import { createRepos, type Repos } from "./db/repos.ts";
import { importDataSet, parseDataFile } from "./db/importer.ts";
import { createDesk, type Desk, type DeskDeps } from "./core/desk.ts";
import { commands } from "../commands/index.ts";
import { withAdvisoryLock, LOCK_KEYS } from "./db/locks.ts";
import type { Clock } from "./domain/dates.ts";
import type { Forum } from "./domain/forum.ts";
import type { Logger } from "./log.ts";
import { KNOWN_PLATFORMS } from "./platforms.ts";
import { commandsForForum } from "./core/forum-commands.ts";

export type AppOptions = {
  databaseUrl: string;
  dataFile?: string;
  clock: Clock;
  timeZone: string;
  /** The forum description (DATA_FILE's forum: section), read at start by the composition root. */
  forum: Forum;
  publicUrl?: string;
  digestTime: string;
  log: Logger;
  onEvent?: DeskDeps["onEvent"];
};

export type AppCore = { db: Database; repos: Repos; desk: Desk; close: () => Promise<void> };

/** Opens and migrates the database, loads the data set on first start, and builds the desk. */
export async function openApp(o: AppOptions): Promise<AppCore> {
  const db = await openDatabase(o.databaseUrl);
  const repos = createRepos(db);
  // On PostgreSQL several processes may start at once: one migrates and loads, the others then see it done.
  await withAdvisoryLock(o.databaseUrl, LOCK_KEYS.startup, async () => {
    const applied = await migrate(db);
    if (applied.length) o.log.info("migrations applied", { applied });
    if (o.dataFile && (await repos.isEmpty())) {
      if (!existsSync(o.dataFile)) throw new Error(`data file ${o.dataFile} not found`);
      const counts = await importDataSet(repos, parseDataFile(o.dataFile), o.clock(), o.dataFile, o.forum.timeZone);
      o.log.info("data set loaded", { file: o.dataFile, ...counts });
    }
  });
  // The composition root injects the command registry: the core and the adapters never import commands/.
  const desk = createDesk({ commands: commandsForForum(commands, o.forum), repos, clock: o.clock, settings: { timeZone: o.timeZone, forum: o.forum, publicUrl: o.publicUrl, platforms: KNOWN_PLATFORMS }, digestTime: o.digestTime, log: o.log, onEvent: o.onEvent });
  return { db, repos, desk, close: () => db.close() };
}
