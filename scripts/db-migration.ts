/**
 * Creates the next migration for both databases from the change in prisma/schema.base.prisma:
 *   npm run db:migration -- <name>
 * `prisma migrate dev` fails on these offline machines (P1014), so the SQL comes from `prisma migrate diff`
 * between the schema the existing migrations produce and the current schema.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { providers, schemaPath } from "./db-schemas.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}
for (const provider of providers) {
  const dir = join("prisma", provider, "migrations");
  mkdirSync(dir, { recursive: true });
  const existing = existsSync(dir) ? readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).sort() : [];
  const next = String(existing.length + 1).padStart(4, "0");
  const from = existing.length ? ["--from-migrations", dir, "--shadow-database-url", provider === "sqlite" ? "file:./data/shadow.db" : process.env.SHADOW_DATABASE_URL ?? ""] : ["--from-empty"];
  const sql = execFileSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schemaPath(provider), "--script"], {
    env: { ...process.env, DATABASE_URL: provider === "sqlite" ? "file:./data/generate.db" : process.env.DATABASE_URL ?? "postgresql://localhost/generate" },
    encoding: "utf8",
  });
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log(`${provider}: no change`);
    continue;
  }
  const out = join(dir, `${next}_${name}`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "migration.sql"), sql);
  console.log(`${provider}: wrote ${out}/migration.sql`);
}
