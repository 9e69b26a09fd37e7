/**
 * GET /healthz: the process is up and serving HTTP (liveness: restart it when this fails).
 * GET /readyz: the database answers and every platform connection is up (readiness: send traffic, or
 * count the replica as healthy, only when this is 200). Both answer JSON; /readyz says what is down.
 */
import type { HttpServer } from "./server.ts";
import { sendJson } from "./server.ts";

export type ReadinessCheck = { name: string; check: () => Promise<boolean> | boolean };

/** A check that takes longer than this counts as down: a probe must not hang on a stuck database. */
const CHECK_TIMEOUT_MS = 2_000;

async function run(c: ReadinessCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((res) => (timer = setTimeout(() => res(false), CHECK_TIMEOUT_MS)));
  try {
    return await Promise.race([Promise.resolve().then(() => c.check()), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function registerHealthRoutes(http: HttpServer, checks: () => ReadinessCheck[]): void {
  http.route("GET", "/healthz", (_req, res) => sendJson(res, 200, { status: "ok" }));
  http.route("GET", "/readyz", async (_req, res) => {
    const list = checks();
    const results = await Promise.all(list.map(run));
    const detail = Object.fromEntries(list.map((c, i) => [c.name, results[i] ? "up" : "down"]));
    const ok = results.every(Boolean);
    sendJson(res, ok ? 200 : 503, { status: ok ? "ready" : "not ready", checks: detail });
  });
}
