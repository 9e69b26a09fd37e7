import { afterEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { testApp, SEED_NOW, type TestApp } from "../helpers/app.ts";

/** Runs the bot (src/main.ts) in console mode with piped commands, as an operator would. */
function runBot(env: Record<string, string>, input: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "--as", "secretariat"], { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => { out += d.toString(); });
    child.stderr.on("data", (d: Buffer) => { err += d.toString(); });
    child.on("close", (code) => resolve({ code, out, err }));
    child.stdin.end(input);
  });
}

describe("the digest service in the running bot", () => {
  let app: TestApp;
  afterEach(async () => app?.close());

  it("GIVEN DIGEST_DESTINATIONS=console:ops WHEN the bot starts after the send time and silence is broken THEN the missed digest and the alert are printed once, and /digest status shows the delivery", async () => {
    app = await testApp({ now: SEED_NOW });
    const env = { NOW: SEED_NOW, DATABASE_URL: app.url, DIGEST_DESTINATIONS: "console:ops:en", LOG_LEVEL: "silent", CONSOLE: "1", SLACK_BOT_TOKEN: "", DISCORD_TOKEN: "" };
    const first = await runBot(env, [
      "/silence start MC/2023/DRAFT/5 2023-09-05",
      "/as India",
      "/object MC/2023/DRAFT/5 We cannot agree",
    ].join("\n") + "\n");
    expect(first.err).toBe("");
    expect(first.code).toBe(0);
    expect(first.out.match(/\[→ console:ops\]\nDaily digest for the Chair, 23 August 2023/g)).toHaveLength(1);
    expect(first.out).toMatch(/\[→ console:ops\]\n⚠ Silence broken: .*India objected\./);
    // A restart the same day sends nothing again.
    const second = await runBot(env, "/digest status\n");
    expect(second.out).not.toContain("[→ console:ops]");
    expect(second.out).toContain("console:ops · English · configuration");
    expect(second.out).toMatch(/2023-08-23 → console:ops: sent .*\(1 attempt\(s\)\)/);
    expect(second.out).toMatch(/alert\/silence_broken\/\S+ → console:ops: sent/);
  });
});
