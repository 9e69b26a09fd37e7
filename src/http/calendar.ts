/**
 * GET /calendar/<token>.ics — a subscriber's deadlines feed. A route handler, not a server: whichever
 * HTTP server the process runs (Slack's receiver, the shared server) offers each request to it.
 * Unknown and revoked tokens get the same 404, so a guess learns nothing.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpServer } from "./server.ts";
import { calendarFeed, type FeedDeps } from "../services/calendar.ts";

export const CALENDAR_PATH = /^\/calendar\/([A-Za-z0-9_-]+)\.ics$/;

export function calendarRoute(deps: FeedDeps & { onError?: (e: unknown) => void }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const m = CALENDAR_PATH.exec(new URL(req.url ?? "/", "http://x").pathname);
    if (!m) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain" }).end("method not allowed");
      return true;
    }
    try {
      const ics = await calendarFeed(deps, m[1]!);
      if (ics === undefined) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        return true;
      }
      res.writeHead(200, { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="deadlines.ics"', "Cache-Control": "private, max-age=300" });
      res.end(req.method === "HEAD" ? undefined : ics);
    } catch (e) {
      deps.onError?.(e);
      res.writeHead(503, { "Content-Type": "text/plain", "Retry-After": "60" }).end("temporarily unavailable");
    }
    return true;
  };
}

/** Mounts the feed on the bot's HTTP listener (GET, and HEAD with it): the one place the route is registered. */
export function registerCalendarRoute(http: HttpServer, deps: FeedDeps & { onError?: (e: unknown) => void }): void {
  const calendar = calendarRoute(deps);
  http.route("GET", "/calendar/:file", async (req, res) => {
    if (!(await calendar(req, res))) res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
  });
}
