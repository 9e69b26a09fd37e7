import { defineConfig } from "prisma/config";

// The CLI needs the Wasm schema engine (no native engine can be downloaded on offline machines), and the
// Wasm engine needs a driver adapter of the schema's provider. One config serves both schemas, so the
// provider comes from PRISMA_PROVIDER, else from the --schema path, else from DATABASE_URL.
// Only `prisma generate` and `prisma migrate diff` are used; migrations are applied by src/db/migrate.ts.
function provider(): "sqlite" | "postgresql" {
  const explicit = process.env.PRISMA_PROVIDER;
  if (explicit === "sqlite" || explicit === "postgresql") return explicit;
  const argv = process.argv.join(" ");
  if (/prisma[\\/]postgresql[\\/]/.test(argv)) return "postgresql";
  if (/prisma[\\/]sqlite[\\/]/.test(argv)) return "sqlite";
  return /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? "postgresql" : "sqlite";
}

const chosen = provider();

export default defineConfig({
  schema: `prisma/${chosen}/schema.prisma`,
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    if (chosen === "postgresql") {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      const url = process.env.DATABASE_URL ?? "";
      // `migrate diff` between schemas never connects; a placeholder keeps the CLI off the network path.
      return new PrismaPg({ connectionString: /^postgres(ql)?:\/\//.test(url) ? url : "postgresql://localhost/generate" });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL?.replace(/^file:/, "") || ":memory:" });
  },
});
