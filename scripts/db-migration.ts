/**
 * Creates the next migration for both databases from the change in prisma/schema.base.prisma:
 *   MIGRATION_PG_URL=postgresql://… npm run db:migration -- <name_in_snake_case>
 *
 * Why this way: `prisma migrate dev` fails on these offline machines (P1014), and with a driver adapter
 * in prisma.config.ts the Wasm engine refuses a shadow database (`--from-migrations` fails with P3006,
 * `--shadow-database-url` and `--from-schema-datasource` are rejected). So every migration keeps a snapshot
 * of the data model it leads to, prisma/schema.history/<name>.prisma, and the SQL is the diff between the
 * last snapshot and the current model: `prisma migrate diff --from-schema-datamodel … --to-schema-datamodel …`.
 * The PostgreSQL diff needs a reachable server (the adapter connects, nothing is written):
 * MIGRATION_PG_URL, else DATABASE_URL when it is a postgresql:// URL.
 * Both folders get the same name, so test/db/schemas.test.ts finds every SQLite migration's twin.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { baseSchemaPath, providers, schemaFromModel, schemaPath, type Provider } from "./db-schemas.ts";

export const HISTORY_DIR = join("prisma", "schema.history");
export const migrationsOf = (p: Provider) =>
  existsSync(join("prisma", p, "migrations")) ? readdirSync(join("prisma", p, "migrations")).filter((d) => existsSync(join("prisma", p, "migrations", d, "migration.sql"))).sort() : [];

function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: MIGRATION_PG_URL=postgresql://… npm run db:migration -- <name_in_snake_case>");
    process.exit(2);
  }
  const [sqlite, postgres] = [migrationsOf("sqlite"), migrationsOf("postgresql")];
  if (sqlite.join() !== postgres.join()) {
    console.error(`the migration folders differ (sqlite: ${sqlite.join(", ")}; postgresql: ${postgres.join(", ")}): give each migration its twin first`);
    process.exit(1);
  }
  const last = sqlite.at(-1);
  const snapshot = last ? join(HISTORY_DIR, `${last}.prisma`) : undefined;
  if (snapshot && !existsSync(snapshot)) {
    console.error(`${snapshot} is missing: it must hold the data model that ${last} leads to`);
    process.exit(1);
  }
  const pgUrl = [process.env.MIGRATION_PG_URL, process.env.DATABASE_URL].find((u) => u && /^postgres(ql)?:\/\//.test(u));
  if (!pgUrl) {
    console.error("set MIGRATION_PG_URL=postgresql://… (any reachable server; nothing is written to it)");
    process.exit(2);
  }
  const next = `${String(sqlite.length + 1).padStart(4, "0")}_${name}`;
  const scratch = mkdtempSync(join(tmpdir(), "dd-migration-"));
  try {
    const sql = new Map<Provider, string>();
    for (const p of providers) {
      const from = snapshot ? ["--from-schema-datamodel", writeTmp(scratch, p, readFileSync(snapshot, "utf8"))] : ["--from-empty"];
      const out = execFileSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schemaPath(p), "--script"], {
        env: { ...process.env, PRISMA_PROVIDER: p, DATABASE_URL: p === "sqlite" ? `file:${join(scratch, "diff.db")}` : pgUrl },
        encoding: "utf8",
      });
      sql.set(p, out);
    }
    const empty = (s: string) => !s.trim() || /^-- This is an empty migration/.test(s.trim());
    if ([...sql.values()].every(empty)) {
      console.log("no change in the data model: nothing written");
      return;
    }
    for (const p of providers) {
      const dir = join("prisma", p, "migrations", next);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "migration.sql"), sql.get(p)!);
      console.log(`${p}: wrote ${dir}/migration.sql`);
    }
    mkdirSync(HISTORY_DIR, { recursive: true });
    writeFileSync(join(HISTORY_DIR, `${next}.prisma`), readFileSync(baseSchemaPath(), "utf8"));
    console.log(`wrote ${HISTORY_DIR}/${next}.prisma`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function writeTmp(dir: string, p: Provider, model: string): string {
  const f = join(dir, `from-${p}.prisma`);
  writeFileSync(f, schemaFromModel(p, model));
  return f;
}

main();
