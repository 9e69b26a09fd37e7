/**
 * The read-plan cache (src/db/plan-cache.ts): a read's shape is compiled once and each read gets a plan with its
 * own values; shapes the compiler rewrites are cached by value; writes are always compiled; plans are frozen;
 * the suite's verify mode catches a plan that differs from the compiler's; the data read is always current.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cacheReadPlans, planCacheStats, verifyPlans } from "../../src/db/plan-cache.ts";
import { testApp, type TestApp } from "../helpers/app.ts";

/**
 * A stand-in compiler class: counts compilations and returns a fresh plan each time, shaped like Prisma's (the
 * strings of the filter as the SQL's `args`). `rewrite` changes how a value lands in the plan.
 */
function fakeCompiler(rewrite: (v: string) => unknown = (v) => v) {
  const compiled: string[] = [];
  const strings = (x: unknown): string[] => (typeof x === "string" ? [x] : x && typeof x === "object" ? Object.values(x).flatMap(strings) : []);
  const plan = (one: { modelName: string; action: string; query: { arguments: { where?: unknown } } }) =>
    ({ type: "query", sql: `SELECT FROM ${one.modelName} WHERE ${Object.keys(one.query.arguments.where ?? {}).join(",")}`, args: strings(one.query.arguments.where).map(rewrite), steps: [{ action: one.action }] });
  class FakeCompiler {
    compile(query: string) {
      compiled.push(query);
      return plan(JSON.parse(query));
    }
    compileBatch(batch: string) {
      compiled.push(batch);
      return { type: "multi", plans: (JSON.parse(batch) as { batch: Parameters<typeof plan>[0][] }).batch.map(plan) };
    }
  }
  return { FakeCompiler, compiled };
}
const q = (action: string, where: unknown, model = "Identity") => JSON.stringify({ modelName: model, action, query: { arguments: { where }, selection: { $scalars: true } } });
type Plan = { args: unknown[]; steps: { action: string }[] };

describe("the read-plan cache, on a compiler class", () => {
  // The suite verifies every plan (test/helpers/verify-plans.ts), which compiles again; these tests count compilations.
  beforeEach(() => verifyPlans(false));
  afterEach(() => verifyPlans(true));

  it("GIVEN the same read twice THEN its shape is compiled once and both get a frozen plan with the read's values", () => {
    const { FakeCompiler, compiled } = fakeCompiler();
    expect(cacheReadPlans(FakeCompiler).installed).toBe(true);
    const c = new FakeCompiler();
    const a = c.compile(q("findUnique", { platform: "slack", userId: "U1" })) as Plan;
    const b = c.compile(q("findUnique", { platform: "slack", userId: "U1" })) as Plan;
    expect(compiled).toHaveLength(1);
    expect(b).toEqual(a);
    expect(a.args).toEqual(["slack", "U1"]);
    expect(Object.isFrozen(a) && Object.isFrozen(a.args) && Object.isFrozen(a.steps[0])).toBe(true);
    expect(() => { (a.steps[0] as { action: string }).action = "x"; }).toThrow(TypeError);
    expect(() => { (b.args as unknown[])[1] = "U2"; }).toThrow(TypeError);
  });

  it("GIVEN reads with other values THEN the shape is compiled once and each plan carries its own values", () => {
    const { FakeCompiler, compiled } = fakeCompiler();
    cacheReadPlans(FakeCompiler);
    const c = new FakeCompiler();
    const a = c.compile(q("findMany", { userId: "U1" })) as Plan;
    const b = c.compile(q("findMany", { userId: "U2" })) as Plan;
    const d = c.compile(q("findMany", { userId: "U1", role: "delegate" })) as Plan;
    expect(compiled).toHaveLength(2); // the shape {userId} once, the shape {userId, role} once
    expect([a.args, b.args, d.args]).toEqual([["U1"], ["U2"], ["U1", "delegate"]]);
    expect(compiled.join("\n")).not.toMatch(/U1|U2|delegate/); // shapes only: the compiler never saw a value
  });

  it("GIVEN a compiler that rewrites a value (a LIKE pattern) THEN that shape is cached by value, and each read is right", () => {
    const { FakeCompiler, compiled } = fakeCompiler((v) => `%${v}%`);
    cacheReadPlans(FakeCompiler);
    const c = new FakeCompiler();
    const plans = ["U1", "U2", "U1"].map((u) => c.compile(q("findFirst", { userId: u })) as Plan);
    expect(plans.map((p) => p.args)).toEqual([["%U1%"], ["%U2%"], ["%U1%"]]);
    expect(compiled).toHaveLength(3); // the shape (refused as a template), U1, U2; the second U1 is reused
    expect(plans[2]).toBe(plans[0]);
  });

  it("GIVEN a compiler that refuses a sentinel or drops a value THEN the shape is cached by value", () => {
    const refusing = fakeCompiler((v) => { if (v.includes("\u0001")) throw new Error("not an enum value"); return v; });
    cacheReadPlans(refusing.FakeCompiler);
    const r = new refusing.FakeCompiler();
    expect((r.compile(q("findMany", { role: "chair" })) as Plan).args).toEqual(["chair"]);
    expect((r.compile(q("findMany", { role: "delegate" })) as Plan).args).toEqual(["delegate"]);
    expect(refusing.compiled).toHaveLength(3);
    const dropping = fakeCompiler(() => "constant");
    cacheReadPlans(dropping.FakeCompiler);
    const d = new dropping.FakeCompiler();
    d.compile(q("findMany", { role: "chair" }));
    d.compile(q("findMany", { role: "delegate" }));
    expect(dropping.compiled).toHaveLength(3);
    // A value both whole and inside a longer string: the template would leave the longer one with its sentinel.
    const both = fakeCompiler((v) => [v, `%${v}%`]);
    cacheReadPlans(both.FakeCompiler);
    const b = new both.FakeCompiler();
    expect((b.compile(q("findMany", { role: "chair" })) as Plan).args).toEqual([["chair", "%chair%"]]);
    expect((b.compile(q("findMany", { role: "delegate" })) as Plan).args).toEqual([["delegate", "%delegate%"]]);
  });

  it("GIVEN a batch of reads THEN its shape is compiled once; a batch with a write is compiled every time", () => {
    const { FakeCompiler, compiled } = fakeCompiler();
    cacheReadPlans(FakeCompiler);
    const c = new FakeCompiler();
    const batch = (...users: string[]) => JSON.stringify({ batch: users.map((u) => JSON.parse(q("findUnique", { userId: u }))) });
    const a = c.compileBatch(batch("U1", "U2")) as { plans: Plan[] };
    const b = c.compileBatch(batch("U3", "U1")) as { plans: Plan[] };
    expect(compiled).toHaveLength(1);
    expect([a.plans.map((p) => p.args), b.plans.map((p) => p.args)]).toEqual([[["U1"], ["U2"]], [["U3"], ["U1"]]]);
    const withWrite = JSON.stringify({ batch: [JSON.parse(q("findUnique", { userId: "U1" })), JSON.parse(q("createOne", { userId: "U1" }))] });
    c.compileBatch(withWrite);
    c.compileBatch(withWrite);
    expect(compiled).toHaveLength(3);
  });

  it("GIVEN verifyPlans (the suite's setup) and a plan that depends on a value beyond its place THEN the read throws", () => {
    const { FakeCompiler } = fakeCompiler();
    class Sneaky extends FakeCompiler {
      override compile(query: string) {
        const p = super.compile(query);
        return query.includes('"asc"') ? { ...p, order: "ascending" } : p;
      }
    }
    cacheReadPlans(Sneaky);
    verifyPlans(true);
    const c = new Sneaky();
    c.compile(q("findMany", { sort: "desc" }));
    expect(() => c.compile(q("findMany", { sort: "asc" }))).toThrow(/differs from the compiler's own/);
  });

  it("GIVEN writes THEN every one is compiled afresh (a create's plan may carry now() or a generated id)", () => {
    const { FakeCompiler, compiled } = fakeCompiler();
    cacheReadPlans(FakeCompiler);
    const c = new FakeCompiler();
    for (const action of ["createOne", "createOne", "upsertOne", "upsertOne", "updateMany", "deleteMany"]) c.compile(q(action, { userId: "U1" }));
    expect(compiled).toHaveLength(6);
  });

  it("GIVEN more reads than the cache holds THEN the least recently used is compiled again, a recent one is not", () => {
    const { FakeCompiler, compiled } = fakeCompiler();
    cacheReadPlans(FakeCompiler, 2);
    const c = new FakeCompiler();
    c.compile(q("findFirst", { n: 1 }));
    c.compile(q("findFirst", { n: 2 }));
    c.compile(q("findFirst", { n: 1 })); // 1 is now the most recent
    c.compile(q("findFirst", { n: 3 })); // evicts 2
    c.compile(q("findFirst", { n: 1 }));
    expect(compiled).toHaveLength(3);
    c.compile(q("findFirst", { n: 2 }));
    expect(compiled).toHaveLength(4);
  });

  it("GIVEN two compiler instances THEN neither reuses the other's plans", () => {
    const { FakeCompiler, compiled } = fakeCompiler();
    cacheReadPlans(FakeCompiler);
    new FakeCompiler().compile(q("count", {}));
    new FakeCompiler().compile(q("count", {}));
    expect(compiled).toHaveLength(2);
  });

  it("GIVEN a class without compile (another Prisma) THEN nothing is installed", () => {
    expect(cacheReadPlans(class {} as never).installed).toBe(false);
  });
});

describe("the read-plan cache, in the bot's own Prisma client", () => {
  let app: TestApp;
  beforeAll(async () => { app = await testApp(); });
  afterAll(async () => { await app.close(); });

  it("GIVEN a read repeated THEN its plan is reused, and other values and new rows are still read as they are", async () => {
    const before = { ...planCacheStats };
    const india = await app.repos.identities.find("console", "India-not-linked");
    await app.repos.identities.find("console", "India-not-linked");
    expect(india).toBeNull();
    expect(planCacheStats.hits).toBeGreaterThan(before.hits);
    // A plan with its values inline: a reused plan must not answer for another user, nor hide a row written since.
    await app.db.prisma.identity.create({ data: { platform: "console", userId: "India-not-linked", role: "delegate", stateCode: "IND" } });
    expect((await app.repos.identities.find("console", "India-not-linked"))?.stateCode).toBe("IND");
    await app.db.prisma.identity.create({ data: { platform: "console", userId: "China-linked", role: "delegate", stateCode: "CHN" } });
    expect((await app.repos.identities.find("console", "China-linked"))?.stateCode).toBe("CHN");
    expect((await app.repos.identities.find("console", "India-not-linked"))?.stateCode).toBe("IND");
  });

  it("GIVEN concurrent reads of several users (one Prisma batch) THEN a batch of new users reuses the shape and each gets its own row", async () => {
    for (const [u, s] of [["Kazakhstan-1", "KAZ"], ["Mongolia-1", "MNG"], ["Qatar-1", "QAT"]] as const)
      await app.db.prisma.identity.create({ data: { platform: "console", userId: u, role: "delegate", stateCode: s } });
    const first = await Promise.all(["Kazakhstan-1", "Mongolia-1"].map((u) => app.repos.identities.find("console", u)));
    const before = { ...planCacheStats };
    const second = await Promise.all(["Qatar-1", "Kazakhstan-1", "nobody"].map((u) => app.repos.identities.find("console", u)));
    const third = await Promise.all(["Mongolia-1", "Qatar-1"].map((u) => app.repos.identities.find("console", u)));
    expect(first.map((r) => r?.stateCode)).toEqual(["KAZ", "MNG"]);
    expect(second.map((r) => r?.stateCode)).toEqual(["QAT", "KAZ", undefined]);
    expect(third.map((r) => r?.stateCode)).toEqual(["MNG", "QAT"]);
    expect(planCacheStats.hits).toBeGreaterThan(before.hits); // the third batch: new users, the first batch's shape
  });
});
