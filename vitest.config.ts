import { defineConfig } from "vitest/config";

// Tests that need PostgreSQL itself (advisory locks, several processes on one database) are named
// *.pg.test.ts and collected only in the PostgreSQL pass; tests of SQLite's own file lock are named
// *.sqlite.test.ts and collected only in the SQLite pass. So no test is ever skipped.
const pgPass = !!process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...(pgPass ? ["test/**/*.sqlite.test.ts"] : ["test/**/*.pg.test.ts"])],
    globalSetup: ["test/helpers/global-setup.ts"],
    setupFiles: ["test/helpers/verify-plans.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each test gets its own database copy; two workers suit the 2-core machines.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: "forks",
  },
});
