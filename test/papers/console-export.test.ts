/** The console writes reply files to its export folder and prints the path; `npm run export` writes the file it is asked for. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { testApp } from "../helpers/app.ts";
import { runConsole } from "../../src/adapters/console/index.ts";

describe("files on the console and from npm run export", () => {
  const dir = mkdtempSync(join(tmpdir(), "dd-exports-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("GIVEN /matrix and /deadlines ics at the console THEN the files are written to the export folder and their paths printed", async () => {
    const app = await testApp();
    try {
      const input = new PassThrough();
      const output = new PassThrough();
      let out = "";
      output.on("data", (c: Buffer) => { out += c.toString("utf8"); });
      input.end("/matrix MC/2023/DRAFT/5\n/deadlines ics\n");
      await runConsole({ desk: app.desk, input, output, as: "India", interactive: false, exportDir: join(dir, "console") });
      const png = join(dir, "console", "MC-2023-DRAFT-5-matrix.png");
      const ics = join(dir, "console", "delegate-desk-deadlines.ics");
      expect(out).toContain(`Saved: ${png}`);
      expect(out).toContain(`Saved: ${ics}`);
      expect(readFileSync(png).subarray(1, 4).toString("latin1")).toBe("PNG");
      expect(readFileSync(ics, "utf8")).toMatch(/^BEGIN:VCALENDAR/);
    } finally {
      await app.close();
    }
  });

  it("GIVEN npm run export -- compilation … --format csv --out FILE THEN the file is written and its path printed; a bad format is a usage error", () => {
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: `file:${join(dir, "cli.db")}`, NOW: "2023-08-23T09:00:00+05:00" };
    const run = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "src/cli/export.ts", ...args], { encoding: "utf8", timeout: 60_000, env });
    const out = join(dir, "c.csv");
    const r = run(["compilation", "MC/2023/DRAFT/4", "--format", "csv", "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(out);
    expect(readFileSync(out, "utf8")).toMatch(/^document,paragraph,state_code,state,type,kind,date,late,text\r\nMC\/2023\/DRAFT\/4,,ISR,Israel,position,reservation,/);
    const bad = run(["matrix", "DRAFT/5", "--format", "docx"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--format must be one of png, csv, md/);
    const observer = run(["matrix", "DRAFT/5", "--format", "md", "--as", "Turkmenistan", "--out", join(dir, "tkm.md")]);
    expect(observer.status).toBe(1);
    expect(observer.stderr).toMatch(/I could not find a document “DRAFT\/5”/);
    expect(existsSync(join(dir, "tkm.md"))).toBe(false);
    // Three real processes (each opens and migrates a database): allowed more than the default 30 s on a loaded machine.
  }, 180_000);
});
