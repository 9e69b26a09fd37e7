/** The consensus, comment and silence rules as pure functions (src/domain/rules.ts, src/domain/timeline.ts). */
import { describe, expect, it } from "vitest";
import { AGAINST_STANCES, BLOCKING_STANCES, blocks, daysLeft, isLateComment, tally } from "../../src/domain/rules.ts";
import { breaksSilence, concernsSilence, silenceStatus, withinSilence, type DatedObjection } from "../../src/domain/timeline.ts";

const sp = { id: "sp-1", targetRef: "MC/2023/DRAFT/5", startsOn: "2023-08-23", expiresOn: "2023-09-05", outcome: "running", brokenBy: null, brokenAt: null };
const pos = (o: Partial<DatedObjection>): DatedObjection => ({ stateCode: "IND", stance: "objection", targetType: "document", targetRef: "MC/2023/DRAFT/5", on: "2023-08-28", ...o });

describe("consensus: which stances block a decision", () => {
  it("objection, reservation and needs more time block; support does not; the tally counts each group", () => {
    expect(["objection", "reservation", "needs_more_time"].every(blocks)).toBe(true);
    expect(blocks("support")).toBe(false);
    expect(blocks("comment")).toBe(false);
    expect([...AGAINST_STANCES]).toEqual(["objection", "reservation"]);
    expect([...BLOCKING_STANCES]).toEqual(["objection", "reservation", "needs_more_time"]);
    expect(tally(["support", "support", "objection", "reservation", "needs_more_time", "other"])).toEqual({ support: 2, against: 2, wait: 1 });
    expect(tally([])).toEqual({ support: 0, against: 0, wait: 0 });
  });
});

describe("late comments (due 15 July 2023 for MC/2023/DRAFT/4)", () => {
  it("a comment on the due date is on time, the day after is late, and with no due date nothing is late", () => {
    expect(isLateComment("2023-07-15", "2023-07-15")).toBe(false);
    expect(isLateComment("2023-07-15", "2023-07-16")).toBe(true);
    expect(isLateComment("2023-07-15", "2023-07-14")).toBe(false);
    expect(isLateComment(null, "2030-01-01")).toBe(false);
    expect(isLateComment(undefined, "2030-01-01")).toBe(false);
  });
  it("days left count down to zero on the due date and below after it", () => {
    expect(daysLeft("2023-07-10", "2023-07-15")).toBe(5);
    expect(daysLeft("2023-07-15", "2023-07-15")).toBe(0);
    expect(daysLeft("2023-07-17", "2023-07-15")).toBe(-2);
  });
});

describe("silence: which positions concern and break a procedure (seeds/001 item 3)", () => {
  it("a position concerns it when on the procedure itself or on its matter, never on another target", () => {
    expect(concernsSilence(sp, { targetType: "silence", targetRef: "sp-1" })).toBe(true);
    expect(concernsSilence(sp, { targetType: "silence", targetRef: "sp-2" })).toBe(false);
    expect(concernsSilence(sp, { targetType: "document", targetRef: "MC/2023/DRAFT/5" })).toBe(true);
    expect(concernsSilence(sp, { targetType: "paragraph", targetRef: "MC/2023/DRAFT/5" })).toBe(true);
    expect(concernsSilence(sp, { targetType: "document", targetRef: "MC/2023/DRAFT/4" })).toBe(false);
    expect(concernsSilence(sp, { targetType: "silence", targetRef: "MC/2023/DRAFT/5" })).toBe(false);
    // A procedure on a matter the bot does not hold (Turkmenistan's request) is concerned only by positions on itself.
    expect(concernsSilence({ id: "sp-t", targetRef: null }, { targetType: "document", targetRef: "" })).toBe(false);
  });
  it("the procedure runs from its first day to its last, both included", () => {
    expect(withinSilence(sp, "2023-08-22")).toBe(false);
    expect(withinSilence(sp, "2023-08-23")).toBe(true);
    expect(withinSilence(sp, "2023-09-05")).toBe(true);
    expect(withinSilence(sp, "2023-09-06")).toBe(false);
  });
  it("only an objection on its matter within its days breaks it", () => {
    expect(breaksSilence(sp, pos({}))).toBe(true);
    expect(breaksSilence(sp, pos({ on: "2023-09-05" }))).toBe(true);
    expect(breaksSilence(sp, pos({ on: "2023-08-23" }))).toBe(true);
    expect(breaksSilence(sp, pos({ on: "2023-09-06" }))).toBe(false);
    expect(breaksSilence(sp, pos({ on: "2023-08-22" }))).toBe(false);
    expect(breaksSilence(sp, pos({ stance: "reservation" }))).toBe(false);
    expect(breaksSilence(sp, pos({ stance: "needs_more_time" }))).toBe(false);
    expect(breaksSilence(sp, pos({ stance: "support" }))).toBe(false);
    expect(breaksSilence(sp, pos({ targetRef: "MC/2023/DRAFT/4" }))).toBe(false);
    expect(breaksSilence(sp, pos({ targetType: "offer", targetRef: "offer-irq" }))).toBe(false);
  });
  it("its status: scheduled, running, broken from the first objection's day, approved the day after the last", () => {
    expect(silenceStatus(sp, [], "2023-08-22")).toEqual({ state: "scheduled" });
    expect(silenceStatus(sp, [], "2023-09-05")).toEqual({ state: "running" });
    expect(silenceStatus(sp, [], "2023-09-06")).toEqual({ state: "approved" });
    const two = [pos({ stateCode: "CHN", on: "2023-09-01" }), pos({ stateCode: "IND", on: "2023-08-30" })];
    expect(silenceStatus(sp, two, "2023-08-29")).toEqual({ state: "running" });
    expect(silenceStatus(sp, two, "2023-08-30")).toEqual({ state: "broken", brokenBy: "IND", brokenOn: "2023-08-30" });
    expect(silenceStatus(sp, two, "2023-12-01")).toEqual({ state: "broken", brokenBy: "IND", brokenOn: "2023-08-30" });
    expect(silenceStatus(sp, [pos({ on: "2023-09-06" })], "2023-09-07")).toEqual({ state: "approved" });
    expect(silenceStatus(sp, [pos({ targetRef: "MC/2023/DRAFT/4" })], "2023-09-07")).toEqual({ state: "approved" });
  });
  it("a break the Secretariat recorded with no position on file counts from its date", () => {
    const rec = { ...sp, outcome: "broken", brokenBy: "IND" };
    expect(silenceStatus(rec, [], "2023-08-27", "2023-08-28")).toEqual({ state: "running" });
    expect(silenceStatus(rec, [], "2023-08-28", "2023-08-28")).toEqual({ state: "broken", brokenBy: "IND", brokenOn: "2023-08-28" });
    expect(silenceStatus({ ...rec, brokenBy: null }, [], "2023-09-07", "2023-08-28")).toEqual({ state: "approved" });
    expect(silenceStatus(rec, [], "2023-09-07")).toEqual({ state: "approved" });
  });
});
