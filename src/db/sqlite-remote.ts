/**
 * A Prisma driver adapter whose SQLite connection lives on a worker thread (src/db/sqlite-worker.ts).
 * Prisma's query compiler stays here; every statement, BEGIN and COMMIT runs there. The event loop
 * therefore never waits for a disk flush or for another process's write lock: it only awaits a message.
 */
import { Worker } from "node:worker_threads";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

type Query = { sql: string; args: unknown[]; argTypes: unknown[] };
/** Messages to and from src/db/sqlite-worker.cjs. */
type Request =
  | { id: number; op: "query" | "execute"; tx?: number; query: Query }
  | { id: number; op: "script"; script: string }
  | { id: number; op: "rows"; sql: string; args: unknown[] }
  | { id: number; op: "begin" }
  | { id: number; op: "commit" | "rollback"; tx: number }
  | { id: number; op: "dispose" };
type Response = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: { name: string; message: string; code?: string; cause?: unknown } };
type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void };

/** The worker's plain-JS source: beside this module (src/db/), else the source tree's copy (a compiled dist/ without it). */
function workerFile(): string {
  const here = fileURLToPath(new URL("./sqlite-worker.cjs", import.meta.url));
  return existsSync(here) ? here : join(process.cwd(), "src", "db", "sqlite-worker.cjs");
}

function startWorker(file: string, timeoutMs: number, role: "writer" | "reader"): Worker {
  const adapterPath = createRequire(import.meta.url).resolve("@prisma/adapter-better-sqlite3");
  // A small young generation, like the main thread's (--max-semi-space-size=1 in npm start): a worker holds
  // one statement's rows at a time, and each isolate's default semi-spaces cost idle memory (issue 15).
  return new Worker(workerFile(), { workerData: { file, timeoutMs, role, adapterPath }, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
}

function toError(e: { name: string; message: string; code?: string; cause?: unknown }): Error {
  // Prisma recognises a driver failure by name and cause (isDriverAdapterError) and maps it to its own error.
  return Object.assign(new Error(e.message), { name: e.name, code: e.code, cause: e.cause });
}

export type RemoteSqlite = {
  factory: { provider: "sqlite"; adapterName: string; connect: () => Promise<unknown> };
  /** Resolves once the worker has opened the file. */
  ready: Promise<void>;
  /**
   * A plain SELECT outside Prisma, rows as objects (src/db/raw-reads.ts): on the reader, or with `bulk` on the
   * writer's connection once no transaction is open there, so a digest's two largest reads run beside the others.
   */
  rows: (sql: string, args: unknown[], bulk?: boolean) => Promise<Record<string, unknown>[]>;
  terminate: () => Promise<void>;
};

type Channel = { call: <T>(body: Body) => Promise<T>; ready: Promise<void>; open: () => void; terminate: () => Promise<void> };
type Body = Request extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

/**
 * Two connections, each on its own thread: the writer takes every transaction and every statement that
 * is not a plain SELECT; the reader answers reads outside transactions. A writer waiting for another
 * process's lock therefore delays no one's /coordinators, and reads see only committed rows.
 */
export function remoteSqlite(file: string, timeoutMs: number): RemoteSqlite {
  // Both threads start at once; the reader opens the file when the writer has (journal_mode is the writer's).
  const writer = channel(file, timeoutMs, "writer");
  const reader = channel(file, timeoutMs, "reader");
  const isRead = (sql: string) => /^\s*SELECT\b/i.test(sql) && !/\bRETURNING\b/i.test(sql);

  const base = { provider: "sqlite" as const, adapterName: "@prisma/adapter-better-sqlite3" };
  const queryable = (tx?: number) => ({
    ...base,
    queryRaw: (query: Query) => (tx === undefined && isRead(query.sql) ? reader : writer).call({ op: "query", tx, query }),
    executeRaw: (query: Query) => writer.call<number>({ op: "execute", tx, query }),
  });
  const adapter = {
    ...queryable(),
    executeScript: (script: string) => writer.call<void>({ op: "script", script }),
    startTransaction: async () => {
      const tx = await writer.call<number>({ op: "begin" });
      return {
        ...queryable(tx),
        options: { usePhantomQuery: false },
        commit: () => writer.call<void>({ op: "commit", tx }),
        rollback: () => writer.call<void>({ op: "rollback", tx }),
      };
    },
    dispose: async () => {
      await Promise.allSettled([writer.call<void>({ op: "dispose" }), reader.call<void>({ op: "dispose" })]);
    },
  };
  // A writer that cannot open the file fails `ready`; the reader, still waiting, is stopped with it.
  reader.ready.catch(() => {});
  const ready = writer.ready.then(
    () => {
      reader.open();
      return reader.ready;
    },
    async (e: unknown) => {
      await reader.terminate();
      throw e;
    },
  );
  return {
    factory: { ...base, connect: async () => { await ready; return adapter; } },
    ready,
    rows: async (sql, args, bulk) => {
      await ready;
      const { columns, rows } = await (bulk ? writer : reader).call<{ columns: string[]; rows: unknown[][] }>({ op: "rows", sql, args });
      return rows.map((r) => {
        const o: Record<string, unknown> = {};
        for (let i = 0; i < columns.length; i++) o[columns[i]!] = r[i];
        return o;
      });
    },
    terminate: async () => { await Promise.all([writer.terminate(), reader.terminate()]); },
  };
}

function channel(file: string, timeoutMs: number, role: "writer" | "reader"): Channel {
  const worker = startWorker(file, timeoutMs, role);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let dead: Error | undefined;
  let readyResolve!: () => void;
  let readyReject!: (e: unknown) => void;
  const ready = new Promise<void>((res, rej) => { readyResolve = res; readyReject = rej; });
  worker.on("message", (m: Response) => {
    if (m.id === 0) return m.ok ? readyResolve() : readyReject(toError(m.error));
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(toError(m.error));
  });
  const fail = (e: Error) => {
    dead = e;
    readyReject(e);
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`SQLite worker exited (${code})`)));

  const call = <T>(body: Body): Promise<T> => {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, ...body });
    });
  };
  return {
    call,
    ready,
    /** Tells a reader to open the file (src/db/sqlite-worker.cjs waits for this one message). */
    open: () => worker.postMessage({ op: "open" }),
    terminate: async () => {
      worker.removeAllListeners("exit");
      await worker.terminate();
    },
  };
}
