/**
 * What an ack waits for (INBOX_SYNC, src/core/inbox.ts). With "write" a recorded line is in the file (the
 * kernel's: it survives kill -9) before record() resolves, and its fdatasync follows without being waited
 * for; with "fdatasync" record() resolves only after the flush. The disk's flush is made slow here by
 * wrapping FileHandle.prototype.datasync, the call the inbox makes.
 */
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openInbox, type InboxEntry } from "../../src/core/inbox.ts";

const entry = (key: string): InboxEntry => ({ key, at: Date.now(), inv: { platform: "console", userId: "u", command: "coordinators" }, reply: { platform: "console", userId: "u" } });
const file = () => join(mkdtempSync(join(tmpdir(), "dd-sync-")), "inbox.jsonl");

/** Makes every fdatasync take `ms` and records when each started and ended. */
async function slowFlushes(ms: number) {
  const probe = await open(file(), "a");
  const proto = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> };
  await probe.close();
  const original = proto.datasync;
  const flushes: { started: number; ended?: number }[] = [];
  proto.datasync = async function (this: unknown) {
    const f: { started: number; ended?: number } = { started: performance.now() };
    flushes.push(f);
    await new Promise((r) => setTimeout(r, ms));
    await original.call(this);
    f.ended = performance.now();
  };
  return { flushes, restore: () => { proto.datasync = original; } };
}

describe("what an ack waits for", () => {
  let restore = () => {};
  afterEach(() => restore());

  it("GIVEN sync write and a slow disk flush THEN record() resolves with the line already in the file, and the flush follows", async () => {
    const slow = await slowFlushes(400);
    restore = slow.restore;
    const f = file();
    const inbox = await openInbox(f, undefined, "write");
    await inbox.record(entry("k1"));
    expect(readFileSync(f, "utf8")).toContain('"key":"k1"');
    expect(slow.flushes).toHaveLength(1);
    expect(slow.flushes[0]!.ended).toBeUndefined(); // resolved before the flush ended
    await inbox.close(); // waits for the flush
    expect(slow.flushes[0]!.ended).toBeDefined();
  });

  it("GIVEN sync write THEN lines recorded while a flush runs share the next flush (group commit)", async () => {
    const slow = await slowFlushes(200);
    restore = slow.restore;
    const inbox = await openInbox(file(), undefined, "write");
    await inbox.record(entry("a"));
    await Promise.all(["b", "c", "d", "e"].map((k) => inbox.record(entry(k))));
    await inbox.close();
    expect(slow.flushes).toHaveLength(2);
  });

  it("GIVEN sync fdatasync and a slow disk flush THEN record() resolves only once the flush has ended", async () => {
    const slow = await slowFlushes(300);
    restore = slow.restore;
    const inbox = await openInbox(file(), undefined, "fdatasync");
    await inbox.record(entry("k1"));
    expect(slow.flushes).toHaveLength(1);
    expect(slow.flushes[0]!.ended).toBeDefined();
    await inbox.close();
  });

  it("GIVEN a recorded line and no outcome WHEN the inbox is opened again THEN the command is pending", async () => {
    const f = file();
    const first = await openInbox(f);
    await first.record(entry("open"));
    await first.record(entry("answered"));
    first.done("answered");
    await first.close();
    const again = await openInbox(f);
    expect(again.pending().map((e) => e.key)).toEqual(["open"]);
    await again.close();
  });
});
