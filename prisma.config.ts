import { defineConfig } from "prisma/config";

// The CLI needs the Wasm schema engine (no native engine can be downloaded on offline machines).
// Only `prisma generate` and `prisma migrate diff` are used; migrations are applied by src/db/migrate.ts.
export default defineConfig({
  schema: "prisma/sqlite/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL?.replace(/^file:/, "") || ":memory:" });
  },
});
