/**
 * Leadership among bot processes that share one PostgreSQL: whoever holds a session-level advisory lock
 * leads (today: holds the Discord gateway, which allows one connection per bot token and shard).
 *
 * The lock lives on a dedicated connection held for the leader's lifetime. When the leader dies its
 * connection closes and PostgreSQL releases the lock at once; followers retry every `pollMs`, so one
 * takes over within pollMs (+ connect time). If the leader's host vanishes without closing the socket,
 * the per-session TCP keepalives below make the server drop the session after about 20 s.
 * A leader that loses its own connection steps down before anyone else can be elected over it: a
 * ping every `pollMs` notices, and `onDeposed` runs before the next attempt to lead.
 *
 * On SQLite there is one process by assumption (the database is a local file), so it leads at once.
 */
import pg from "pg";
import { providerOf } from "../db/client.ts";
import type { Logger } from "../log.ts";

/** Advisory lock keys of this project (pg_advisory_* share one key space per database). */
export const LOCK_KEYS = { migrate: 727001, discordGateway: 727002, startup: 727003 } as const;

/**
 * Runs `fn` while holding a session advisory lock on a connection of its own (Prisma's pool may hand
 * each query a different connection, so the lock cannot live there). Processes starting together thus
 * migrate and load the data set one after the other. On SQLite it just runs `fn`.
 */
export async function withAdvisoryLock<T>(databaseUrl: string, key: number, fn: () => Promise<T>): Promise<T> {
  if (providerOf(databaseUrl) !== "postgresql") return fn();
  const c = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  c.on("error", () => {});
  await c.connect();
  try {
    await c.query("SELECT pg_advisory_lock($1)", [key]);
    return await fn();
  } finally {
    await c.end().catch(() => {}); // ending the session releases the lock
  }
}

export type LeaderOptions = {
  databaseUrl: string;
  key: number;
  log: Logger;
  /** Becoming leader: start what only one process may run. A throw gives the lead back and retries later. */
  onElected: () => Promise<void> | void;
  /** Losing the lead (connection lost or stop()): stop it again. */
  onDeposed?: () => Promise<void> | void;
  pollMs?: number;
};

export type Leadership = { isLeader: () => boolean; stop: () => Promise<void> };

export const DEFAULT_POLL_MS = 5_000;

export async function startLeadership(o: LeaderOptions): Promise<Leadership> {
  if (providerOf(o.databaseUrl) !== "postgresql") {
    await o.onElected();
    return { isLeader: () => true, stop: async () => { await o.onDeposed?.(); } };
  }
  const pollMs = o.pollMs ?? DEFAULT_POLL_MS;
  let client: pg.Client | undefined;
  let leader = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let busy: Promise<void> = Promise.resolve();

  const drop = async () => {
    const c = client;
    client = undefined;
    if (c) await c.end().catch((e: unknown) => o.log.warn("leader: closing the lock session failed", { key: o.key, error: String(e) }));
  };

  const stepDown = async (why: string) => {
    if (!leader) return;
    leader = false;
    o.log.warn("leadership lost", { key: o.key, why });
    await Promise.resolve(o.onDeposed?.()).catch((e: unknown) => o.log.error("stepping down failed", { error: String(e) }));
  };

  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString: o.databaseUrl, keepAlive: true, connectionTimeoutMillis: 10_000 });
    // An error on an idle client would otherwise be an uncaught 'error' event; the next tick notices.
    c.on("error", (e) => o.log.warn("leader connection error", { error: e.message }));
    await c.connect();
    await c.query(`SET application_name = 'delegate-desk leader'`);
    await c.query(`SET tcp_keepalives_idle = 5`);
    await c.query(`SET tcp_keepalives_interval = 5`);
    await c.query(`SET tcp_keepalives_count = 3`);
    return c;
  };

  const tick = async () => {
    if (stopped) return;
    try {
      if (leader) {
        await client!.query("SELECT 1");
        return;
      }
      client ??= await connect();
      const r = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [o.key]);
      if (!r.rows[0]?.ok || stopped) return;
      leader = true;
      o.log.info("leadership acquired", { key: o.key, pid: process.pid });
      try {
        await o.onElected();
      } catch (e) {
        o.log.error("starting as leader failed; giving the lead back", { error: String(e) });
        await stepDown("onElected failed");
        await client?.query("SELECT pg_advisory_unlock($1)", [o.key]).catch((e2: unknown) => o.log.warn("leader: unlock failed (the session end releases it)", { key: o.key, error: String(e2) }));
      }
    } catch (e) {
      await stepDown(`connection: ${String((e as Error)?.message ?? e)}`);
      await drop();
    }
  };

  const loop = () => {
    if (stopped) return;
    busy = tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, pollMs);
    });
  };
  loop();
  await busy;

  return {
    isLeader: () => leader,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await busy;
      await stepDown("stopping");
      await drop(); // closing the session releases the lock for the next process
    },
  };
}
