import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { envSchema } from "../../src/config.ts";

/**
 * No Docker engine runs on the development machines, so the image is never built here. These checks keep
 * the Dockerfile and compose.yaml in step with the project: the install and start are package.json's,
 * what they copy exists (or is made by the build), and every variable they set is one the bot reads.
 */
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const dockerfile = readFileSync("Dockerfile", "utf8").replace(/\\\n/g, " ");
const instructions = dockerfile.split("\n").filter((l) => l.trim() && !l.trim().startsWith("#"));
const compose = parse(readFileSync("compose.yaml", "utf8"));
const buildOut = JSON.parse(readFileSync("tsconfig.build.json", "utf8")).compilerOptions.outDir as string;

describe("Dockerfile", () => {
  it("GIVEN the build stage THEN it installs with npm ci from the lock file, which runs the build", () => {
    const run = instructions.filter((l) => l.startsWith("RUN")).join("\n");
    expect(run).toMatch(/npm ci\b/);
    expect(run).toMatch(/npm prune --omit=dev/);
    expect(pkg.scripts.postinstall).toMatch(/npm run build/);
    expect(instructions.filter((l) => l.startsWith("FROM")).length).toBeGreaterThanOrEqual(2);
    // The base image's Node satisfies package.json's engines (>=20.19; the node:20 tags are 20.19+).
    for (const from of instructions.filter((l) => l.startsWith("FROM"))) expect(from).toMatch(/^FROM node:20-/);
    expect(pkg.engines.node).toBe(">=20.19");
  });

  it("GIVEN every COPY THEN its source exists in the project or is made by the install (dist/)", () => {
    const copies = instructions.filter((l) => l.startsWith("COPY"));
    expect(copies.length).toBeGreaterThan(0);
    for (const c of copies) {
      const parts = c.split(/\s+/).slice(1).filter((p) => !p.startsWith("--"));
      for (const src of parts.slice(0, -1)) {
        const path = src.replace(/^\/app\/?/, "") || ".";
        if (path === "dist" || path === "node_modules") continue; // made by npm ci in the build stage
        expect(existsSync(path), `${c}: ${path}`).toBe(true);
      }
    }
    expect(dockerfile).toMatch(new RegExp(`COPY --from=build \\S+ /app/${buildOut} \\./${buildOut}`));
    // What the running bot reads from disk: the migrations and the default data set.
    expect(dockerfile).toMatch(/\/app\/prisma \.\/prisma/);
    expect(dockerfile).toMatch(/\/app\/data \.\/data/);
    expect(existsSync("prisma/postgresql/migrations")).toBe(true);
    expect(existsSync(envSchema.shape.DATA_FILE.parse(undefined) as string)).toBe(true);
  });

  it("GIVEN the runtime stage THEN it runs as a non-root user, starts package.json's start command and probes /healthz", () => {
    const user = instructions.filter((l) => l.startsWith("USER")).pop();
    expect(user).toMatch(/^USER (?!root\b|0\b)\S+/);
    const cmd = JSON.parse(instructions.find((l) => l.startsWith("CMD"))!.slice(4)) as string[];
    expect(cmd.join(" ")).toBe(pkg.scripts.start);
    const entry = pkg.scripts.start.split(" ").slice(1).find((w: string) => !w.startsWith("--"))!;
    expect(entry).toMatch(new RegExp(`^${buildOut}/`));
    expect(existsSync(entry.replace(`${buildOut}/`, "").replace(/\.js$/, ".ts"))).toBe(true);
    expect(dockerfile).toMatch(/HEALTHCHECK .*\/healthz/);
    expect(readFileSync("src/http/health.ts", "utf8")).toMatch(/http\.route\("GET", "\/healthz"/);
    for (const v of dockerfile.match(/^ENV (.*)$/m)![1]!.split(/\s+/).map((kv) => kv.split("=")[0]!)) {
      if (v !== "NODE_ENV") expect(Object.keys(envSchema.shape)).toContain(v);
    }
  });

  it("GIVEN .dockerignore THEN the host's node_modules, build and databases stay out of the image", () => {
    const ignored = readFileSync(".dockerignore", "utf8").split("\n");
    for (const p of ["node_modules", "dist", ".env", "data/*.db"]) expect(ignored).toContain(p);
  });
});

describe("compose.yaml", () => {
  it("GIVEN the services THEN PostgreSQL 15 with a health check, and two bot replicas that wait for it", () => {
    expect(compose.services.db.image).toBe("postgres:15");
    expect(compose.services.db.healthcheck.test.join(" ")).toMatch(/pg_isready/);
    const bot = compose.services.bot;
    expect(bot.build).toBe(".");
    expect(bot.deploy.replicas).toBe(2);
    expect(bot.depends_on.db.condition).toBe("service_healthy");
  });

  it("GIVEN the bot's environment THEN every variable is one the bot reads, and the database is the compose PostgreSQL", () => {
    const env = compose.services.bot.environment as Record<string, string>;
    for (const k of Object.keys(env)) expect(Object.keys(envSchema.shape)).toContain(k);
    const db = compose.services.db.environment;
    expect(env.DATABASE_URL).toMatch(new RegExp(`^postgresql://${db.POSTGRES_USER}:\\$\\{POSTGRES_PASSWORD[^}]*\\}@db:5432/${db.POSTGRES_DB}$`));
    // Two replicas, one port each on the host, for the TLS proxy in front.
    expect(compose.services.bot.ports).toEqual(["127.0.0.1:3000-3001:3000"]);
    expect(env.PORT).toBe("3000");
  });
});
