import { afterEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { testApp, type TestApp } from "../helpers/app.ts";
import { offsetFor, parseReminderDays } from "../../src/digest/reminders.ts";

const WORKER = join(process.cwd(), "test", "digest", "reminder-worker.ts");

function runWorker(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => { out += d.toString(); });
    child.stderr.on("data", (d: Buffer) => { err += d.toString(); });
    child.on("close", (code) => resolve({ code, out, err }));
  });
}
const posts = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : []);

// Comments on MC/2023/DRAFT/4 are due on 15 July 2023 (seeds/002, SWG/2023-II/INF/2 item 2).
const WEEK_BEFORE = "2023-07-10T09:00:00+05:00";
const DAY_BEFORE = "2023-07-14T09:00:00+05:00";

async function linked(app: TestApp) {
  for (const [ch, st] of [["C-IND", "IND"], ["C-ISR", "ISR"], ["C-KAZ", "KAZ"]] as const)
    expect(await app.text("secretariat", `/link channel slack:${ch} ${st}`)).toMatch(/linked|привяз/i);
}

describe("reminders of what falls due", () => {
  let app: TestApp;
  afterEach(async () => app?.close());

  it("chooses the smallest offset whose window has begun, and parses REMINDER_DAYS", () => {
    expect(offsetFor(5, [7, 1])).toBe(7);
    expect(offsetFor(1, [7, 1])).toBe(1);
    expect(offsetFor(0, [7, 1])).toBe(1);
    expect(offsetFor(8, [7, 1])).toBeUndefined();
    expect(offsetFor(-1, [7, 1])).toBeUndefined();
    expect(parseReminderDays(undefined)).toEqual([7, 1]);
    expect(parseReminderDays("14, 3")).toEqual([14, 3]);
    expect(() => parseReminderDays("7,x")).toThrow(/REMINDER_DAYS/);
  });

  it("GIVEN India commented and Israel and Kazakhstan did not WHEN two processes send the reminders at the same instant, twice, THEN each silent delegation gets one per offset and India none", async () => {
    app = await testApp({ now: "2023-07-01T09:00:00+05:00" });
    await linked(app);
    expect(await app.text("India", "/comment MC/2023/DRAFT/4 para 1.10 kind drafting Replace the bracketed text")).toMatch(/Comment #\d+ filed/);
    const postsFile = join(tmpdir(), `dd-reminders-${process.pid}-${Date.now()}`);
    const race = async (now: string) => {
      const startAt = String(Date.now() + 2500);
      const [a, b] = await Promise.all([runWorker([app.file, postsFile, "A", now, startAt]), runWorker([app.file, postsFile, "B", now, startAt])]);
      expect(a.err).toBe("");
      expect(b.err).toBe("");
      return [...JSON.parse(a.out.trim()), ...JSON.parse(b.out.trim())] as { destination: string; outcome: string }[];
    };
    const first = await race(WEEK_BEFORE);
    expect(first.filter((r) => r.outcome === "sent").map((r) => r.destination).sort()).toEqual(["slack:C-ISR", "slack:C-KAZ"]);
    // A restart on the same day sends nothing again.
    const again = await race(WEEK_BEFORE);
    expect(again.filter((r) => r.outcome === "sent")).toEqual([]);
    const lines = posts(postsFile);
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => /Reminder: Comments to the Secretariat on the draft MC decision/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes("C-IND"))).toBe(false);
    // The day before: the 1-day reminder, once.
    const last = await race(DAY_BEFORE);
    expect(last.filter((r) => r.outcome === "sent").map((r) => r.destination).sort()).toEqual(["slack:C-ISR", "slack:C-KAZ"]);
    const keys = (await app.db.prisma.digestDelivery.findMany({ where: { day: { startsWith: "reminder/" } } })).map((r) => `${r.day} ${r.destination} ${r.status}`).sort();
    expect(keys).toEqual([
      "reminder/comments-mc-2023-draft-4/ISR/1 slack:C-ISR sent",
      "reminder/comments-mc-2023-draft-4/ISR/7 slack:C-ISR sent",
      "reminder/comments-mc-2023-draft-4/KAZ/1 slack:C-KAZ sent",
      "reminder/comments-mc-2023-draft-4/KAZ/7 slack:C-KAZ sent",
    ]);
    expect(posts(postsFile)).toHaveLength(4);
  }, 180_000);

  it("GIVEN Kazakhstan objects to the draft WHEN the reminders run THEN a position counts as a response and Kazakhstan is not reminded, while Israel's reservation of 22 August does not count yet", async () => {
    app = await testApp({ now: "2023-07-01T09:00:00+05:00" });
    await linked(app);
    expect(await app.text("Kazakhstan", "/object MC/2023/DRAFT/4 as reservation We reserve our position")).toMatch(/Recorded/);
    const postsFile = join(tmpdir(), `dd-reminders-obj-${process.pid}-${Date.now()}`);
    const r = await runWorker([app.file, postsFile, "A", WEEK_BEFORE, "0"]);
    expect(r.err).toBe("");
    expect((JSON.parse(r.out.trim()) as { destination: string; outcome: string }[]).filter((x) => x.outcome === "sent").map((x) => x.destination).sort()).toEqual(["slack:C-IND", "slack:C-ISR"]);
  }, 90_000);
});
