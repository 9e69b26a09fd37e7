import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { createRepos, type Repos } from "../../src/db/repos.ts";
import { createDesk, type Desk, type Invocation } from "../../src/core/desk.ts";
import { KNOWN_PLATFORMS } from "../../src/platforms.ts";
import { commands } from "../../commands/index.ts";
import { commandsForForum } from "../../src/core/forum-commands.ts";
import { fixedClock, type Clock } from "../../src/domain/dates.ts";
import type { DomainEvent } from "../../src/services/positions.ts";
import type { Actor, Lang } from "../../src/domain/types.ts";
import { toPlainText, type Reply } from "../../src/services/reply.ts";
import { consoleActor } from "../../src/adapters/console/index.ts";
import type { Database } from "../../src/db/client.ts";
import { cloneTemplate, emptyDatabase, testPgUrl } from "./pgdb.ts";
import { CICA } from "./forum.ts";
import { loadForum } from "../../src/forum/load.ts";
import { migrate } from "../../src/db/migrate.ts";
import { importDataSet, parseDataFile } from "../../src/db/importer.ts";

/** The seeds' "today": the morning after the SOC meeting of 22 August 2023, Astana time. */
export const SEED_NOW = "2023-08-23T09:00:00+05:00";

export type TestApp = {
  db: Database;
  repos: Repos;
  desk: Desk;
  /** The SQLite file, or the PostgreSQL URL of this test's own database. */
  file: string;
  /** The database URL, for a second connection to the same data (another process, a platform adapter). */
  url: string;
  events: DomainEvent[];
  /** Moves the test clock. */
  setNow: (iso: string) => void;
  /** Runs a console-style line ("/comment …") as someone: a state name/code, "chair", "secretariat". */
  as: (who: string, line: string, extra?: Partial<Invocation>) => Promise<Reply>;
  text: (who: string, line: string, extra?: Partial<Invocation>) => Promise<string>;
  close: () => Promise<void>;
};

/** A fresh copy of the seeded database; on PostgreSQL (TEST_DATABASE_URL) a database copied from the run's template. */
export async function freshDatabase(): Promise<{ db: Database; file: string; close: () => Promise<void> }> {
  const pgUrl = testPgUrl();
  const run = pgUrl ? inject("pgRun") : null;
  if (pgUrl && run) {
    const copy = await cloneTemplate(pgUrl, run);
    const db = await openDatabase(copy.url);
    return { db, file: copy.url, close: async () => { await db.close(); await copy.drop(); } };
  }
  const dir = inject("tmpDir");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `t-${randomUUID()}.db`);
  copyFileSync(join(dir, "template.db"), file);
  const db = await openDatabase(`file:${file}`);
  return { db, file, close: () => db.close() };
}

/** Another forum's data file loaded into a new database (migrated, then imported as at a first start). */
async function forumDatabase(dataFile: string, at: Date): Promise<{ db: Database; file: string; close: () => Promise<void> }> {
  const empty = await emptyTestDatabase();
  const db = await openDatabase(empty.url);
  await migrate(db);
  await importDataSet(createRepos(db), parseDataFile(dataFile), at, dataFile);
  return { db, file: empty.url.replace(/^file:/, ""), close: async () => { await db.close(); await empty.drop(); } };
}

export type TestAppOptions = { now?: string; digestTime?: string; timeZone?: string; publicUrl?: string; /** another forum's data file (default: the CICA template) */ dataFile?: string };

/** A fresh copy of the seeded database and a desk over it, with a settable clock. */
export async function testApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const forum = opts.dataFile ? loadForum(opts.dataFile) : CICA;
  const { db, file, close } = opts.dataFile ? await forumDatabase(opts.dataFile, new Date(opts.now ?? SEED_NOW)) : await freshDatabase();
  const repos = createRepos(db);
  let now = new Date(opts.now ?? SEED_NOW);
  const clock: Clock = () => new Date(now);
  const events: DomainEvent[] = [];
  const desk = createDesk({
    commands: commandsForForum(commands, forum), repos, clock, settings: { timeZone: opts.timeZone ?? forum.timeZone, forum, publicUrl: opts.publicUrl, platforms: KNOWN_PLATFORMS }, digestTime: opts.digestTime ?? "08:30",
    onEvent: (e) => events.push(e),
  });
  let n = 0;
  const as = async (who: string, line: string, extra: Partial<Invocation> = {}) => {
    const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
    if (!m) throw new Error(`not a command line: ${line}`);
    const actor = await actorOf(repos, who);
    return desk.run({ platform: "console", userId: actor.userId, command: m[1]!, text: m[2]!, actor, requestKey: `test-${n++}-${randomUUID()}`, ...extra });
  };
  return {
    db, repos, desk, file, url: db.url, events,
    setNow: (iso) => { now = new Date(iso); },
    as,
    text: async (who, line, extra) => toPlainText(await as(who, line, extra)),
    close,
  };
}

/** The console's own resolution of "India", "chair", "secretariat" …, failing loudly on a name it does not know. */
export async function actorOf(repos: Repos, who: string, lang?: Lang): Promise<Omit<Actor, "lang"> & { lang?: Lang }> {
  const actor = await consoleActor(repos, who, lang);
  if (!actor) throw new Error(`unknown state ${who}`);
  return actor;
}

/** `who` types `line` with Russian as the language (the console actor's, as `/lang ru` would set it). */
export async function asRussian(app: TestApp, who: string, line: string): Promise<Reply> {
  return app.as(who, line, { actor: await actorOf(app.repos, who, "ru") });
}

export { fixedClock };

/** An empty database (no tables) on whichever server this pass of the suite runs against: for tests of a first start. */
export async function emptyTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const pg = testPgUrl();
  const run = pg ? inject("pgRun") : null;
  if (pg && run) return emptyDatabase(pg, run);
  const dir = mkdtempSync(join(tmpdir(), "dd-migrate-"));
  return { url: `file:${join(dir, "first.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}
