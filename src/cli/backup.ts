/**
 * `npm run db:backup -- <file>`: a consistent copy of the SQLite database while the bot runs.
 * For PostgreSQL use pg_dump. Like main.ts, an entry point: it alone reads the environment.
 */
import { existsSync } from "node:fs";
import { readEnv, ConfigError, EXIT_CONFIG } from "../config.ts";
import { backupSqlite } from "../db/backup.ts";

async function main(): Promise<number> {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write("usage: npm run db:backup -- <backup file>, e.g. backups/delegate-desk-$(date +%F).db\n");
    return 2;
  }
  if (existsSync(".env")) process.loadEnvFile(".env");
  const env = readEnv(process.env);
  if (!env.DATABASE_URL.startsWith("file:")) {
    process.stderr.write("DATABASE_URL is PostgreSQL: back it up with pg_dump (see README → Deployment → Backups).\n");
    return 2;
  }
  const { pages } = await backupSqlite(env.DATABASE_URL, out);
  process.stdout.write(`Backed up ${env.DATABASE_URL} to ${out} (${pages} pages).\n`);
  return 0;
}

main().then(
  (c) => process.exit(c),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(e instanceof ConfigError ? EXIT_CONFIG : 1);
  },
);
