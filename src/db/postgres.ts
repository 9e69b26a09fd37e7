import type { Database } from "./client.ts";

/** PostgreSQL support lands with the multi-process work; until then a clear error beats a silent fallback. */
export async function openPostgres(_url: string): Promise<Database> {
  throw new Error("PostgreSQL is not supported yet: use a file: DATABASE_URL (SQLite).");
}
