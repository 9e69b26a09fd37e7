/**
 * The durable inbox: every Slack command (reads too) and every Discord command that may write is appended
 * here, and fsync'd, before the platform is acknowledged. Slack never retries a request it saw acked, so without this a crash between the ack
 * and the commit would lose the command silently. On start the bot completes every recorded command
 * that has no outcome (src/core/recover.ts) and answers it through the platform's follow-up.
 *
 * One append-only file of JSON lines per process (INBOX_FILE). Appends are written and flushed with the
 * file system's own asynchronous calls (libuv's thread pool), never blocking the event loop, and commands
 * arriving together share one fdatasync (group commit). An outcome is a short line without a flush: a
 * lost one only means a command is answered a second time, and its request key makes that harmless.
 */
import { silentLogger, type Logger } from "../log.ts";
import { open, readFile, rename, type FileHandle } from "node:fs/promises";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Invocation } from "./desk.ts";
import type { Platform } from "../domain/types.ts";

/**
 * Where the answer goes when it comes after a restart: the platform's name, the user, and whatever its adapter
 * needs to reach them (Slack's response_url, Discord's interaction token); only that adapter reads the rest.
 */
export type FollowUp = { platform: Platform; userId: string; [route: string]: unknown };

export type InboxEntry = { key: string; at: number; inv: Invocation; reply: FollowUp };

export type Inbox = {
  /** Resolves once the entry is on disk (after fdatasync). */
  record: (entry: InboxEntry) => Promise<void>;
  /** Marks the command answered. */
  done: (key: string) => void;
  /** Entries recorded before this process started that have no outcome. */
  pending: () => InboxEntry[];
  /** Rewrites the file with only the entries still open (after recovery). */
  compact: () => Promise<void>;
  close: () => Promise<void>;
};

type Line = InboxEntry | { done: string };

export async function openInbox(file: string, log: Logger = silentLogger): Promise<Inbox> {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  const open_ = new Map<string, InboxEntry>();
  if (existsSync(path)) {
    for (const raw of (await readFile(path, "utf8")).split("\n")) {
      if (!raw) continue;
      let l: Line;
      try {
        l = JSON.parse(raw) as Line;
      } catch {
        // A line torn by a crash mid-append was never acknowledged: skipped, and said so.
        log.warn("inbox: torn line skipped", { file, length: raw.length });
        continue;
      }
      if ("done" in l) open_.delete(l.done);
      else open_.set(l.key, l);
    }
  }
  const recovered = [...open_.values()];
  let fh: FileHandle = await open(path, "a");

  // Group commit: lines wait in `queue` while one write+fdatasync runs, then go together.
  let queue: { line: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let flushing: Promise<void> | undefined;
  let lazy: string[] = [];

  async function flush(): Promise<void> {
    while (queue.length || lazy.length) {
      const batch = queue;
      queue = [];
      const text = lazy.join("") + batch.map((b) => b.line).join("");
      lazy = [];
      try {
        await fh.write(text);
        if (batch.length) await fh.datasync();
        for (const b of batch) b.resolve();
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    }
    flushing = undefined;
  }
  const kick = () => { flushing ??= flush(); };

  return {
    record: (entry) =>
      new Promise<void>((resolve, reject) => {
        open_.set(entry.key, entry);
        queue.push({ line: `${JSON.stringify(entry)}\n`, resolve, reject });
        kick();
      }),
    done: (key) => {
      if (!open_.delete(key)) return;
      lazy.push(`${JSON.stringify({ done: key })}\n`);
      kick();
    },
    pending: () => recovered.filter((e) => open_.has(e.key)),
    compact: async () => {
      await flushing;
      const tmp = `${path}.tmp`;
      const t = await open(tmp, "w");
      await t.write([...open_.values()].map((e) => `${JSON.stringify(e)}\n`).join(""));
      await t.datasync();
      await t.close();
      await fh.close();
      await rename(tmp, path);
      fh = await open(path, "a");
    },
    close: async () => {
      await flushing;
      await fh.close();
    },
  };
}

/** The default file: next to a SQLite database; for PostgreSQL one per port, so processes on one host never share one. */
export function defaultInboxFile(databaseUrl: string, port: number): string {
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const file = databaseUrl.replace(/^file:/, "").replace(/\?.*$/, "");
    if (file && file !== ":memory:") return `${file}.inbox`;
  }
  return `data/inbox-${port}.jsonl`;
}

// Whether a command may write (and so is recorded before the ack) is its own declaration (`readOnly` in
// commands/), read through Desk.traits by the adapters.
