/**
 * Errors as codes, and nothing swallowed without a log line (issue 10): the two known swallows, a corrupt
 * stored digest destination list (once silently []) and any failure while resolving a proposal's organisers
 * (once "unknown organiser"), and the codes that refusals carry.
 */
import { afterEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";
import { allDestinations, DESTINATIONS_KEY, parseDestinationList } from "../../src/digest/destinations.ts";
import { PLATFORM_NAMES } from "../../src/platforms.ts";
import { createDesk } from "../../src/core/desk.ts";
import { commands } from "../../commands/index.ts";
import { CICA } from "../helpers/forum.ts";
import { createLogger } from "../../src/log.ts";
import type { Repos } from "../../src/db/repos.ts";
import { DeskError, ErrorCode, InvalidDataError, PermissionError, StorageError, UserInputError, codeOf, hasCode, isPermissionCode } from "../../src/domain/errors.ts";
import { UserError } from "../../src/services/context.ts";

let app: TestApp;
afterEach(async () => { await app?.close(); });

const sink = () => {
  const lines: Record<string, unknown>[] = [];
  return { lines, log: createLogger("info", (l) => lines.push(JSON.parse(l) as Record<string, unknown>)) };
};

describe("a corrupt stored digest destination list", () => {
  it("GIVEN a stored list with one unreadable entry THEN the readable ones are still used and the bad one is logged", async () => {
    app = await testApp();
    await app.db.prisma.setting.create({ data: { key: DESTINATIONS_KEY, value: "slack:C0CHAIR:ru,#general,discord:998877" } });
    const { lines, log } = sink();
    expect(await allDestinations(app.repos, [], log)).toEqual([
      { platform: "slack", channelId: "C0CHAIR", lang: "ru" },
      { platform: "discord", channelId: "998877", lang: "en" },
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "warn", msg: "stored digest destination unreadable, left out", key: DESTINATIONS_KEY, entry: "#general", code: "INVALID_DATA" });
    // The Secretariat's status view still lists the readable destinations.
    expect(await app.text("secretariat", "/digest status")).toContain("slack:C0CHAIR");
  });

  it("GIVEN a readable stored list THEN nothing is logged", async () => {
    app = await testApp();
    await app.db.prisma.setting.create({ data: { key: DESTINATIONS_KEY, value: "slack:C0CHAIR:ru" } });
    const { lines, log } = sink();
    expect(await allDestinations(app.repos, [], log)).toHaveLength(1);
    expect(lines).toEqual([]);
  });

  it("GIVEN a bad configured list THEN the error is coded INVALID_DATA and names the entry", () => {
    let caught: unknown;
    try { parseDestinationList("slack:C1,telegram:9", PLATFORM_NAMES); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(InvalidDataError);
    expect(codeOf(caught)).toBe(ErrorCode.INVALID_DATA);
    expect((caught as Error).message).toContain('"telegram:9"');
  });
});

describe("/events propose when resolving an organiser fails for another reason than the name", () => {
  it("GIVEN the state lookup fails in storage WHEN a delegate proposes THEN it is not called an unknown organiser, and the failure is logged", async () => {
    app = await testApp();
    // The first read (the namer) works; the organiser lookup that follows finds the database gone.
    let reads = 0;
    const repos: Repos = { ...app.repos, refData: () => (++reads === 1 ? app.repos.refData() : Promise.reject(new StorageError("STORAGE_UNAVAILABLE", "connection closed"))) };
    const { lines, log } = sink();
    const desk = createDesk({ commands, repos, clock: () => new Date("2023-08-23T09:00:00+05:00"), settings: { timeZone: "Asia/Almaty", forum: CICA }, digestTime: "08:30", log });
    const r = await desk.run({
      platform: "console", userId: "ind", command: "events", requestKey: "k1",
      text: "propose title: Seminar; concept: c; purpose: p; organisers: India; year: 2024",
      actor: { platform: "console", userId: "ind", role: "delegate", stateCode: "IND", lang: "en", via: "console" },
    });
    expect(r.status).toBe("error");
    expect(r.fieldErrors).toBeUndefined();
    expect(r.summary).not.toMatch(/organiser/i);
    expect(lines.some((l) => l.level === "error" && l.msg === "command failed")).toBe(true);
    expect(await app.db.prisma.cbmEvent.count({ where: { title: "Seminar" } })).toBe(0);
  });

  it("GIVEN a name that is no state THEN it still is an unknown organiser, on the form field", async () => {
    app = await testApp();
    const r = await app.as("India", "/events propose title: Seminar; concept: c; purpose: p; organisers: India, Atlantis; year: 2024");
    expect(r.status).toBe("error");
    expect(r.fieldErrors?.organisers).toContain("Atlantis");
  });
});

describe("coded errors", () => {
  it("GIVEN each class THEN its code is stable and decides, not its message", () => {
    expect(new UserInputError("x").code).toBe("USER_INPUT");
    expect(new UserInputError("x", "NOT_FOUND").code).toBe("NOT_FOUND");
    expect(new PermissionError("x").code).toBe("PERMISSION_REFUSED");
    expect(new PermissionError("x", "OBSERVER_RESTRICTED").code).toBe("OBSERVER_RESTRICTED");
    const cause = new Error("SQLITE_BUSY: database is locked");
    const busy = new StorageError("STORAGE_BUSY", "busy", { cause });
    expect(busy).toBeInstanceOf(DeskError);
    expect(busy.cause).toBe(cause);
    expect(busy.name).toBe("StorageError");
    expect(hasCode(busy, "STORAGE_BUSY", "STORAGE_FULL")).toBe(true);
    expect(hasCode(cause, "STORAGE_BUSY")).toBe(false);
    expect(codeOf(new Error("PERMISSION_REFUSED"))).toBeUndefined();
  });

  it("GIVEN a use case's refusals THEN UserError carries a permission code, bad input USER_INPUT", () => {
    expect(new UserError("refused", { who: "x" }).code).toBe("PERMISSION_REFUSED");
    expect(new UserError("observer_restricted").code).toBe("OBSERVER_RESTRICTED");
    expect(isPermissionCode(new UserError("observer_restricted"))).toBe(true);
    expect(new UserError("state_not_found", { query: "x" }).code).toBe("USER_INPUT");
    expect(isPermissionCode(new UserError("state_not_found", { query: "x" }))).toBe(false);
  });

  it("GIVEN an observer refused by a use case THEN the reply's status is refused (decided by the code)", async () => {
    app = await testApp();
    await app.as("secretariat", "/link user console:tkm Turkmenistan");
    const r = await app.as("Turkmenistan", "/drafts SWG/2023-II/INF/2 para 6");
    expect(r.status).toBe("refused");
    expect(r.summary).toBe("Sorry, this matter is restricted to Member States. Observers cannot see or act on it.");
  });
});
