import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/sqlite/client.js";
export const DEFAULT_DATABASE_URL = "file:./data/delegate-desk.db";
export function providerOf(url) {
    return url && /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}
/** Opens the database named by a URL: `file:` (or nothing) → SQLite, `postgresql://` → PostgreSQL. */
export async function openDatabase(url = DEFAULT_DATABASE_URL) {
    if (providerOf(url) === "postgresql") {
        const { openPostgres } = await import("./postgres.js");
        return openPostgres(url);
    }
    const file = sqliteFile(url);
    // "file:postgresql://…" would silently become a SQLite file in a directory named "postgresql:".
    if (/^postgres(ql)?:/.test(file))
        throw new Error(`DATABASE_URL ${url.split("@").pop()} mixes file: with a PostgreSQL URL`);
    if (file !== ":memory:")
        mkdirSync(dirname(resolve(file)), { recursive: true });
    const adapter = new PrismaBetterSQLite3({ url: file, timeout: 5000 }, { timestampFormat: "iso8601" });
    const prisma = new PrismaClient({ adapter });
    // WAL lets readers run beside the writer; synchronous=FULL makes a commit survive power loss,
    // which is what "durable before the user is told done" needs.
    await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await prisma.$queryRawUnsafe("PRAGMA synchronous = FULL");
    await prisma.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    await prisma.$queryRawUnsafe("PRAGMA busy_timeout = 5000");
    return { prisma, provider: "sqlite", url, close: () => prisma.$disconnect() };
}
export function sqliteFile(url) {
    const path = url.replace(/^file:/, "").replace(/\?.*$/, "");
    return path || ":memory:";
}
//# sourceMappingURL=client.js.map