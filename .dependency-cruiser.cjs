/**
 * The layering of Delegate Desk, enforced in `npm test` (docs/architecture.md explains the layers).
 *   npx depcruise --config .dependency-cruiser.cjs src commands scripts bench
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No import cycles: each module can be understood (and tested) after the ones it imports.",
      from: {},
      // Type-only imports vanish at compile time and cannot form a cycle at run time: they are left out.
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "commands-only-from-composition-root",
      severity: "error",
      comment:
        "The command registry is injected: only the composition root (src/main.ts, src/app.ts), the generators in scripts/ and " +
        "the benchmark may import commands/ (commands may import each other). The core and the adapters get it from the desk.",
      from: { pathNot: "^(src/main\\.ts|src/app\\.ts|scripts/|bench/|test/|commands/)" },
      to: { path: "^commands/" },
    },
    {
      name: "prisma-and-pg-only-in-db",
      severity: "error",
      comment:
        "Only src/db/ talks to the database drivers (the advisory locks of the leader election are in src/db/locks.ts).",
      from: { path: "^(src|commands)/", pathNot: "^src/db/" },
      to: { path: "(^|/)node_modules/(@prisma/|pg/|pg-)|^(@prisma/|pg$)" },
    },
    {
      name: "domain-is-pure",
      severity: "error",
      comment: "src/domain/ holds pure types and rules: it imports nothing of ours but src/domain/ (packages are allowed).",
      from: { path: "^src/domain/" },
      to: { path: "^(src|commands|scripts|bench|test)/", pathNot: "^src/domain/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/db/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".js", ".mjs", ".cjs", ".json"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
