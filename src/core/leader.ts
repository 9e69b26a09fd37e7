/**
 * Leadership among bot processes that share one PostgreSQL: whoever holds a session-level advisory lock
 * leads (today: holds the Discord gateway, which allows one connection per bot token and shard).
 *
 * The lock lives on a dedicated connection held for the leader's lifetime. When the leader dies its
 * connection closes and PostgreSQL releases the lock at once; followers retry every `pollMs`, so one
 * takes over within pollMs (+ connect time). If the leader's host vanishes without closing the socket,
 * the per-session TCP keepalives (set in src/db/locks.ts) make the server drop the session after about 20 s.
 * A leader that loses its own connection steps down before anyone else can be elected over it: a
 * ping every `pollMs` notices, and `onDeposed` runs before the next attempt to lead.
 *
 * On SQLite there is one process by assumption (the database is a local file), so it leads at once.
 */
import { locksFor, type LockSession, type Locks } from "../db/locks.ts";
import type { Logger } from "../log.ts";

export { LOCK_KEYS, withAdvisoryLock } from "../db/locks.ts";

export type LeaderOptions = {
  databaseUrl: string;
  key: number;
  log: Logger;
  /** Becoming leader: start what only one process may run. A throw gives the lead back and retries later. */
  onElected: () => Promise<void> | void;
  /** Losing the lead (connection lost or stop()): stop it again. */
  onDeposed?: () => Promise<void> | void;
  pollMs?: number;
  /** The lock service (default: the one for `databaseUrl`, src/db/locks.ts). */
  locks?: Locks;
};

export type Leadership = { isLeader: () => boolean; stop: () => Promise<void> };

export const DEFAULT_POLL_MS = 5_000;

export async function startLeadership(o: LeaderOptions): Promise<Leadership> {
  const locks = o.locks ?? locksFor(o.databaseUrl);
  if (!locks.shared) {
    await o.onElected();
    return { isLeader: () => true, stop: async () => { await o.onDeposed?.(); } };
  }
  const pollMs = o.pollMs ?? DEFAULT_POLL_MS;
  let client: LockSession | undefined;
  let leader = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let busy: Promise<void> = Promise.resolve();

  const drop = async () => {
    const c = client;
    client = undefined;
    if (c) await c.close().catch((e: unknown) => o.log.warn("leader: closing the lock session failed", { key: o.key, error: String(e) }));
  };

  const stepDown = async (why: string) => {
    if (!leader) return;
    leader = false;
    o.log.warn("leadership lost", { key: o.key, why });
    await Promise.resolve(o.onDeposed?.()).catch((e: unknown) => o.log.error("stepping down failed", { error: String(e) }));
  };

  const connect = () => locks.session((e) => o.log.warn("leader connection error", { error: e.message }));

  const tick = async () => {
    if (stopped) return;
    try {
      if (leader) {
        await client!.ping();
        return;
      }
      client ??= await connect();
      if (!(await client.tryLock(o.key)) || stopped) return;
      leader = true;
      o.log.info("leadership acquired", { key: o.key, pid: process.pid });
      try {
        await o.onElected();
      } catch (e) {
        o.log.error("starting as leader failed; giving the lead back", { error: String(e) });
        await stepDown("onElected failed");
        await client?.unlock(o.key).catch((e2: unknown) => o.log.warn("leader: unlock failed (the session end releases it)", { key: o.key, error: String(e2) }));
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
