/**
 * The bot as users run it: its own process, started the way `npm start` starts it (compiled dist/src/main.js
 * when it has been built, else the TypeScript source through tsx), for figures about that process alone:
 * cold start to the first console reply, idle resident memory, and several processes on PostgreSQL.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { now } from "./stats.ts";

export const BOT = existsSync("dist/src/main.js")
  ? { label: "node dist/src/main.js", args: ["dist/src/main.js"] }
  : { label: "node --import tsx src/main.ts", args: ["--import", "tsx", "src/main.ts"] };

/** Resident set size of a process, from /proc (Linux), in MB. */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Console mode: time from spawn to the first reply on stdout, then the idle RSS a moment later. */
export async function consoleStart(env: Record<string, string>): Promise<{ coldMs: number; rssMb: number | null }> {
  const t0 = now();
  const child = spawn(process.execPath, BOT.args, { env: { ...process.env, ...env, CONSOLE: "1", LOG_LEVEL: "error" }, stdio: ["pipe", "pipe", "inherit"] });
  child.stdin!.write("/help\n");
  await new Promise<void>((res, rej) => {
    child.stdout!.once("data", () => res());
    child.once("exit", (c) => rej(new Error(`console exited ${c} before replying`)));
  });
  const coldMs = now() - t0;
  await sleep(2000);
  const rss = rssMb(child.pid!);
  child.stdin!.end();
  await new Promise((r) => child.once("exit", r));
  return { coldMs, rssMb: rss };
}

export type BotProcess = { child: ChildProcess; port: number; stop: () => Promise<void> };

/** Slack HTTP mode on a free port; resolves once it listens. */
export async function slackProcess(env: Record<string, string>): Promise<BotProcess> {
  const child = spawn(process.execPath, BOT.args, { env: { ...process.env, ...env, CONSOLE: "0", LOG_LEVEL: "info", PORT: "0", HOST: "127.0.0.1" }, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  const port = await new Promise<number>((res, rej) => {
    createInterface({ input: child.stderr! }).on("line", (l) => {
      err += `${l}\n`;
      try {
        const j = JSON.parse(l) as { msg?: string; port?: number };
        if (j.msg === "running" && j.port) res(j.port);
      } catch { /* not a log line */ }
    });
    child.once("exit", (c) => rej(new Error(`bot exited ${c}:\n${err}`)));
  });
  return {
    child, port,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

export const idle = sleep;
