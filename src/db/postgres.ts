import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/postgresql/client.ts";
import type { Database, Db } from "./client.ts";
import { codedErrors } from "./errors.ts";
import { QueryCompiler } from "@prisma/client/runtime/query_compiler_bg.postgresql.mjs";
import { cacheReadPlans } from "./plan-cache.ts";

cacheReadPlans(QueryCompiler); // src/db/plan-cache.ts

/** Connections per process; N replicas use N times this, so keep it well under max_connections (100). */
const POOL_MAX = 10;

/**
 * Opens PostgreSQL through adapter-pg. Both generated clients come from the same schema.base.prisma, so
 * their model APIs are identical; only the nominal types differ (each client has its own Prisma
 * namespace). The cast at this one boundary lets repos and services stay written against one `Db` type;
 * the schema drift test (test/db/schemas.test.ts) is what keeps the two clients alike.
 */
export async function openPostgres(url: string): Promise<Database> {
  const adapter = releasingFailedCommits(new PrismaPg({ connectionString: url, max: POOL_MAX, connectionTimeoutMillis: 10_000 }));
  const prisma = codedErrors(new PrismaClient({ adapter: adapter as never })) as unknown as Db;
  await prisma.$connect();
  return { prisma, provider: "postgresql", url, close: () => prisma.$disconnect() };
}

type Tx = { executeRaw: (q: { sql: string }) => Promise<number>; commit: () => Promise<void>; rollback: () => Promise<void> };
type Adapter = { startTransaction: (iso?: unknown) => Promise<Tx> };

/**
 * Prisma sends COMMIT as a statement and calls commit() (which returns the pooled connection) only when
 * it succeeded. A failed COMMIT (a deferred constraint, a full disk on the server) would keep that
 * connection out of the pool for good, so ten of them would stall every write. Here the failed COMMIT
 * gives the connection back (PostgreSQL has already rolled the transaction back).
 */
function releasingFailedCommits(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const a = await connect();
    const start = (a as unknown as Adapter).startTransaction.bind(a);
    (a as unknown as Adapter).startTransaction = async (iso) => {
      const tx = await start(iso);
      const exec = tx.executeRaw.bind(tx);
      const commit = tx.commit.bind(tx);
      const rollback = tx.rollback.bind(tx);
      let released = false;
      tx.executeRaw = async (q) => {
        try {
          return await exec(q);
        } catch (e) {
          if (/^\s*COMMIT\b/i.test(q.sql) && !released) {
            released = true;
            await rollback().catch(() => {});
          }
          throw e;
        }
      };
      tx.commit = async () => { if (!released) { released = true; await commit(); } };
      tx.rollback = async () => { if (!released) { released = true; await rollback(); } };
      return tx;
    };
    return a;
  };
  return factory;
}
