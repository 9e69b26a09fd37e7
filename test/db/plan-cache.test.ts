/**
 * The read-plan cache (src/db/plan-cache.ts): a repeated read reuses its plan, a read with other values gets
 * its own, writes are always compiled, plans are frozen, and the data read is always the current data.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheReadPlans, planCacheStats } from "../../src/db/plan-cache.ts";
import { testApp, type TestApp } from "../helpers/app.ts";

/** A stand-in compiler class: counts compilations and returns a fresh plan object each time. */
function fakeCompiler() {
  const compiled: string[] = [];
  class FakeCompiler {
    compile(query: string) {
      compiled.push(query);
      return { query, steps: [{ n: compiled.length }] };
    }
  }
  return { FakeCompiler, compiled };
}
const q = (action: string, where: unknown) => JSON.stringify({ modelName: "Identity", action, query: { arguments: { where } } });

describe("the read-plan cache, on a compiler class", () => {
  it("GIVEN the same read twice THEN it is compiled once and the second gets the same frozen plan", () => {
    const { FakeCompiler, compiled } = fakeCompiler();
    expect(cacheReadPlans(FakeCompiler).installed).toBe(true);
    const c = new FakeCompiler();
    const a = c.compile(q("findUnique", { userId: "U1" }));
    const b = c.compile(q("findUnique", { userId: "U1" }));
    expect(compiled).toHaveLength(1);
    expect(b).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.steps[0])).toBe(true);
    expect(() => { (a.steps[0] as { n: number }).n = 9; }).toThrow(TypeError);
  });

  it("GIVEN reads with other values THEN each has its own plan", () => {
    const { FakeCompiler, compiled } = fakeCompiler();
    cacheReadPlans(FakeCompiler);
    const c = new FakeCompiler();
    const a = c.compile(q("findMany", { userId: "U1" }));
    const b = c.compile(q("findMany", { userId: "U2" }));
    expect(compiled).toHaveLength(2);
    expect(a.query).not.toBe(b.query);
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
});
