import { afterEach, describe, expect, it } from "vitest";
import { freshDatabase } from "../helpers/app.ts";
import { startFakeSlack } from "../fakes/slack-api.ts";
import { startFakeDiscord } from "../fakes/discord.ts";
import { sendSigned } from "../fakes/slack-client.ts";
import { startService, until, type Service } from "./spawn.ts";
import { createHttpServer } from "../../src/http/server.ts";
import { registerHealthRoutes } from "../../src/http/health.ts";
import { silentLogger } from "../../src/log.ts";

/** /healthz (the process is up) and /readyz (database and platform connections) in every mode that runs. */
describe("health and readiness probes", { timeout: 90_000 }, () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });
  const database = async () => {
    const fresh = await freshDatabase();
    cleanup.push(fresh.close);
    return /^postgres/.test(fresh.file) ? fresh.file : `file:${fresh.file}`;
  };
  const service = async (env: Record<string, string>) => {
    const s = await startService(env);
    cleanup.push(s.stop);
    return s;
  };
  const url = (s: Service, path: string) => `http://127.0.0.1:${s.port}${path}`;

  it("GIVEN the console with PORT set THEN /healthz and /readyz answer, the database is up", async () => {
    const s = await service({ DATABASE_URL: await database(), CONSOLE: "1" });
    expect((await until(url(s, "/healthz"), (st) => st === 200)).body).toEqual({ status: "ok" });
    expect((await until(url(s, "/readyz"), (st) => st === 200)).body).toEqual({ status: "ready", checks: { database: "up" } });
    expect((await fetch(url(s, "/nothing"))).status).toBe(404);
  });

  it("GIVEN Slack HTTP mode THEN Slack's events endpoint and the probes share one port, and /readyz lists Slack", async () => {
    const fake = await startFakeSlack();
    cleanup.push(fake.close);
    const s = await service({ DATABASE_URL: await database(), SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: "shh", SLACK_API_URL: fake.apiUrl });
    const ready = await until(url(s, "/readyz"), (st) => st === 200);
    expect(ready.body.checks).toEqual({ database: "up", slack: "up" });
    const challenge = await sendSigned(url(s, "/slack/events"), "shh", JSON.stringify({ token: "legacy", challenge: "c-42", type: "url_verification" }), "application/json");
    expect(challenge.status).toBe(200);
    expect(challenge.body).toContain("c-42");
  });

  it("GIVEN Socket Mode THEN /readyz turns 200 once the WebSocket is connected", async () => {
    const fake = await startFakeSlack();
    cleanup.push(fake.close);
    const s = await service({ DATABASE_URL: await database(), SLACK_BOT_TOKEN: "xoxb-test", SLACK_APP_TOKEN: "xapp-test", SLACK_API_URL: fake.apiUrl });
    const ready = await until(url(s, "/readyz"), (st) => st === 200);
    expect(ready.body.checks).toEqual({ database: "up", slack: "up" });
    expect(fake.callsOf("apps.connections.open").length).toBeGreaterThan(0);
  });

  it("GIVEN Discord THEN /readyz turns 200 once the gateway session is ready", async () => {
    const fake = await startFakeDiscord();
    cleanup.push(fake.close);
    const s = await service({ DATABASE_URL: await database(), DISCORD_TOKEN: "fake-bot-token", DISCORD_APPLICATION_ID: fake.appId, DISCORD_API_URL: fake.api });
    const ready = await until(url(s, "/readyz"), (st) => st === 200);
    expect(ready.body.checks).toEqual({ database: "up", discord: "up" });
    expect(fake.gatewaySessions()).toBe(1);
  });

  it("GIVEN a check that fails, throws or hangs THEN /readyz is 503 and says which; /healthz stays 200", async () => {
    const http = createHttpServer(silentLogger);
    let db: () => Promise<boolean> = async () => true;
    registerHealthRoutes(http, () => [
      { name: "database", check: () => db() },
      { name: "discord", check: () => false },
    ]);
    const port = await http.listen(0, "127.0.0.1");
    cleanup.push(http.close);
    const get = async (p: string): Promise<{ status: number; body: any }> => { const r = await fetch(`http://127.0.0.1:${port}${p}`); return { status: r.status, body: await r.json() }; };
    expect(await get("/readyz")).toEqual({ status: 503, body: { status: "not ready", checks: { database: "up", discord: "down" } } });
    db = async () => { throw new Error("connection refused"); };
    expect((await get("/readyz")).body.checks.database).toBe("down");
    db = () => new Promise<boolean>(() => {}); // a database that never answers
    expect((await get("/readyz")).body.checks.database).toBe("down");
    expect(await get("/healthz")).toEqual({ status: 200, body: { status: "ok" } });
  });

  it("GIVEN a route with a parameter (as a calendar feed would register) THEN it receives the captured value", async () => {
    const http = createHttpServer(silentLogger);
    http.route("GET", "/calendar/:token.ics", (_req, res, params) => { res.writeHead(200, { "Content-Type": "text/calendar" }); res.end(`token=${params.token}`); });
    const port = await http.listen(0, "127.0.0.1");
    cleanup.push(http.close);
    const r = await fetch(`http://127.0.0.1:${port}/calendar/abc-123.ics`);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe("token=abc-123");
    expect((await fetch(`http://127.0.0.1:${port}/calendar/abc-123.txt`)).status).toBe(404);
    expect(() => http.route("GET", "/calendar/:token.ics", () => {})).toThrow(/registered twice/);
  });
});
