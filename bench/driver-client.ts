/** The main thread's handle on bench/driver.ts (the fake Slack and the load generator in a worker). */
import { Worker } from "node:worker_threads";
import type { LoadResult } from "./load.ts";
import type { BurstRequest, BurstResult, LoadRequest } from "./driver.ts";

export type Driver = {
  apiUrl: string;
  load: (r: Omit<LoadRequest, "type" | "secret" | "id">) => Promise<LoadResult>;
  /** `onKill` runs when the burst has seen its `killAfter` acks; the worker is told when its promise settles (the bot listens again). */
  burst: (r: Omit<BurstRequest, "type" | "secret" | "id">, onKill: () => Promise<unknown>) => Promise<BurstResult>;
  close: () => Promise<void>;
};

export async function startDriver(secret: string): Promise<Driver> {
  // A worker does not inherit tsx's loader, and Node refuses a .ts entry before any loader runs: register
  // tsx inside the worker first, then import the TypeScript entry.
  const entry = new URL("./driver.ts", import.meta.url).href;
  const w = new Worker(`import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
  const pending = new Map<number, (r: unknown) => void>();
  const kills = new Map<number, () => Promise<unknown>>();
  let ready: (apiUrl: string) => void;
  const apiUrl = new Promise<string>((r) => (ready = r));
  let failed: Error | undefined;
  w.on("error", (e) => {
    failed = e;
    for (const p of pending.values()) p(Promise.reject(e));
  });
  w.on("message", (m: { type: string; id?: number; result?: unknown; apiUrl?: string }) => {
    if (m.type === "ready") ready(m.apiUrl!);
    else if (m.type === "kill") {
      const id = m.id!;
      void kills.get(id)?.().finally(() => w.postMessage({ type: "restarted", id }));
    }
    else if (m.type === "done") {
      pending.get(m.id!)?.(m.result);
      pending.delete(m.id!);
      kills.delete(m.id!);
    }
  });
  let next = 0;
  const ask = <T>(msg: Record<string, unknown>, onKill?: () => Promise<unknown>) =>
    new Promise<T>((resolve, reject) => {
      if (failed) return reject(failed);
      const id = ++next;
      pending.set(id, (r) => Promise.resolve(r).then((x) => resolve(x as T), reject));
      if (onKill) kills.set(id, onKill);
      w.postMessage({ ...msg, id, secret });
    });
  return {
    apiUrl: await apiUrl,
    load: (r) => ask<LoadResult>({ type: "load", ...r }),
    burst: (r, onKill) => ask<BurstResult>({ type: "burst", ...r }, onKill),
    close: async () => {
      w.postMessage({ type: "close" });
      await new Promise((r) => w.once("exit", r));
    },
  };
}
