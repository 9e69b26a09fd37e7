import { createHash } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "./client.ts";

/**
 * Applies prisma/<provider>/migrations/<name>/migration.sql in name order, each in one transaction with
 * its record in `_dd_migrations`. We apply them ourselves because the Prisma 6.19 Wasm engine cannot run
 * `migrate deploy` against adapter-pg (see shared/TOOLCHAIN.md), and one mechanism for both databases is
 * easier to trust. A changed migration that was already applied is refused (checksum), as Prisma does.
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

export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\r?\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter(Boolean);
}

export async function migrate(db: Database): Promise<string[]> {
  const dir = migrationsDir(db.provider);
  if (!existsSync(dir)) throw new Error(`no migrations at ${dir}`);
  const p = db.prisma;
  const $ = (n: number) => (db.provider === "postgresql" ? `$${n}` : "?");
  await p.$executeRawUnsafe(
    `CREATE TABLE IF NOT EXISTS "_dd_migrations" ("name" TEXT PRIMARY KEY, "checksum" TEXT NOT NULL, "applied_at" TEXT NOT NULL)`,
  );
  const applied = new Map(
    (await p.$queryRawUnsafe<{ name: string; checksum: string }[]>(`SELECT "name", "checksum" FROM "_dd_migrations"`)).map((r) => [r.name, r.checksum]),
  );
  const done: string[] = [];
  for (const name of readdirSync(dir).filter((n) => existsSync(join(dir, n, "migration.sql"))).sort()) {
    const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
    const checksum = createHash("sha256").update(sql).digest("hex");
    const seen = applied.get(name);
    if (seen) {
      if (seen !== checksum) throw new Error(`migration ${name} was changed after it was applied`);
      continue;
    }
    await p.$transaction(async (tx) => {
      if (db.provider === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(727001)`);
      const again = await tx.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "_dd_migrations" WHERE "name" = ${$(1)}`, name);
      if (again.length) return; // another process applied it while we waited for the lock
      for (const stmt of splitStatements(sql)) await tx.$executeRawUnsafe(stmt);
      await tx.$executeRawUnsafe(
        `INSERT INTO "_dd_migrations" ("name", "checksum", "applied_at") VALUES (${$(1)}, ${$(2)}, ${$(3)})`,
        name,
        checksum,
        new Date().toISOString(),
      );
    });
    done.push(name);
  }
  return done;
}
