import Database from "better-sqlite3";
import { sqliteFile } from "./client.ts";

/**
 * Copies a live SQLite database with SQLite's online backup API (better-sqlite3 `backup()`): consistent
 * while the bot keeps writing (WAL), unlike copying the file, which can catch half a transaction.
 */
export async function backupSqlite(databaseUrl: string, destination: string): Promise<{ pages: number }> {
  const db = new Database(sqliteFile(databaseUrl), { readonly: true, fileMustExist: true });
  try {
    const r = await db.backup(destination);
    return { pages: r.totalPages };
  } finally {
    db.close();
  }
}
