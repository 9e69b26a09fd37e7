/**
 * Slack never retries a request it saw acked, so every command it sees acked must be on disk first, reads
 * included (issue 15: "a command that was acknowledged is completed even if the process dies"). Through real
 * Bolt: the inbox file holds the read's entry by the time the ack arrives, and its outcome once answered.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { slackWorld, type SlackWorld } from "./harness.ts";
import { openInbox, type Inbox } from "../../src/core/inbox.ts";

let w: SlackWorld | undefined;
let inbox: Inbox | undefined;
let dir: string | undefined;
afterEach(async () => {
  await w?.close();
  await inbox?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  w = inbox = dir = undefined;
});

const lines = (file: string) => readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { key?: string; inv?: { command: string; text?: string }; done?: string });

describe("the durable inbox on Slack records reads as well as writes", () => {
  it("GIVEN /coordinators (a read) WHEN Slack gets the ack THEN the command is already in the inbox file, and marked done once answered", async () => {
    dir = mkdtempSync(join(tmpdir(), "dd-inbox-reads-"));
    const file = join(dir, "inbox.jsonl");
    inbox = await openInbox(file);
    // The answer is held back until the test has looked at the file, so "on disk before the ack" is what is seen.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    w = await slackWorld({ inbox, wrapDesk: (d) => ({ ...d, run: async (inv) => { await held; return d.run(inv); } }) });
    await w.link("U0IND", "India");
    const { ack, responseId } = await w.command("U0IND", "/coordinators ICT");
    expect(ack.status).toBe(200);
    const recorded = lines(file).filter((l) => l.inv?.command === "coordinators");
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.inv!.text).toBe("ICT");
    release();
    expect(JSON.stringify(await w.answer(responseId))).toMatch(/Coordination of Security of and in the use of ICTs/);
    await w.fake.waitFor(() => lines(file).some((l) => l.done === recorded[0]!.key) || undefined);
  });
});
