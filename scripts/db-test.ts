/**
 * `npm test` after the type check: the whole suite on SQLite, then again on PostgreSQL when
 * TEST_DATABASE_URL=postgresql://… names a server (the role needs CREATEDB: every test gets its own
 * database copied from a seeded template). Without it the PostgreSQL pass is reported as not run, loudly,
 * rather than skipped in silence; with it but unreachable, the run fails. Extra arguments go to vitest.
 */
import { spawnSync } from "node:child_process";
import pg from "pg";

const args = process.argv.slice(2);
const pgUrl = process.env.TEST_DATABASE_URL;
const vitest = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...args], { stdio: "inherit", env }).status ?? 1;
const redact = (u: string) => u.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

const { TEST_DATABASE_URL: _, ...withoutPg } = process.env;
console.log("\n== Test pass 1/2: SQLite ==");
const sqlite = vitest(withoutPg);

let postgres: number | "not run" = "not run";
if (pgUrl && /^postgres(ql)?:\/\//.test(pgUrl)) {
  const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
    await c.end();
    console.log(`\n== Test pass 2/2: PostgreSQL at ${redact(pgUrl)} ==`);
    postgres = vitest({ ...process.env });
  } catch (e) {
    console.error(`\nTEST_DATABASE_URL is set but PostgreSQL is not reachable at ${redact(pgUrl)}: ${(e as Error).message}`);
    postgres = 1;
  }
} else {
  console.log("\n== Test pass 2/2: PostgreSQL NOT RUN — set TEST_DATABASE_URL=postgresql://user:pass@127.0.0.1:5432/db to run the suite on PostgreSQL too (.ci/run does). ==");
}
console.log(`\nSQLite: ${sqlite === 0 ? "passed" : "FAILED"} · PostgreSQL: ${postgres === "not run" ? "not run" : postgres === 0 ? "passed" : "FAILED"}`);
process.exit(sqlite === 0 && (postgres === "not run" || postgres === 0) ? 0 : 1);
