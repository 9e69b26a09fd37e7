/**
 * The digest's reads written as SQL (src/db/raw-reads.ts) give what Prisma's findMany gives for the same
 * question, on SQLite (straight on the reader thread) and PostgreSQL; window ends are [from, to) to the
 * millisecond; a failure is a StorageError like any other read's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";
import { rawReader } from "../../src/db/raw-reads.ts";
import { StorageError } from "../../src/domain/errors.ts";
import { BLOCKING_STANCES } from "../../src/domain/rules.ts";

const at = (iso: string) => new Date(iso);

describe("reads as SQL, beside Prisma's", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp();
    const p = app.db.prisma;
    // Positions at, just before and just after the window's ends, withdrawn inside and outside it.
    const rows = [
      { id: 9001, stance: "objection", targetType: "document", targetRef: "MC/2023/DRAFT/4", createdAt: at("2023-09-01T00:00:00.000Z") },
      { id: 9002, stance: "reservation", targetType: "paragraph", targetRef: "MC/2023/DRAFT/4", paragraphRef: "1.10", createdAt: at("2023-08-31T23:59:59.999Z"), withdrawnAt: at("2023-09-02T10:00:00.000Z"), withdrawnBy: "CHN" },
      { id: 9003, stance: "support", targetType: "offer", targetRef: "offer-x", createdAt: at("2023-09-03T00:00:00.000Z") },
      { id: 9004, stance: "needs_more_time", targetType: "silence", targetRef: "sil-x", createdAt: at("2023-09-02T23:59:59.999Z"), reason: "  two  spaces " },
      { id: 9005, stance: "objection", targetType: "nomination", targetRef: "nom-x", createdAt: at("2023-09-01T00:00:00.000Z") }, // a tie on time with 9001
      { id: 9006, stance: "objection", targetType: "document", targetRef: "MC/2023/DRAFT/5", createdAt: at("2023-08-01T00:00:00.000Z"), withdrawnAt: at("2023-09-03T00:00:00.000Z"), withdrawnBy: "CHN" }, // withdrawn at `to`
    ];
    for (const r of rows) await p.position.create({ data: { stateCode: "CHN", platform: "console", userId: "t", ...r } });
  });
  afterAll(async () => { await app.close(); });

  const from = at("2023-09-01T00:00:00.000Z");
  const to = at("2023-09-03T00:00:00.000Z");
  const ids = (xs: { id: number }[]) => xs.map((x) => x.id);

  it("GIVEN a window THEN changedBetween has what findMany finds, row for row, each column alike, ties by id", async () => {
    const mine = await app.repos.positions.changedBetween(from, to);
    const prisma = await app.db.prisma.position.findMany({
      where: { OR: [{ createdAt: { gte: from, lt: to } }, { withdrawnAt: { gte: from, lt: to } }] }, orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(ids(mine)).toEqual(ids(prisma));
    expect(ids(mine).filter((i) => i > 9000)).toEqual([9002, 9001, 9005, 9004]); // 9003 and 9006's withdrawal are at `to`: outside
    expect(mine).toEqual(prisma);
  });

  it("GIVEN a moment THEN blockingBefore has the open objections and reservations before it, and not one at it", async () => {
    const before = at("2023-09-01T00:00:00.000Z");
    const mine = await app.repos.positions.blockingBefore(before);
    const prisma = await app.db.prisma.position.findMany({
      where: { withdrawnAt: null, stance: { in: [...BLOCKING_STANCES] }, createdAt: { lt: before } },
      select: { id: true, stateCode: true, stance: true, targetType: true, targetRef: true, paragraphRef: true, createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(mine).toEqual(prisma);
    expect(ids(mine)).not.toContain(9001);
    expect(ids(await app.repos.positions.blockingBefore(at("2023-09-01T00:00:00.001Z")))).toEqual(expect.arrayContaining([9001, 9005]));
  });

  it("GIVEN refs of several types THEN positionsOn has every position on them, withdrawn ones too", async () => {
    const refs = ["MC/2023/DRAFT/4", "sil-x", "nom-x", "none"];
    const mine = await app.repos.time.positionsOn(refs);
    const prisma = await app.db.prisma.position.findMany({ where: { targetRef: { in: refs } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(mine).toEqual(prisma);
    expect(ids(mine)).toEqual(expect.arrayContaining([9001, 9002, 9004, 9005]));
    expect(mine.find((x) => x.id === 9004)?.reason).toBe("  two  spaces ");
    expect(await app.repos.time.positionsOn([])).toEqual([]);
  });

  it("GIVEN a write transaction open WHEN the digest counts comments THEN it reads only committed rows: the open one's row appears once committed", async () => {
    const p = app.db.prisma;
    const doc = (await p.document.findFirst({ orderBy: { id: "asc" } }))!;
    const when = at("2030-01-01T10:00:00.000Z");
    const win = [at("2030-01-01T00:00:00.000Z"), at("2030-01-02T00:00:00.000Z")] as const;
    let commit!: () => void;
    const gate = new Promise<void>((r) => (commit = r));
    let created!: () => void;
    const inside = new Promise<void>((r) => (created = r));
    const tx = p.$transaction(async (t) => {
      await t.comment.create({ data: { documentId: doc.id, stateCode: "IND", kind: "general", text: "in an open transaction", createdAt: when, updatedAt: when, platform: "console", userId: "t" } });
      created();
      await gate;
    });
    await inside;
    let counted: { n: number }[] | undefined;
    const counting = app.repos.digestReads.commentCounts(...win).then((r) => (counted = r));
    await new Promise((r) => setTimeout(r, 150));
    // Uncommitted: not counted (on SQLite the read waits for the transaction; on PostgreSQL it does not see it).
    expect(counted === undefined || counted.length === 0).toBe(true);
    commit();
    await tx;
    await counting;
    const after = await app.repos.digestReads.commentCounts(...win);
    expect(after.map((c) => c.n)).toEqual([1]);
    expect(counted!.reduce((n, c) => n + c.n, 0)).toBeLessThanOrEqual(1);
  });

  it("GIVEN a read the database refuses THEN it fails as a StorageError", async () => {
    await expect(rawReader(app.db).rows(`SELECT "nope" FROM "NoSuchTable" WHERE 1 = ?`, 1)).rejects.toBeInstanceOf(StorageError);
  });
});
