// npm run mutate: the mutation score of the domain rules and the dated services (issue 10). Not part of npm test
// or CI: it takes many minutes. Two scopes, each with only the tests that guard it (vitest.mutate.config.ts):
//   MUTATE_SCOPE=domain   src/domain/**, pure tests (test/domain)
//   MUTATE_SCOPE=services the services of positions, silence, dated items, deadlines and coordinators
const scope = process.env.MUTATE_SCOPE === "services" ? "services" : "domain";
const mutate = {
  domain: ["src/domain/**/*.ts"],
  services: ["src/services/positions.ts", "src/services/silence.ts", "src/services/dated.ts", "src/services/deadlines.ts", "src/services/coordinators.ts"],
}[scope];

export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutate.config.ts", related: false },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate,
  coverageAnalysis: "perTest",
  // Module-level constants (the rules table, regular expressions) would run every test for each of their
  // mutants; they are counted as ignored, not as killed.
  ignoreStatic: true,
  // Later runs test only the mutants of changed code or tests.
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${scope}.json`,
  // The machines have 2 cores shared by several people.
  concurrency: scope === "domain" ? 2 : 1,
  timeoutMS: 10_000,
  timeoutFactor: 1.5,
  reporters: ["clear-text", "progress-append-only", "json"],
  jsonReporter: { fileName: `reports/mutation/${scope}.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 80, break: null },
  ignorePatterns: ["test/.tmp", "reports", "exports", "dist", "data/*.db"],
  tempDirName: `.stryker-tmp/${scope}`,
  cleanTempDir: "always",
};
