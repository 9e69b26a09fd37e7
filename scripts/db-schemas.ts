/**
 * Writes prisma/<provider>/schema.prisma from prisma/schema.base.prisma.
 * `--check` exits 1 when a written schema differs from what would be generated (drift).
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const providers = ["sqlite", "postgresql"] as const;
export type Provider = (typeof providers)[number];

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export const baseSchemaPath = () => join(root, "prisma/schema.base.prisma");

export function schemaFor(provider: Provider): string {
  return schemaFromModel(provider, readFileSync(baseSchemaPath(), "utf8"));
}

/** A full schema for `provider` around a data model (the base one, or a snapshot from prisma/schema.history). */
export function schemaFromModel(provider: Provider, base: string): string {
  const header = `// GENERATED from prisma/schema.base.prisma by scripts/db-schemas.ts — edit that file, not this one.

generator client {
  provider        = "prisma-client"
  output          = "../../src/db/generated/${provider}"
  engineType      = "client"
  moduleFormat    = "esm"
}

datasource db {
  provider = "${provider}"
  url      = env("DATABASE_URL")
}
`;
  return `${header}\n${base}`;
}

export function schemaPath(provider: Provider): string {
  return join(root, "prisma", provider, "schema.prisma");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes("--check");
  let drift = false;
  for (const p of providers) {
    const want = schemaFor(p);
    const path = schemaPath(p);
    const have = existsSync(path) ? readFileSync(path, "utf8") : "";
    if (have === want) continue;
    if (check) {
      console.error(`${path} is out of step with prisma/schema.base.prisma: run npm run db:schemas`);
      drift = true;
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, want);
      console.log(`wrote ${path}`);
    }
  }
  process.exit(drift ? 1 : 0);
}
