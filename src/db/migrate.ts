import { createHash } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { SQLITE_BUSY_TIMEOUT_MS, sqliteFile, type Database } from "./client.ts";
import { LOCK_KEYS } from "./locks.ts";

/**
 * Applies prisma/<provider>/migrations/<name>/migration.sql in name order, each file whole and in one
 * transaction with its record in `_dd_migrations`. We apply them ourselves because the Prisma 6.19 Wasm
 * engine cannot run `migrate deploy` against adapter-pg (see shared/TOOLCHAIN.md), and one mechanism for
 * both databases is easier to trust. A changed migration that was already applied is refused (checksum),
 * as Prisma does.
 *
 * A file is never split into statements by us: SQLite runs it with better-sqlite3's `exec` (SQLite's own
 * parser finds the statements, so a `;` in a string or a trigger body is just text), PostgreSQL with the
 * simple query protocol (a pg `query(text)` without parameters sends the whole script as one message).
 * Each runs on a connection of its own, opened for the migration and closed after it.
 */
/** The project root: two levels up from src/db when run from source, three from dist/src/db when compiled. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const root = projectRoot();

export function migrationsDir(provider: Database["provider"]): string {
  return join(root, "prisma", provider, "migrations");
}

/** An applied migration whose file no longer has the checksum it had when applied. */
export class MigrationChangedError extends Error {
  readonly code = "MIGRATION_CHANGED";
  constructor(readonly migration: string) {
    super(`migration ${migration} was changed after it was applied: restore its file (a change needs a new migration)`);
    this.name = "MigrationChangedError";
  }
}

type Migration = { name: string; sql: string; checksum: string };

/** What one database needs to apply migrations: the applied list, and one file applied whole with its record. */
type Runner = {
  applied: () => Promise<Map<string, string>>;
  /** Applies one file and records it in one transaction; false when another process applied it first. */
  apply: (m: Migration, at: string) => Promise<boolean>;
  close: () => Promise<void>;
};

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS "_dd_migrations" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "applied_at" TEXT NOT NULL)`;

function sqliteRunner(url: string): Runner {
  const c = new BetterSqlite3(sqliteFile(url), { timeout: SQLITE_BUSY_TIMEOUT_MS });
  c.pragma("foreign_keys = ON");
  c.exec(CREATE_LEDGER);
  return {
    applied: async () => new Map((c.prepare(`SELECT "name", "checksum" FROM "_dd_migrations"`).all() as { name: string; checksum: string }[]).map((r) => [r.name, r.checksum])),
    apply: async (m, at) => {
      c.exec("BEGIN IMMEDIATE");
      try {
        if (c.prepare(`SELECT 1 FROM "_dd_migrations" WHERE "name" = ?`).get(m.name)) {
          c.exec("ROLLBACK");
          return false;
        }
        c.exec(m.sql);
        c.prepare(`INSERT INTO "_dd_migrations" ("name", "checksum", "applied_at") VALUES (?, ?, ?)`).run(m.name, m.checksum, at);
        c.exec("COMMIT");
        return true;
      } catch (e) {
        if (c.inTransaction) c.exec("ROLLBACK");
        throw e;
      }
    },
    close: async () => { c.close(); },
  };
}

async function pgRunner(url: string): Promise<Runner> {
  // Loaded here, not at the top: a SQLite process never loads node-postgres (issue 15: start-up, memory).
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  c.on("error", () => {});
  await c.connect();
  // Processes starting together take turns (the session lock ends with the connection); the second finds every migration recorded.
  await c.query("SELECT pg_advisory_lock($1)", [LOCK_KEYS.migrate]);
  await c.query(CREATE_LEDGER);
  return {
    applied: async () => new Map((await c.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "_dd_migrations"`)).rows.map((r) => [r.name, r.checksum])),
    apply: async (m, at) => {
      await c.query("BEGIN");
      try {
        if ((await c.query(`SELECT 1 FROM "_dd_migrations" WHERE "name" = $1`, [m.name])).rowCount) {
          await c.query("ROLLBACK");
          return false;
        }
        await c.query(m.sql); // no parameters: the simple query protocol, the whole file as one script
        await c.query(`INSERT INTO "_dd_migrations" ("name", "checksum", "applied_at") VALUES ($1, $2, $3)`, [m.name, m.checksum, at]);
        await c.query("COMMIT");
        return true;
      } catch (e) {
        await c.query("ROLLBACK").catch(() => {});
        throw e;
      }
    },
    close: () => c.end().catch(() => {}),
  };
}

function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new Error(`no migrations at ${dir}`);
  return readdirSync(dir)
    .filter((n) => existsSync(join(dir, n, "migration.sql")))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Applies the pending migrations of `dir` (default: the project's, for this database) and returns their names. */
export async function migrate(db: Database, opts: { dir?: string } = {}): Promise<string[]> {
  const migrations = readMigrations(opts.dir ?? migrationsDir(db.provider));
  const runner = db.provider === "postgresql" ? await pgRunner(db.url) : sqliteRunner(db.url);
  try {
    const applied = await runner.applied();
    for (const m of migrations) {
      const seen = applied.get(m.name);
      if (seen !== undefined && seen !== m.checksum) throw new MigrationChangedError(m.name);
    }
    const done: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.name)) continue;
      try {
        if (await runner.apply(m, new Date().toISOString())) done.push(m.name);
      } catch (e) {
        throw new Error(`migration ${m.name} failed and was rolled back: ${(e as Error)?.message ?? String(e)}`, { cause: e });
      }
    }
    return done;
  } finally {
    await runner.close();
  }
}
