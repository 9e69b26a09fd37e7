/**
 * The bot as users run it: its own process, started the way `npm start` starts it (compiled dist/src/main.js
 * when it has been built, else the TypeScript source through tsx), for figures about that process alone:
 * cold start, idle resident memory, Slack load, several processes on PostgreSQL, kill -9. The floor (a bare
 * Bolt app, bench/floor.mjs) runs in a process of its own the same way.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, statSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { now } from "./stats.ts";

/** Node's flags in `npm start` (package.json), so the bench runs the bot with the flags users run it with. */
const startFlags = (): string[] => {
  const start = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
  return start.split(/\s+/).filter((w) => w.startsWith("--"));
};

export const BOT = existsSync("dist/src/main.js")
  ? { label: `node ${[...startFlags(), "dist/src/main.js"].join(" ")}`, args: [...startFlags(), "dist/src/main.js"] }
  : { label: "node --import tsx src/main.ts", args: [...startFlags(), "--import", "tsx", "src/main.ts"] };

/** The newest .ts under src/ is newer than the build: the bench would measure old code. */
export function staleBuild(): boolean {
  if (!existsSync("dist/src/main.js")) return false;
  const built = statSync("dist/src/main.js").mtimeMs;
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : e.name.endsWith(".ts") ? statSync(join(dir, e.name)).mtimeMs : 0)));
  return newest("src") > built;
}

/** Resident set size of a process, from /proc (Linux), in MB. */
export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export const idle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A port free right now on 127.0.0.1 (so a restarted bot listens where Slack keeps posting). */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once("error", rej);
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
  });
}

/**
 * Console mode: time from spawn to the first answer to a piped command (the console echoes the line
 * first; the answer is what follows it), then the idle RSS once start-up has settled.
 */
export async function consoleStart(env: Record<string, string>, settleMs: number): Promise<{ coldMs: number; rssMb: number | null }> {
  const t0 = now();
  const child = spawn(process.execPath, BOT.args, { env: { ...process.env, ...env, CONSOLE: "1", LOG_LEVEL: "error" }, stdio: ["pipe", "pipe", "inherit"] });
  child.stdin!.write("/coordinators ICT\n");
  let out = "";
  await new Promise<void>((res, rej) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString("utf8");
      // "> /coordinators ICT", the answer, then an empty line.
      if (/^> .*\n[\s\S]*\S[\s\S]*\n\n/.test(out)) res();
    });
    child.once("exit", (c) => rej(new Error(`console exited ${c} before answering:\n${out}`)));
  });
  const coldMs = now() - t0;
  if (!/Russian Federation/.test(out)) throw new Error(`unexpected first console answer:\n${out}`);
  await idle(settleMs);
  const rss = rssMb(child.pid!);
  child.stdin!.end();
  await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
  return { coldMs, rssMb: rss };
}

export type BotProcess = { child: ChildProcess; port: number; spawnedAt: number; stop: () => Promise<void>; kill9: () => Promise<void>; /** Resolves true when the process logs a line with this msg (seen before or after), false after `ms`. */ logged: (msg: string, ms: number) => Promise<boolean> };

/** A process (the bot in Slack HTTP mode, or the floor) that logs {"msg":"running","port":…}; resolves once it listens. */
function listening(args: string[], env: Record<string, string>): Promise<BotProcess> {
  const spawnedAt = now();
  const child = spawn(process.execPath, args, { env: { ...process.env, CONSOLE: "0", LOG_LEVEL: "info", PORT: "0", HOST: "127.0.0.1", ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  const exited = new Promise((r) => child.once("exit", r));
  const seen = new Set<string>();
  const waiters: { msg: string; done: (ok: boolean) => void }[] = [];
  const logged = (msg: string, ms: number) =>
    seen.has(msg)
      ? Promise.resolve(true)
      : new Promise<boolean>((done) => {
          const timer = setTimeout(() => done(false), ms);
          waiters.push({ msg, done: (ok) => { clearTimeout(timer); done(ok); } });
        });
  return new Promise<BotProcess>((res, rej) => {
    createInterface({ input: child.stderr! }).on("line", (l) => {
      if (err.length < 20_000) err += `${l}\n`;
      try {
        const j = JSON.parse(l) as { msg?: string; port?: number };
        if (j.msg) {
          seen.add(j.msg);
          for (const w of waiters.filter((x) => x.msg === j.msg)) w.done(true);
        }
        if (j.msg === "running" && j.port)
          res({
            child, port: j.port, spawnedAt, logged,
            stop: async () => {
              if (child.exitCode !== null || child.signalCode) return;
              child.kill("SIGTERM");
              await exited;
            },
            kill9: async () => {
              if (child.exitCode !== null || child.signalCode) return;
              child.kill("SIGKILL");
              await exited;
            },
          });
      } catch { /* not a log line */ }
    });
    child.once("exit", (c) => rej(new Error(`${args.join(" ")} exited ${c}:\n${err}`)));
  });
}

/** The bot in Slack HTTP mode (PORT 0 unless `env` names one). */
export const slackProcess = (env: Record<string, string>) => listening(BOT.args, env);

/** The bare-Bolt floor in its own process. */
export const floorProcess = (env: Record<string, string>) => listening(["bench/floor.mjs"], env);
