/**
 * A Prisma driver adapter whose SQLite connection lives on a worker thread (src/db/sqlite-worker.ts).
 * Prisma's query compiler stays here; every statement, BEGIN and COMMIT runs there. The event loop
 * therefore never waits for a disk flush or for another process's write lock: it only awaits a message.
 */
import { Worker } from "node:worker_threads";
import type { Request, Response } from "./sqlite-worker.ts";

type Query = { sql: string; args: unknown[]; argTypes: unknown[] };
type Pending = { resolve: (v: unknown) => void; reject: (e: unknown) => void };

/** Starts the worker: the .js file when running compiled, else the .ts source through tsx's loader. */
function startWorker(file: string, timeoutMs: number): Worker {
  const here = import.meta.url;
  const data = { workerData: { file, timeoutMs } };
  if (here.endsWith(".js")) return new Worker(new URL("./sqlite-worker.js", here), data);
  const entry = new URL("./sqlite-worker.ts", here).href;
  // A worker does not inherit tsx's loader, and Node refuses a .ts entry before any loader runs.
  return new Worker(`import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true, ...data });
}

function toError(e: { name: string; message: string; code?: string; cause?: unknown }): Error {
  // Prisma recognises a driver failure by name and cause (isDriverAdapterError) and maps it to its own error.
  return Object.assign(new Error(e.message), { name: e.name, code: e.code, cause: e.cause });
}

export type RemoteSqlite = {
  factory: { provider: "sqlite"; adapterName: string; connect: () => Promise<unknown> };
  /** Resolves once the worker has opened the file. */
  ready: Promise<void>;
  terminate: () => Promise<void>;
};

export function remoteSqlite(file: string, timeoutMs: number): RemoteSqlite {
  const worker = startWorker(file, timeoutMs);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let dead: Error | undefined;
  let readyResolve!: () => void;
  let readyReject!: (e: unknown) => void;
  const ready = new Promise<void>((res, rej) => { readyResolve = res; readyReject = rej; });
  worker.on("message", (m: Response) => {
    if (m.id === 0) return readyResolve();
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

  type Body = Request extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;
  const call = <T>(body: Body): Promise<T> => {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, ...body });
    });
  };

  const base = { provider: "sqlite" as const, adapterName: "@prisma/adapter-better-sqlite3" };
  const queryable = (tx?: number) => ({
    ...base,
    queryRaw: (query: Query) => call({ op: "query", tx, query }),
    executeRaw: (query: Query) => call<number>({ op: "execute", tx, query }),
  });
  const adapter = {
    ...queryable(),
    executeScript: (script: string) => call<void>({ op: "script", script }),
    startTransaction: async () => {
      const tx = await call<number>({ op: "begin" });
      return {
        ...queryable(tx),
        options: { usePhantomQuery: false },
        commit: () => call<void>({ op: "commit", tx }),
        rollback: () => call<void>({ op: "rollback", tx }),
      };
    },
    dispose: async () => {
      await call<void>({ op: "dispose" }).catch(() => {});
    },
  };
  return {
    factory: { ...base, connect: async () => { await ready; return adapter; } },
    ready,
    terminate: async () => {
      worker.removeAllListeners("exit");
      await worker.terminate();
    },
  };
}
