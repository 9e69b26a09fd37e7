import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { afterAll, describe, expect, it } from "vitest";

/** `npm start` as an operator runs it: a real process, piped stdin, a brand-new SQLite file. */
describe("npm start with no platform credentials", () => {
  const dir = mkdtempSync(join(tmpdir(), "dd-start-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const start = (args: string[], input: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
      input,
      encoding: "utf8",
      timeout: 60_000,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: `file:${join(dir, "fresh.db")}`, NOW: "2023-08-23T09:00:00+05:00", ...env },
    });

  it("GIVEN piped commands on a fresh database THEN it migrates, loads the CICA data set, answers every line and exits 0", () => {
    const r = start(["--as", "India"], "/coordinators ICT\n/comment DRAFT/4 para 1.10 Three years\n/as chair\n/digest\n");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/> \/coordinators ICT\nCoordination of Security of and in the use of ICTs/);
    expect(r.stdout).toMatch(/Comment #1 filed for India/);
    expect(r.stdout).toMatch(/Acting as chair\./);
    expect(r.stdout).toMatch(/Daily digest for the Chair, 23 August 2023/);
    expect(r.stderr).not.toMatch(/Error|at /);
  });

  it("GIVEN a second start on the same file THEN the data is kept (not reloaded) and earlier comments are still there", () => {
    const r = start(["--as", "chair"], "/drafts DRAFT/4 comments\n");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/#1 para 1\.10 · India \(general remark\) \[late\]: Three years/);
  });

  it("GIVEN a bad NOW THEN it stops with a clear configuration error, not a stack trace", () => {
    const r = start([], "", { NOW: "yesterday" });
    expect(r.status).toBe(78);
    expect(r.stderr).toMatch(/^Configuration error: NOW must be an ISO 8601 date-time.*\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("GIVEN --lang ru THEN the console answers in Russian", () => {
    const r = start(["--as", "Russia", "--lang", "ru"], "/coordinators ICT\n");
    expect(r.stdout).toMatch(/Координатор: Российская Федерация/);
  });
});
