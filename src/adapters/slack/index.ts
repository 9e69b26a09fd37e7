/**
 * The Slack adapter: Bolt over HTTP (POST /slack/events) or Socket Mode. It translates payloads, acks
 * first, and hands the work to the desk; everything Slack-specific about rendering lives in blocks.ts.
 */
import { App, HTTPReceiver, SocketModeReceiver, LogLevel, webApi, type Logger as BoltLogger } from "@slack/bolt";
import type { AddressInfo } from "node:net";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Desk } from "../../core/desk.ts";
import type { ChatPlatform } from "../../core/platform.ts";
import type { RetryOptions } from "../../core/retry.ts";
import type { Logger } from "../../log.ts";
import { translator } from "../../i18n/index.ts";
import { callSlack } from "./api.ts";
import { registerListeners } from "./listeners.ts";
import { renderPages } from "./blocks.ts";

export type SlackOptions = {
  desk: Desk;
  log: Logger;
  botToken: string;
  signingSecret: string;
  /** Set: Socket Mode (no public URL needed). Unset: HTTP mode on PORT/HOST. */
  appToken?: string;
  /** Web API base URL, e.g. a proxy or a local fake in tests. */
  apiUrl?: string;
  port: number;
  host: string;
  /** Backoff for Web API calls and response_url posts; tests pass a recording `sleep`. */
  retry?: RetryOptions;
  /** How long a modal submission may take before it is acked and answered afterwards (Slack allows 3 s). */
  viewAckBudgetMs?: number;
  /** HTTP mode: GET /calendar/<token>.ics is served on the same port (src/http/calendar.ts). */
  calendarRoute?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
};

export type SlackPlatform = ChatPlatform & { app: App; /** HTTP mode: the port actually listened on. */ port?: number };

function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.WARN;
  const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : typeof m === "string" ? m : JSON.stringify(m))).join(" ");
  return {
    debug: () => {},
    info: () => {},
    warn: (...m: unknown[]) => log.warn("slack", { detail: text(m) }),
    error: (...m: unknown[]) => log.error("slack", { detail: text(m) }),
    setLevel: (l: LogLevel) => { level = l; },
    getLevel: () => level,
    setName: () => {},
  };
}

const routeOr404 = async (route: NonNullable<SlackOptions["calendarRoute"]>, req: IncomingMessage, res: ServerResponse) => {
  if (!(await route(req, res))) res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
};

export async function startSlack(o: SlackOptions): Promise<SlackPlatform> {
  const logger = boltLogger(o.log);
  // WebClient's own retries (ten over ~30 minutes, sleeping through 429s) would hide failures; the adapter
  // retries with withRetry instead, a few times and honouring Retry-After, then reports the failure.
  const clientOptions = { slackApiUrl: o.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true };
  const socket = !!o.appToken;
  const receiver = socket
    ? new SocketModeReceiver({ appToken: o.appToken!, logger, installerOptions: { clientOptions: { slackApiUrl: o.apiUrl } } })
    : new HTTPReceiver({
        signingSecret: o.signingSecret,
        endpoints: "/slack/events",
        logger,
        customRoutes: [
          { path: "/healthz", method: "GET", handler: (_req, res) => { res.writeHead(200, { "Content-Type": "text/plain" }); res.end("ok"); } },
          ...(o.calendarRoute ? [{ path: "/calendar/:file", method: ["GET", "HEAD"], handler: (req: IncomingMessage, res: ServerResponse) => { void routeOr404(o.calendarRoute!, req, res); } }] : []),
        ],
      });
  // Checking the token here fails fast with Slack's own reason (invalid_auth …); handing Bolt the ids
  // keeps it from calling auth.test again in the background, where a failure would go unhandled.
  const who = await callSlack(() => new webApi.WebClient(o.botToken, clientOptions).auth.test(), { ...o.retry, attempts: 3 }).catch((e: unknown) => {
    throw new Error(`Slack rejected SLACK_BOT_TOKEN (auth.test: ${(e as Error).message})`);
  });
  const app = new App({ token: o.botToken, botId: who.bot_id, botUserId: who.user_id, receiver, logger, clientOptions });
  app.error(async (e) => o.log.error("slack listener failed", { error: e }));
  registerListeners(app, { desk: o.desk, log: o.log, retry: o.retry ?? {}, viewAckBudgetMs: o.viewAckBudgetMs ?? 2500 });

  let port: number | undefined;
  if (socket) await app.start();
  else {
    const server = (await app.start({ port: o.port, host: o.host })) as { address: () => AddressInfo | string | null };
    const addr = server.address();
    port = typeof addr === "object" && addr ? addr.port : o.port;
  }
  o.log.info("slack started", { mode: socket ? "socket" : "http", port });

  return {
    platform: "slack",
    app,
    port,
    async post(channelId, reply) {
      // post() is not told the language; the few words the adapter adds (page n of m) follow the reply's script.
      const t = translator(/[а-яё]/i.test(reply.summary) ? "ru" : "en");
      for (const m of renderPages(reply, { t })) await callSlack(() => app.client.chat.postMessage({ channel: channelId, ...m } as never), o.retry);
    },
    stop: () => app.stop() as Promise<void>,
  };
}
