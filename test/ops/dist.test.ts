import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * `npm start` runs the compiled JavaScript. The build is made here from the current source (into a
 * directory of its own inside the project, so node_modules and prisma/ resolve as from dist/) and started
 * the way package.json's start script starts it: one node process, no tsx.
 */
describe("the compiled build (npm run build, npm start)", () => {
  const pkg = JSON.parse(readFileSync("package.json", "utf8"));
  const out = join("test", ".tmp", `dist-${process.pid}-${Date.now()}`);
  const data = mkdtempSync(join(tmpdir(), "dd-dist-"));
  // Asynchronously: a blocking compile would starve the test worker's connection to vitest.
  beforeAll(async () => {
    await promisify(execFile)(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json", "--outDir", out, "--sourceMap", "false"]);
    await promisify(execFile)(process.execPath, ["scripts/copy-assets.mjs", out]);
  }, 300_000);
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  });

  it("GIVEN package.json THEN start runs node on the build, dev keeps tsx, and the install builds", () => {
    // node, its flags (a small young generation, issue 15), the compiled entry: no tsx at run time.
    expect(pkg.scripts.start).toMatch(/^node (--[\w-]+(=\S+)? )*dist\/src\/main\.js$/);
    expect(pkg.scripts.dev).toMatch(/^tsx src\/main\.ts$/);
    expect(pkg.scripts.build).toMatch(/tsc -p tsconfig\.build\.json && node scripts\/copy-assets\.mjs$/);
    expect(pkg.scripts.postinstall).toMatch(/npm run build$/);
  });

  it("GIVEN a fresh SQLite file and piped commands THEN the built bot migrates, loads the CICA data set and answers", async () => {
    const words: string[] = pkg.scripts.start.split(" ").slice(1);
    const flags = words.filter((w) => w.startsWith("--"));
    const main = words.find((w) => !w.startsWith("--"))!.replace(/^dist\//, `${out}/`);
    expect(existsSync(main)).toBe(true);
    // Asynchronously, like the build: a blocking child would starve the worker's connection to vitest.
    const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [...flags, main, "--as", "India"], {
        env: { PATH: process.env.PATH ?? "", DATABASE_URL: `file:${join(data, "dist.db")}`, NOW: "2023-08-23T09:00:00+05:00" },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("exit", (status) => resolve({ status, stdout, stderr }));
      child.stdin.end("/coordinators ICT\n/comment DRAFT/4 para 1.10 From the build\n");
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/> \/coordinators ICT\nCoordination of Security of and in the use of ICTs/);
    expect(r.stdout).toMatch(/Comment #1 filed for India/);
  }, 120_000); // a deadline for a first start on a loaded machine, not a speed assertion

  it("GIVEN the build THEN the SQLite worker sits beside the compiled adapter that starts it (the image has no src/)", () => {
    expect(existsSync(join(out, "src", "db", "sqlite-remote.js"))).toBe(true);
    expect(existsSync(join(out, "src", "db", "sqlite-worker.cjs"))).toBe(true);
  });

  it("GIVEN the build THEN nothing in it still imports a .ts file", () => {
    const js = readFileSync(join(out, "src", "db", "client.js"), "utf8") + readFileSync(join(out, "src", "core", "desk.js"), "utf8");
    expect(js).not.toMatch(/from ["'][^"']+\.ts["']/);
    expect(js).toMatch(/from ["']\.\/generated\/sqlite\/client\.js["']/);
  });

  it("GIVEN the operator's scripts THEN each runs the build with node, so the pruned image (no dev tools) can run them", async () => {
    for (const name of ["slack:manifest", "discord:register", "import", "digest", "export", "db:backup"]) {
      const [bin, file] = (pkg.scripts[name] as string).split(" ");
      expect(bin, name).toBe("node");
      expect(file, name).toMatch(/^dist\//);
      expect(existsSync(file!.replace(/^dist\//, `${out}/`)), `${name}: ${file} is built`).toBe(true);
    }
    const manifest = pkg.scripts["slack:manifest"].split(" ")[1].replace(/^dist\//, `${out}/`);
    const r = await promisify(execFile)(process.execPath, [manifest, "--socket"], { env: { PATH: process.env.PATH ?? "" } });
    expect(JSON.parse(r.stdout).settings.socket_mode_enabled).toBe(true);
    const register = pkg.scripts["discord:register"].split(" ")[1].replace(/^dist\//, `${out}/`);
    const d = await promisify(execFile)(process.execPath, [register, "--dry-run"], { env: { PATH: process.env.PATH ?? "" } });
    expect((JSON.parse(d.stdout) as { name: string }[]).map((c) => c.name)).toContain("circulate");
  }, 60_000);
});
