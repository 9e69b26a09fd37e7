/**
 * SQLite only (collected only in the SQLite pass, see vitest.config.ts): another process holds the database
 * file's write lock, which PostgreSQL has no equivalent of.
 */
import { afterEach, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { slackWorld, textOf, type SlackWorld } from "../slack/harness.ts";

/** Another process (plain better-sqlite3) takes the write lock and holds it until told to let go. */
function lockHolder(file: string): { child: ChildProcess; locked: Promise<void>; release: () => Promise<number | null> } {
  const script = `
    const Db = require("better-sqlite3");
    const db = new Db(${JSON.stringify(file)});
    db.prepare("BEGIN IMMEDIATE").run();
    process.stdout.write("locked\\n");
    process.stdin.once("data", () => { db.prepare("ROLLBACK").run(); process.exit(0); });`;
  const child = spawn(process.execPath, ["-e", script], { cwd: process.cwd(), stdio: ["pipe", "pipe", "inherit"] });
  const locked = new Promise<void>((res, rej) => {
    createInterface({ input: child.stdout! }).on("line", (l) => l === "locked" && res());
    child.once("exit", (c) => rej(new Error(`lock holder exited ${c}`)));
  });
  const exited = new Promise<number | null>((r) => child.once("exit", r));
  return { child, locked, release: async () => { child.stdin!.write("go\n"); return exited; } };
}

describe("another process holds the SQLite write lock", () => {
  let w: SlackWorld | undefined;
  let holder: ReturnType<typeof lockHolder> | undefined;
  afterEach(async () => {
    if (holder && holder.child.exitCode === null) await holder.release();
    await w?.close();
  });

  it("GIVEN the lock is held THEN Slack is acked while it is still held, reads are answered, and the write answers 'busy, not saved' (nothing stored)", async () => {
    w = await slackWorld();
    await w.link("U0IND", "India");
    holder = lockHolder(w.app.file);
    await holder.locked;
    // The write's transaction waits for the lock on the database thread; the event loop acks meanwhile.
    const write = await w.command("U0IND", "/comment DRAFT/4 para 1.10 Held up");
    expect(write.ack.status).toBe(200);
    expect(holder.child.exitCode).toBeNull(); // acked while the other process still holds the lock
    const read = await w.command("U0IND", "/coordinators terrorism");
    expect(read.ack.status).toBe(200);
    const answerOf = async (id: string) => (await w!.fake.waitFor(() => w!.fake.responsesTo(id)[0], 60_000)).body;
    expect(textOf(await answerOf(read.responseId))).toMatch(/coordinat/i);
    expect(holder.child.exitCode).toBeNull(); // the read was answered from the reader connection, lock still held
    const answer = textOf(await answerOf(write.responseId));
    expect(answer).toMatch(/Busy: the database is locked/);
    expect(answer).not.toMatch(/went wrong|Error|SQLITE/);
    await holder.release();
    expect(await w.app.db.prisma.comment.count()).toBe(0);
    // The lock is gone: the same user's next write is stored.
    const next = await w.command("U0IND", "/comment DRAFT/4 para 1.10 After the lock");
    expect(textOf(await answerOf(next.responseId))).toMatch(/filed for India/);
    expect(await w.app.db.prisma.comment.count()).toBe(1);
  }, 120_000);
});
