/**
 * Locks shared by bot processes on one database, for src/core/leader.ts (election) and start-up
 * (migrate and load one process at a time). On PostgreSQL these are session advisory locks, each on a
 * connection of its own (Prisma's pool may hand each query a different connection, so a session lock
 * cannot live there). On SQLite there is one process by assumption (the database is a local file), so
 * there is nothing to share: `shared` is false and a locked section just runs.
 */
import { providerOf } from "./client.ts";

/** Advisory lock keys of this project (pg_advisory_* share one key space per database). */
export const LOCK_KEYS = { migrate: 727001, discordGateway: 727002, startup: 727003 } as const;

/** One connection that holds locks for as long as it lives; closing it releases them all. */
export type LockSession = {
  tryLock: (key: number) => Promise<boolean>;
  unlock: (key: number) => Promise<void>;
  /** Throws when the connection (and so any lock it held) is gone. */
  ping: () => Promise<void>;
  close: () => Promise<void>;
};

export type Locks = {
  /** False on SQLite: one process, so whoever asks holds every lock. */
  shared: boolean;
  /** A session for a long-held lock (leadership). `onError` hears errors of the idle connection. */
  session: (onError: (e: Error) => void) => Promise<LockSession>;
  /** Runs `fn` while holding `key`, waiting for it if another process holds it. */
  withLock: <T>(key: number, fn: () => Promise<T>) => Promise<T>;
};

/** node-postgres, loaded only where PostgreSQL is used: a SQLite process never loads it (issue 15: start-up, memory). */
const pgModule = async () => (await import("pg")).default;

export function locksFor(databaseUrl: string): Locks {
  if (providerOf(databaseUrl) !== "postgresql") {
    return {
      shared: false,
      session: () => Promise.reject(new Error("SQLite has no shared lock sessions")),
      withLock: (_key, fn) => fn(),
    };
  }
  return {
    shared: true,
    session: async (onError) => {
      const pg = await pgModule();
      const c = new pg.Client({ connectionString: databaseUrl, keepAlive: true, connectionTimeoutMillis: 10_000 });
      // An error on an idle client would otherwise be an uncaught 'error' event; the next ping notices.
      c.on("error", onError);
      await c.connect();
      // If the host vanishes without closing the socket, these keepalives make the server drop the session (and its locks) in about 20 s.
      await c.query(`SET application_name = 'delegate-desk leader'`);
      await c.query(`SET tcp_keepalives_idle = 5`);
      await c.query(`SET tcp_keepalives_interval = 5`);
      await c.query(`SET tcp_keepalives_count = 3`);
      return {
        tryLock: async (key) => !!(await c.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [key])).rows[0]?.ok,
        unlock: async (key) => { await c.query("SELECT pg_advisory_unlock($1)", [key]); },
        ping: async () => { await c.query("SELECT 1"); },
        close: () => c.end().catch(() => {}),
      };
    },
    withLock: async (key, fn) => {
      const pg = await pgModule();
      const c = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
      c.on("error", () => {});
      await c.connect();
      try {
        await c.query("SELECT pg_advisory_lock($1)", [key]);
        return await fn();
      } finally {
        await c.end().catch(() => {}); // ending the session releases the lock
      }
    },
  };
}

/** Runs `fn` while holding a session advisory lock (PostgreSQL); on SQLite it just runs `fn`. */
export function withAdvisoryLock<T>(databaseUrl: string, key: number, fn: () => Promise<T>): Promise<T> {
  return locksFor(databaseUrl).withLock(key, fn);
}
