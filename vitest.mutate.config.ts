import { defineConfig } from "vitest/config";

// For `npm run mutate` (Stryker) only; the ordinary suite is vitest.config.ts. Running the whole suite for every
// mutant would take hours on the 2-core machines, so each scope runs only the tests that guard it:
// MUTATE_SCOPE=domain: the pure tests of src/domain (no database); MUTATE_SCOPE=services: the dated services,
// through the console desk on a real SQLite copy of the seeds. The 2021-2024 replay property test stays in
// `npm test` only: it touches every mutant and would run for each.
const services = process.env.MUTATE_SCOPE === "services";

export default defineConfig({
  test: {
    include: services
      ? ["test/services/**/*.test.ts", "test/time/dated.test.ts", "test/time/silence.test.ts", "test/time/coordinators.test.ts", "test/time/chat-dated.test.ts", "test/time/nominations.test.ts", "test/cycle/cycle.test.ts"]
      : ["test/domain/**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    globalSetup: services ? ["test/helpers/global-setup.ts"] : [],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    poolOptions: { forks: { maxForks: 1, minForks: 1 } },
  },
});
