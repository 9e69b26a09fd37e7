import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { remoteSqlite } from "./sqlite-remote.ts";
import { PrismaClient } from "./generated/sqlite/client.ts";
import { codedErrors, toStorageError } from "./errors.ts";
import { QueryCompiler } from "@prisma/client/runtime/query_compiler_bg.sqlite.mjs";
import { cacheReadPlans } from "./plan-cache.ts";

// The plans of repeated reads are reused (src/db/plan-cache.ts): the query compiler was a third of the main thread.
cacheReadPlans(QueryCompiler);

export type Db = InstanceType<typeof PrismaClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type Provider = "sqlite" | "postgresql";
export type Database = {
  prisma: Db; provider: Provider; url: string; close: () => Promise<void>;
  /** SQLite: a plain SELECT without Prisma's row mapping, on the reader thread (or, `bulk`, the writer's between transactions; src/db/raw-reads.ts); failures are StorageErrors. */
  rows?: (sql: string, args: unknown[], bulk?: boolean) => Promise<Record<string, unknown>[]>;
};

/** How long a write waits for another process's lock before answering "busy, not saved" (well inside Slack's and Discord's follow-up windows). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

export const DEFAULT_DATABASE_URL = "file:./data/delegate-desk.db";

export function providerOf(url: string | undefined): Provider {
  return url && /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** Opens the database named by a URL: `file:` (or nothing) → SQLite, `postgresql://` → PostgreSQL. */
export async function openDatabase(url: string = DEFAULT_DATABASE_URL): Promise<Database> {
  if (providerOf(url) === "postgresql") {
    const { openPostgres } = await import("./postgres.ts");
    return openPostgres(url);
  }
  const file = sqliteFile(url);
  // "file:postgresql://…" would silently become a SQLite file in a directory named "postgresql:".
  if (/^postgres(ql)?:/.test(file)) throw new Error(`DATABASE_URL ${url.split("@").pop()} mixes file: with a PostgreSQL URL`);
  if (file !== ":memory:") mkdirSync(dirname(resolve(file)), { recursive: true });
  // The connection lives on its own thread (src/db/sqlite-worker.ts): fsyncs and lock waits block it,
  // never the event loop that acknowledges Slack and Discord.
  const remote = remoteSqlite(file, SQLITE_BUSY_TIMEOUT_MS);
  await remote.ready;
  const prisma = codedErrors(new PrismaClient({ adapter: remote.factory as never }));
  // Each connection sets WAL, synchronous=FULL (a commit survives power loss), foreign keys and the busy timeout itself.
  const rows = (sql: string, args: unknown[], bulk?: boolean) => remote.rows(sql, args, bulk).catch((e: unknown) => { throw toStorageError(e); });
  return { prisma, provider: "sqlite", url, rows, close: async () => { await prisma.$disconnect(); await remote.terminate(); } };
}

export function sqliteFile(url: string): string {
  const path = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path || ":memory:";
}
