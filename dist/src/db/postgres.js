import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/postgresql/client.js";
/** Connections per process; N replicas use N times this, so keep it well under max_connections (100). */
const POOL_MAX = 10;
/**
 * Opens PostgreSQL through adapter-pg. Both generated clients come from the same schema.base.prisma, so
 * their model APIs are identical; only the nominal types differ (each client has its own Prisma
 * namespace). The cast at this one boundary lets repos and services stay written against one `Db` type;
 * the schema drift test (test/db/schemas.test.ts) is what keeps the two clients alike.
 */
export async function openPostgres(url) {
    const adapter = new PrismaPg({ connectionString: url, max: POOL_MAX, connectionTimeoutMillis: 10_000 });
    const prisma = new PrismaClient({ adapter });
    await prisma.$connect();
    return { prisma, provider: "postgresql", url, close: () => prisma.$disconnect() };
}
//# sourceMappingURL=postgres.js.map