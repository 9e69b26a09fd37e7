/**
 * PostgreSQL test databases: one migrated, seeded template per run, and a `CREATE DATABASE … TEMPLATE`
 * copy per testApp() — the PostgreSQL twin of copying the SQLite template file (≈0.1 s, fully isolated).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The suite runs on PostgreSQL when TEST_DATABASE_URL names one (the maintenance database to connect to). */
export function testPgUrl(): string | undefined {
  const u = process.env.TEST_DATABASE_URL;
  return u && /^postgres(ql)?:\/\//.test(u) ? u : undefined;
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export const newRunPrefix = () => `ddt_${randomBytes(4).toString("hex")}`;
export const templateName = (run: string) => `${run}_tmpl`;

/**
 * Drops a database even if connections remain. An autovacuum worker (a superuser backend) may briefly hold a
 * fresh database, and FORCE cannot end it without pg_signal_backend: wait for it and try again.
 */
async function dropDatabase(url: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      return;
    } catch (e) {
      if (attempt >= 20 || !/pg_signal_backend|being accessed by other users/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** A fresh database copied from the run's template; `drop` removes it even if connections remain. */
export async function cloneTemplate(url: string, run: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${run}_${randomBytes(6).toString("hex")}`;
  await admin(url, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName(run)}"`));
  return {
    url: withDatabase(url, name),
    drop: () => dropDatabase(url, name),
  };
}

/** Drops every database of a run (the template and any copy a test forgot to close). */
export async function dropRun(url: string, run: string): Promise<void> {
  await admin(url, async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${run}\\_%`]);
    return rows;
  }).then(async (rows) => {
    for (const r of rows) await dropDatabase(url, r.datname);
  });
}

/** An empty database of the run (no tables): for tests of what a first start does. */
export async function emptyDatabase(url: string, run: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${run}_e${randomBytes(6).toString("hex")}`;
  await admin(url, (c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    url: withDatabase(url, name),
    drop: () => dropDatabase(url, name),
  };
}
