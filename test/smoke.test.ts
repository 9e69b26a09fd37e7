import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "./helpers/app.ts";

describe("GIVEN the seeded CICA data set", () => {
  let app: TestApp;
  beforeEach(async () => { app = await testApp(); });
  afterEach(async () => { await app.close(); });

  it("THEN India can comment on para 1.10 of MC/2023/DRAFT/4 and the comment is stored", async () => {
    const r = await app.as("India", "/comment MC/2023/DRAFT/4 para 1.10 We propose three years");
    expect(r.status).toBe("ok");
    const rows = await app.db.prisma.comment.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.stateCode).toBe("IND");
  });
});
