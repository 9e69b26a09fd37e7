import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createInterface } from "node:readline";

export const ROOT = process.cwd();
/** tsx's loader by absolute URL, so the bot can be started from another working directory. */
export const TSX = pathToFileURL(join(ROOT, "node_modules/tsx/dist/loader.mjs")).href;
export const MAIN = join(ROOT, "src/main.ts");

export type Run = { status: number | null; stdout: string; stderr: string };

/** Runs the bot (source, through tsx) with exactly `env` plus PATH/HOME, stdin closed; resolves when it exits. */
export function runBot(env: Record<string, string>, o: { cwd?: string; input?: string; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", TSX, MAIN], {
      cwd: o.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => { child.kill("SIGKILL"); reject(new Error(`bot did not exit; stderr: ${stderr}`)); }, o.timeoutMs ?? 60_000);
    child.on("exit", (status) => { clearTimeout(timer); resolve({ status, stdout, stderr }); });
    child.stdin.end(o.input ?? "");
  });
}

export type Service = { child: ChildProcess; port: number; logs: Record<string, any>[]; stop: () => Promise<number | null> };

/**
 * Starts a long-running bot (`command` defaults to the source through tsx) with LOG_LEVEL=info and
 * PORT=0, and resolves once it logs the port it listens on.
 */
export function startService(env: Record<string, string>, command: string[] = ["--import", TSX, MAIN]): Promise<Service> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, command, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "info", PORT: "0", HOST: "127.0.0.1", DIGEST_DESTINATIONS: "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const logs: Record<string, any>[] = [];
    let raw = "";
    const timer = setTimeout(() => { child.kill("SIGKILL"); reject(new Error(`no "http listening" within 60 s; stderr: ${raw}`)); }, 60_000);
    const stop = () =>
      new Promise<number | null>((res) => {
        if (child.exitCode !== null) return res(child.exitCode);
        child.once("exit", (code) => res(code));
        child.kill("SIGTERM");
      });
    createInterface({ input: child.stderr! }).on("line", (l) => {
      raw += `${l}\n`;
      try {
        const j = JSON.parse(l);
        logs.push(j);
        if (j.msg === "http listening") {
          clearTimeout(timer);
          resolve({ child, port: j.port, logs, stop });
        }
      } catch {
        /* not a log line */
      }
    });
    child.on("exit", (code) => { clearTimeout(timer); reject(new Error(`bot exited (${code}) before listening; stderr: ${raw}`)); });
  });
}

/** Polls a URL until `ok(status, body)` or the deadline (a wait for start-up, not a speed assertion). */
export async function until(url: string, ok: (status: number, body: any) => boolean, ms = 30_000): Promise<{ status: number; body: any }> {
  const end = Date.now() + ms;
  let last: { status: number; body: any } = { status: 0, body: null };
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      last = { status: r.status, body: await r.json() };
      if (ok(last.status, last.body)) return last;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} never satisfied the check; last: ${JSON.stringify(last)}`);
}
