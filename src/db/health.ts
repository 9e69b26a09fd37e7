import type { Database } from "./client.ts";

/** True when the database answers a trivial query (the readiness probe). */
export async function databaseAnswers(db: Database): Promise<boolean> {
  const rows = await db.prisma.$queryRawUnsafe<unknown[]>("SELECT 1 AS ok");
  return rows.length === 1;
}
