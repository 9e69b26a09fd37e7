import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { runBot } from "./spawn.ts";

/**
 * Each refusal is the real process started as an operator would: it must stop with EX_CONFIG (78) and
 * exactly one line on stderr that names the variable and says what to set, before touching anything.
 */
describe("start-up refuses a configuration that cannot work", { timeout: 90_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "dd-refuse-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const db = `file:${join(dir, "ok.db")}`;

  const cases: { given: string; env: Record<string, string>; says: RegExp }[] = [
    { given: "a Slack bot token without a signing secret", env: { SLACK_BOT_TOKEN: "xoxb-1-2-abc" }, says: /SLACK_SIGNING_SECRET is not set but SLACK_BOT_TOKEN is.*set SLACK_SIGNING_SECRET to the Signing Secret.*or set SLACK_APP_TOKEN for Socket Mode/ },
    { given: "Socket Mode without an app token", env: { SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_MODE: "socket" }, says: /SLACK_APP_TOKEN is not set but SLACK_MODE=socket: set SLACK_APP_TOKEN to an app-level token \(xapp-/ },
    { given: "an app token and a signing secret without a bot token", env: { SLACK_APP_TOKEN: "xapp-1-abc", SLACK_SIGNING_SECRET: "s" }, says: /SLACK_BOT_TOKEN is not set but SLACK_SIGNING_SECRET, SLACK_APP_TOKEN are: set SLACK_BOT_TOKEN to the Bot User OAuth Token/ },
    { given: "a user token where the bot token belongs", env: { SLACK_BOT_TOKEN: "xoxp-1-2-abc", SLACK_SIGNING_SECRET: "s" }, says: /SLACK_BOT_TOKEN must be the Bot User OAuth Token \(xoxb-…\)/ },
    { given: "DISCORD_TOKEN without an application id", env: { DISCORD_TOKEN: "abc.def.ghi" }, says: /DISCORD_APPLICATION_ID is not set but DISCORD_TOKEN is: set DISCORD_APPLICATION_ID to the Application ID/ },
    { given: "a Discord application id without a token", env: { DISCORD_APPLICATION_ID: "1100000000000000001" }, says: /DISCORD_TOKEN is not set but DISCORD_APPLICATION_ID is: set DISCORD_TOKEN to the bot token/ },
    { given: "DATABASE_URL=garbage", env: { DATABASE_URL: "garbage" }, says: /DATABASE_URL must start with file: .* or postgresql:\/\// },
    { given: "a mysql:// DATABASE_URL", env: { DATABASE_URL: "mysql://u:p@127.0.0.1/db" }, says: /DATABASE_URL must start with file: .* or postgresql:\/\// },
    { given: "a file: URL whose directory does not exist", env: { DATABASE_URL: `file:${join(dir, "no", "such", "dir", "x.db")}` }, says: /DATABASE_URL file:.*: the directory .*no\/such\/dir does not exist; create it, or set DATABASE_URL=file:/ },
    // /proc takes no new files, even for root (the suite runs as root in CI, where permission bits do not stop it).
    { given: "a database directory that cannot be written", env: { DATABASE_URL: "file:/proc/delegate-desk.db" }, says: /DATABASE_URL file:\/proc\/delegate-desk\.db: the directory \/proc cannot be written .*give this user write access/ },
    { given: "a bad PORT", env: { PORT: "http", DATABASE_URL: db }, says: /PORT must be a port number/ },
    { given: "an INBOX_SYNC that is neither write nor fdatasync", env: { INBOX_SYNC: "always", DATABASE_URL: db }, says: /INBOX_SYNC must be write or fdatasync/ },
  ];

  for (const c of cases) {
    it(`GIVEN ${c.given} THEN it exits 78 with one line saying what to set`, async () => {
      const r = await runBot({ DATABASE_URL: db, ...c.env });
      expect(r.status).toBe(78);
      const lines = r.stderr.split("\n").filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Configuration error: /);
      expect(lines[0]).toMatch(c.says);
      expect(r.stdout).toBe("");
      // Refused before the database was opened: nothing was created.
      expect(existsSync(join(dir, "ok.db"))).toBe(false);
    });
  }

  it("GIVEN DATABASE_URL=garbage THEN no SQLite file of that name appears", async () => {
    const cwd = mkdtempSync(join(dir, "cwd-"));
    const r = await runBot({ DATABASE_URL: "garbage" }, { cwd });
    expect(r.status).toBe(78);
    expect(existsSync(join(cwd, "garbage"))).toBe(false);
  });

  it("GIVEN a .env file in the working directory THEN it is read, and the environment wins over it", async () => {
    const cwd = mkdtempSync(join(dir, "env-"));
    writeFileSync(join(cwd, ".env"), `DATABASE_URL=${db}\nDISCORD_TOKEN=from-dot-env\n`);
    const fromFile = await runBot({}, { cwd });
    expect(fromFile.status).toBe(78);
    expect(fromFile.stderr).toMatch(/^Configuration error: DISCORD_APPLICATION_ID is not set but DISCORD_TOKEN is/);
    // Set in the environment, DATABASE_URL=garbage overrides the file's good value.
    const env = await runBot({ DATABASE_URL: "garbage", DISCORD_TOKEN: "" }, { cwd });
    expect(env.status).toBe(78);
    expect(env.stderr).toMatch(/DATABASE_URL must start with file:/);
  });

  it("GIVEN a DATABASE_URL file that is not a database THEN the bot stops with exit 1 and says why", async () => {
    const f = join(dir, "not-a-db.db");
    writeFileSync(f, Buffer.alloc(4096, 0x5a));
    const r = await runBot({ DATABASE_URL: `file:${f}` });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/file is not a database/);
  });
});
