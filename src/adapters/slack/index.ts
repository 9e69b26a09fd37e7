/**
 * The Slack adapter: Bolt over HTTP (POST /slack/events) or Socket Mode. It translates payloads, acks
 * first, and hands the work to the desk; everything Slack-specific about rendering lives in blocks.ts.
 */
import { App, HTTPReceiver, SocketModeReceiver, LogLevel, webApi, type Logger as BoltLogger } from "@slack/bolt";
import type { Desk } from "../../core/desk.ts";
import type { ChatAdapter } from "../../core/adapter.ts";
import type { RetryOptions } from "../../core/retry.ts";
import type { Logger } from "../../log.ts";
import { createHttpServer, type HttpServer } from "../../http/server.ts";
import { registerHealthRoutes } from "../../http/health.ts";
import { translator } from "../../i18n/index.ts";
import { callSlack, postResponse } from "./api.ts";
import type { Inbox } from "../../core/inbox.ts";
import type { FollowUpSender } from "../../core/recover.ts";
import { escapeMrkdwn } from "./escape.ts";
import { registerListeners, SLACK_CAPABILITIES } from "./listeners.ts";
import { SLACK_MESSAGE_LIMITS } from "./limits.ts";
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
  /**
   * HTTP mode: the bot's shared listener (src/http/server.ts) to mount POST /slack/events on; the caller
   * listens. Without it the adapter makes its own and listens on port/host.
   */
  http?: HttpServer;
  /** The durable inbox: every command is recorded here before the ack (a form when it is submitted). */
  inbox?: Inbox;
};

/** What a recorded Slack command keeps to be answered after a restart (core/inbox.ts FollowUp). */
export type SlackFollowUp = { platform: "slack"; responseUrl?: string; userId: string; channelId?: string };

export type SlackPlatform = ChatAdapter & {
  app: App;
  /** HTTP mode: the port actually listened on. */
  port?: number;
  /** Socket Mode: the WebSocket is open. HTTP mode: always (auth.test passed at start). */
  connected: () => boolean;
  /** Answers recorded commands after a restart. */
  followUp: FollowUpSender;
};

const LEVELS: Record<Logger["level"], LogLevel> = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR, silent: LogLevel.ERROR };

/** Bolt's, the WebClient's and the Socket Mode client's logs, all into our logger (JSON, redacted). */
export function boltLogger(log: Logger): BoltLogger {
  const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : typeof m === "string" ? m : JSON.stringify(m))).join(" ");
  let name = "slack";
  return {
    debug: (...m: unknown[]) => log.debug(name, { detail: text(m) }),
    info: (...m: unknown[]) => log.info(name, { detail: text(m) }),
    warn: (...m: unknown[]) => log.warn(name, { detail: text(m) }),
    error: (...m: unknown[]) => log.error(name, { detail: text(m) }),
    // The libraries call setLevel with their own defaults; our LOG_LEVEL decides, so it is ignored.
    setLevel: () => {},
    getLevel: () => LEVELS[log.level],
    setName: (n: string) => { name = `slack ${n}`; },
  };
}

export async function startSlack(o: SlackOptions): Promise<SlackPlatform> {
  const logger = boltLogger(o.log);
  // WebClient's own retries (ten over ~30 minutes, sleeping through 429s) would hide failures; the adapter
  // retries with withRetry instead, a few times and honouring Retry-After, then reports the failure.
  // Every WebClient gets our logger: its own would print plain-text warnings beside the JSON lines.
  const clientOptions = { slackApiUrl: o.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logger, logLevel: LEVELS[o.log.level] };
  const socket = !!o.appToken;
  const socketReceiver = socket
    ? new SocketModeReceiver({ appToken: o.appToken!, logger, logLevel: LEVELS[o.log.level], installerOptions: { clientOptions: { slackApiUrl: o.apiUrl } } })
    : undefined;
  const httpReceiver = socket ? undefined : new HTTPReceiver({ signingSecret: o.signingSecret, endpoints: "/slack/events", logger, logLevel: LEVELS[o.log.level] });
  const receiver = (socketReceiver ?? httpReceiver)!;
  let socketUp = false;
  socketReceiver?.client.on("connected", () => { socketUp = true; });
  for (const down of ["disconnected", "reconnecting", "disconnecting"]) socketReceiver?.client.on(down, () => { socketUp = false; });
  // Checking the token here fails fast with Slack's own reason (invalid_auth …); handing Bolt the ids
  // keeps it from calling auth.test again in the background, where a failure would go unhandled.
  const who = await callSlack(() => new webApi.WebClient(o.botToken, clientOptions).auth.test(), { ...o.retry, attempts: 3 }).catch((e: unknown) => {
    throw new Error(`Slack rejected SLACK_BOT_TOKEN (auth.test: ${(e as Error).message})`);
  });
  const app = new App({ token: o.botToken, botId: who.bot_id, botUserId: who.user_id, receiver, logger, clientOptions });
  app.error(async (e) => o.log.error("slack listener failed", { error: e }));
  // Bolt reads body.user before any listener runs, so an interaction payload without a user (a broken
  // client, a probe) would answer HTTP 500: it is acked here and dropped, with a log line.
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    const b = event.body as { type?: string; user?: unknown } | undefined;
    if (b && typeof b.type === "string" && ["block_actions", "view_submission", "view_closed", "shortcut", "message_action", "block_suggestion"].includes(b.type) && !b.user) {
      o.log.warn("slack payload without a user", { type: b.type });
      await event.ack();
      return;
    }
    return processEvent(event);
  };
  registerListeners(app, { desk: o.desk, log: o.log, retry: o.retry ?? {}, viewAckBudgetMs: o.viewAckBudgetMs ?? 2500, inbox: o.inbox, botToken: o.botToken, apiUrl: o.apiUrl });

  let port: number | undefined;
  // HTTP mode: Bolt's receiver answers on the shared listener (it verifies signatures and acks); Bolt
  // itself never listens, so health probes and other routes share one port with Slack.
  const ownHttp = !socket && !o.http ? createHttpServer(o.log) : undefined;
  if (socket) await app.start();
  else {
    const http = (o.http ?? ownHttp)!;
    http.fallback(httpReceiver!.requestListener);
    if (ownHttp) {
      registerHealthRoutes(ownHttp, () => []);
      port = await ownHttp.listen(o.port, o.host);
    }
    else port = http.port();
  }
  o.log.info("slack started", { mode: socket ? "socket" : "http", port });

  return {
    platform: "slack",
    capabilities: SLACK_CAPABILITIES,
    limits: SLACK_MESSAGE_LIMITS,
    app,
    port,
    async post(channelId, reply) {
      // post() is not told the language; the few words the adapter adds (page n of m) follow the reply's script.
      const t = translator(/[а-яё]/i.test(reply.summary) ? "ru" : "en");
      for (const m of renderPages(reply, { t })) await callSlack(() => app.client.chat.postMessage({ channel: channelId, ...m } as never), o.retry);
    },
    connected: () => (socket ? socketUp : true),
    stop: async () => {
      if (socket) await app.stop();
      else await ownHttp?.close();
    },
    followUp: {
      // response_url works for 30 minutes: a minute is kept in hand.
      windowMs: 29 * 60_000,
      async answer(e, reply) {
        if (e.reply.platform !== "slack") return;
        const to = e.reply as SlackFollowUp;
        const pages = renderPages(reply, { t: translator(reply.lang ?? "en") });
        for (const m of pages) {
          if (to.responseUrl) await postResponse(to.responseUrl, { response_type: "ephemeral", ...m }, o.retry);
          else await callSlack(() => app.client.chat.postMessage({ channel: to.userId, ...m } as never), o.retry);
        }
      },
      async expired(e, text) {
        await callSlack(() => app.client.chat.postMessage({ channel: e.reply.userId, text: escapeMrkdwn(text) } as never), o.retry);
      },
    },
  };
}
