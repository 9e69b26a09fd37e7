import { defineConfig } from "vitest/config";

// The tests that guard the domain rules and the dated services, for `npm run mutate` (Stryker) only: running
// the whole suite for every mutant would take hours on the 2-core machines. The ordinary suite is vitest.config.ts.
export default defineConfig({
  test: {
    include: ["test/domain/**/*.test.ts", "test/time/**/*.test.ts", "test/cycle/cycle.test.ts"],
    exclude: ["**/node_modules/**", "test/**/*.pg.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    poolOptions: { forks: { maxForks: 1, minForks: 1 } },
  },
});
