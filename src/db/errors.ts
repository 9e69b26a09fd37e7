/**
 * The one place that turns a database driver's failure into a coded StorageError (src/domain/errors.ts).
 * It reads codes only, never message text: Prisma's (P2002 …), the driver adapter's error kind, SQLite's
 * result codes (SQLITE_BUSY, SQLITE_FULL …) and PostgreSQL's SQLSTATE (23505, 53100 …). Every query and
 * transaction of the Prisma client passes through `codedErrors` (src/db/client.ts, src/db/postgres.ts),
 * so no code outside src/db/ needs to know how a driver spells a failure.
 */
import { DeskError, StorageError, hasCode, type StorageCode } from "../domain/errors.ts";

type Coded = { name?: unknown; code?: unknown; errno?: unknown; meta?: { driverAdapterError?: { cause?: unknown } }; cause?: unknown };

/** What a driver said, gathered from the error and what it wraps: Prisma code, adapter kind, driver code. */
function facts(e: unknown): { prisma?: string; kinds: string[]; driver: string[] } {
  const out = { prisma: undefined as string | undefined, kinds: [] as string[], driver: [] as string[] };
  const seen = new Set<unknown>();
  const visit = (x: unknown) => {
    if (!x || typeof x !== "object" || seen.has(x)) return;
    seen.add(x);
    const c = x as Coded & { kind?: unknown; originalCode?: unknown };
    if (typeof c.code === "string") {
      if (/^P\d{4}$/.test(c.code)) out.prisma ??= c.code;
      else out.driver.push(c.code);
    }
    if (typeof c.kind === "string") out.kinds.push(c.kind);
    if (typeof c.originalCode === "string") out.driver.push(c.originalCode);
    visit(c.meta?.driverAdapterError);
    visit(c.meta?.driverAdapterError?.cause);
    visit(c.cause);
  };
  visit(e);
  return out;
}

/** SQLite result codes (primary, so SQLITE_BUSY_SNAPSHOT counts as SQLITE_BUSY) and PostgreSQL SQLSTATEs. */
function fromDriver(code: string): StorageCode | undefined {
  const sqlite = /^SQLITE_[A-Z]+/.exec(code)?.[0];
  if (sqlite) {
    if (sqlite === "SQLITE_BUSY" || sqlite === "SQLITE_LOCKED") return "STORAGE_BUSY";
    if (sqlite === "SQLITE_FULL") return "STORAGE_FULL";
    if (code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") return "STORAGE_UNIQUE";
    if (sqlite === "SQLITE_CANTOPEN" || sqlite === "SQLITE_NOTADB") return "STORAGE_UNAVAILABLE";
    return undefined;
  }
  if (code === "23505") return "STORAGE_UNIQUE";
  if (code === "53100") return "STORAGE_FULL"; // disk_full
  if (code === "40001" || code === "40P01") return "STORAGE_CONFLICT"; // serialization_failure, deadlock_detected
  if (code === "55P03" || code === "57014") return "STORAGE_BUSY"; // lock_not_available, query_canceled (lock or statement timeout)
  if (/^08/.test(code) || code === "53300" || code === "57P01" || code === "57P03") return "STORAGE_UNAVAILABLE";
  if (code === "ECONNREFUSED" || code === "ECONNRESET" || code === "ENOTFOUND" || code === "ETIMEDOUT" || code === "EPIPE") return "STORAGE_UNAVAILABLE";
  return undefined;
}

const FROM_KIND: Record<string, StorageCode> = {
  UniqueConstraintViolation: "STORAGE_UNIQUE",
  SocketTimeout: "STORAGE_BUSY", // adapter-better-sqlite3 reports SQLITE_BUSY so
  TransactionWriteConflict: "STORAGE_CONFLICT",
  TooManyConnections: "STORAGE_UNAVAILABLE",
  DatabaseNotReachable: "STORAGE_UNAVAILABLE",
  ConnectionClosed: "STORAGE_UNAVAILABLE",
  DatabaseDoesNotExist: "STORAGE_UNAVAILABLE",
  DatabaseAccessDenied: "STORAGE_UNAVAILABLE",
  AuthenticationFailed: "STORAGE_UNAVAILABLE",
};

const FROM_PRISMA: Record<string, StorageCode> = {
  P2002: "STORAGE_UNIQUE",
  P2034: "STORAGE_CONFLICT", // write conflict or deadlock: try again
  P1008: "STORAGE_BUSY", // operation timed out (a lock wait)
  P2028: "STORAGE_BUSY", // transaction API: could not start in time, or timed out while waiting
  P2024: "STORAGE_BUSY", // timed out waiting for a pooled connection
  P1001: "STORAGE_UNAVAILABLE",
  P1002: "STORAGE_UNAVAILABLE",
  P1017: "STORAGE_UNAVAILABLE",
};

/** The storage code of a driver failure (the most specific fact wins: the driver's own code, then the adapter's kind, then Prisma's). */
export function storageCodeOf(e: unknown): StorageCode {
  if (e instanceof StorageError) return e.code as StorageCode;
  const f = facts(e);
  for (const d of f.driver) {
    const c = fromDriver(d);
    if (c) return c;
  }
  for (const k of f.kinds) {
    const c = FROM_KIND[k];
    if (c) return c;
  }
  return (f.prisma && FROM_PRISMA[f.prisma]) || "STORAGE_FAILED";
}

/** Whether an error came from the database layer (Prisma, a driver adapter, better-sqlite3, pg), by name and code. */
export function isDriverError(e: unknown): boolean {
  if (!e || typeof e !== "object" || e instanceof DeskError) return false;
  const { name, code } = e as Coded;
  if (typeof name === "string" && /^(Prisma|DriverAdapterError$|SqliteError$|DatabaseError$)/.test(name)) return true;
  return typeof code === "string" && (/^P\d{4}$/.test(code) || /^SQLITE_/.test(code));
}

/** A driver failure as a StorageError (its cause keeps the original); anything else is returned as it was. */
export function toStorageError(e: unknown): unknown {
  if (!isDriverError(e)) return e;
  const err = e as Error;
  return new StorageError(storageCodeOf(e), err.message ?? String(e), { cause: e });
}

/** A unique key was already taken (a retried request, or another process wrote the row first). */
export const isUniqueViolation = (e: unknown): boolean => hasCode(e, "STORAGE_UNIQUE");

/**
 * The Prisma client with every query, raw query and transaction converting driver failures to
 * StorageErrors. A query extension covers queries (inside transactions too); `$transaction` itself
 * (BEGIN, COMMIT, its timeouts) is wrapped here.
 */
export function codedErrors<C extends { $extends: (...a: never[]) => unknown; $transaction: (...a: never[]) => unknown }>(client: C): C {
  const extended = (client.$extends as unknown as (ext: unknown) => C)({
    name: "coded-storage-errors",
    query: {
      async $allOperations({ args, query }: { args: unknown; query: (a: unknown) => Promise<unknown> }) {
        try {
          return await query(args);
        } catch (e) {
          throw toStorageError(e);
        }
      },
    },
  });
  return new Proxy(extended, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (key !== "$transaction" || typeof v !== "function") return v;
      return (...args: unknown[]) =>
        (v as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch((e: unknown) => { throw toStorageError(e); });
    },
  });
}
