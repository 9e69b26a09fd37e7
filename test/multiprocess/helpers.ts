import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { join } from "node:path";

const WORKER = join(process.cwd(), "test", "multiprocess", "worker.ts");

export type Worker = {
  child: ChildProcess;
  /** Every JSON line printed so far. */
  lines: Record<string, unknown>[];
  /** Resolves with the first printed line that satisfies `pred` (rejects if the process exits first). */
  next: (pred: (l: Record<string, unknown>) => boolean) => Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
  stderr: () => string;
};

/** Starts test/multiprocess/worker.ts as a separate Node process (its own pool, its own event loop). */
export function startWorker(args: string[]): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const lines: Record<string, unknown>[] = [];
  const waiters: { pred: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }[] = [];
  let err = "";
  child.stderr!.on("data", (d: Buffer) => { err += d.toString(); });
  createInterface({ input: child.stdout! }).on("line", (text) => {
    let l: Record<string, unknown>;
    try { l = JSON.parse(text) as Record<string, unknown>; } catch { return; }
    lines.push(l);
    for (const w of [...waiters]) if (w.pred(l)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(l); }
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return {
    child, lines, exited, stderr: () => err,
    next: (pred) => {
      const seen = lines.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ pred, resolve });
        void exited.then((code) => reject(new Error(`worker exited (${code}) before the expected line; stderr:\n${err}`)));
      });
    },
  };
}

/** Runs a worker to completion and returns its lines; fails with its stderr when it fails. */
export async function runWorker(args: string[]): Promise<Record<string, unknown>[]> {
  const w = startWorker(args);
  const code = await w.exited;
  if (code !== 0) throw new Error(`worker ${args[0]} exited ${code}:\n${w.stderr()}`);
  return w.lines;
}
