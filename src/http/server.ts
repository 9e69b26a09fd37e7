/**
 * The bot's one HTTP listener: health probes, Slack's events endpoint in HTTP mode, and whatever else
 * registers a route (e.g. a calendar feed). Routes are matched by method and path; a path with `:name`
 * segments captures them (`/calendar/:token.ics` → params.token). Unmatched requests go to the fallback
 * (Bolt's request listener in Slack HTTP mode), else 404.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../log.ts";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, params: Record<string, string>) => void | Promise<void>;

export type HttpServer = {
  /** Adds a route; registering the same method and path twice is a programming error. */
  route: (method: "GET" | "POST" | "HEAD", path: string, handler: RouteHandler) => void;
  /** Where unmatched requests go (Slack HTTP mode: Bolt's receiver, which answers its own paths). */
  fallback: (listener: RequestListener) => void;
  /** Starts listening; resolves with the port actually bound (PORT=0 picks a free one). */
  listen: (port: number, host: string) => Promise<number>;
  /** The bound port, once listening. */
  port: () => number | undefined;
  close: () => Promise<void>;
  /** The Node server, for tests and for handing to libraries that want one. */
  server: Server;
};

type Route = { method: string; pattern: RegExp; names: string[]; handler: RouteHandler };

function compile(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const body = path
    .split("/")
    .map((seg) =>
      seg.replace(/:([A-Za-z_]\w*)|([^:]+)/g, (_m, name: string | undefined, lit: string | undefined) => {
        if (name) {
          names.push(name);
          return "([^/]+?)";
        }
        return lit!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      }),
    )
    .join("/");
  return { pattern: new RegExp(`^${body}$`), names };
}

export function createHttpServer(log: Logger): HttpServer {
  const routes: Route[] = [];
  let fallback: RequestListener | undefined;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const method = req.method === "HEAD" ? "GET" : req.method;
    for (const r of routes) {
      if (r.method !== method) continue;
      const m = r.pattern.exec(url.pathname);
      if (!m) continue;
      const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      Promise.resolve(r.handler(req, res, params)).catch((e: unknown) => {
        log.error("http route failed", { path: url.pathname, error: e });
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
        res.end("internal error\n");
      });
      return;
    }
    if (fallback) return fallback(req, res);
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("not found\n");
  });
  // Slow-loris guard; Slack and probes send small requests quickly.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  let bound: number | undefined;
  return {
    server,
    route(method, path, handler) {
      const m = method === "HEAD" ? "GET" : method;
      if (routes.some((r) => r.method === m && r.pattern.source === compile(path).pattern.source)) throw new Error(`route ${method} ${path} registered twice`);
      routes.push({ method: m, ...compile(path), handler });
    },
    fallback(listener) {
      fallback = listener;
    },
    listen(port, host) {
      return new Promise((res, rej) => {
        server.once("error", rej);
        server.listen(port, host, () => {
          server.off("error", rej);
          bound = (server.address() as AddressInfo).port;
          log.info("http listening", { host, port: bound });
          res(bound);
        });
      });
    },
    port: () => bound,
    close: () =>
      new Promise<void>((res) => {
        if (!server.listening) return res();
        server.close(() => res());
        server.closeAllConnections();
      }),
  };
}

/** Sends a small JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}
