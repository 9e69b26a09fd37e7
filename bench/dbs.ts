/** Databases for the bench: a reachable PostgreSQL server (or none), fresh databases, seeded ones. */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openApp } from "../src/app.ts";
import { providerOf, type Provider } from "../src/db/client.ts";
import { silentLogger } from "../src/log.ts";
import { loadForum } from "../src/forum/load.ts";
const CICA = loadForum("data/cica.yaml");

export const SEED_NOW = new Date("2023-08-23T09:00:00+05:00");
export const TZ = "Asia/Almaty";
export const err = (s: string) => process.stderr.write(`${s}\n`);

export type DbTarget = { provider: Provider; url: string; drop: () => Promise<void> };

export async function pgServer(): Promise<string | undefined> {
  const url = [process.env.BENCH_DATABASE_URL, process.env.TEST_DATABASE_URL].find((u) => u && providerOf(u) === "postgresql");
  if (!url) return undefined;
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query("SELECT 1");
    return url;
  } catch (e) {
    err(`PostgreSQL at ${new URL(url).host} not reachable (${(e as Error).message}): SQLite only.`);
    return undefined;
  } finally {
    await c.end().catch(() => {});
  }
}

export async function freshDb(provider: Provider, pgUrl: string | undefined, dir: string, template?: string): Promise<DbTarget> {
  if (provider === "sqlite") {
    const file = join(dir, `bench-${randomBytes(4).toString("hex")}.db`);
    return { provider, url: `file:${file}`, drop: async () => {} };
  }
  const name = `ddbench_${randomBytes(4).toString("hex")}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    try { await c.query(sql); } finally { await c.end(); }
  };
  await admin(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  const u = new URL(pgUrl!);
  u.pathname = `/${name}`;
  return { provider, url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function seedInto(t: DbTarget): Promise<string[]> {
  const app = await openApp({ databaseUrl: t.url, dataFile: "data/cica.yaml", clock: () => SEED_NOW, timeZone: TZ, forum: CICA, digestTime: "08:30", log: silentLogger });
  try {
    const members = (await app.repos.refData()).states.filter((s) => s.kind === "member").map((s) => s.code);
    await app.db.prisma.identity.createMany({ data: members.map((code) => ({ platform: "slack", userId: `U${code}`, role: "delegate", stateCode: code })) });
    return members;
  } finally {
    await app.close();
  }
}

/** One seeded database per provider, made once; every seededDb is a copy of it (a file copy, or CREATE DATABASE … TEMPLATE). */
const templates = new Map<Provider, Promise<DbTarget & { members: string[] }>>();

/**
 * A fresh database with the CICA data set, migrated, and every member delegation's Slack user linked
 * (as /link would do), ready for a bot process. Returns the member codes too.
 */
export async function seededDb(provider: Provider, pgUrl: string | undefined, dir: string): Promise<DbTarget & { members: string[] }> {
  if (!templates.has(provider)) templates.set(provider, freshDb(provider, pgUrl, dir).then(async (t) => ({ ...t, members: await seedInto(t) })));
  const tmpl = await templates.get(provider)!;
  if (provider === "sqlite") return { ...tmpl, url: copySqlite(tmpl, dir, `seeded-${randomBytes(4).toString("hex")}`), drop: async () => {} };
  const t = await freshDb(provider, pgUrl, dir, new URL(tmpl.url).pathname.slice(1));
  return { ...t, members: tmpl.members };
}

/** Drops the seeded templates (PostgreSQL databases; SQLite files go with the bench's directory). */
export async function dropTemplates() {
  for (const t of templates.values()) await (await t.catch(() => undefined))?.drop();
  templates.clear();
}

/** A copy of a seeded SQLite file (so each bot process starts from the same state). */
export function copySqlite(t: DbTarget, dir: string, name: string): string {
  const to = join(dir, `${name}.db`);
  copyFileSync(t.url.replace(/^file:/, ""), to);
  return `file:${to}`;
}
