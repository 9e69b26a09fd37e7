/**
 * The Slack adapter: Bolt over HTTP (POST /slack/events) or Socket Mode. It translates payloads, acks
 * first, and hands the work to the desk; everything Slack-specific about rendering lives in blocks.ts.
 */
import { App, HTTPReceiver, SocketModeReceiver, LogLevel, webApi } from "@slack/bolt";
import { translator } from "../../i18n/index.js";
import { callSlack } from "./api.js";
import { registerListeners } from "./listeners.js";
import { renderPages } from "./blocks.js";
function boltLogger(log) {
    let level = LogLevel.WARN;
    const text = (msg) => msg.map((m) => (m instanceof Error ? m.message : typeof m === "string" ? m : JSON.stringify(m))).join(" ");
    return {
        debug: () => { },
        info: () => { },
        warn: (...m) => log.warn("slack", { detail: text(m) }),
        error: (...m) => log.error("slack", { detail: text(m) }),
        setLevel: (l) => { level = l; },
        getLevel: () => level,
        setName: () => { },
    };
}
export async function startSlack(o) {
    const logger = boltLogger(o.log);
    // WebClient's own retries (ten over ~30 minutes, sleeping through 429s) would hide failures; the adapter
    // retries with withRetry instead, a few times and honouring Retry-After, then reports the failure.
    const clientOptions = { slackApiUrl: o.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true };
    const socket = !!o.appToken;
    const receiver = socket
        ? new SocketModeReceiver({ appToken: o.appToken, logger, installerOptions: { clientOptions: { slackApiUrl: o.apiUrl } } })
        : new HTTPReceiver({
            signingSecret: o.signingSecret,
            endpoints: "/slack/events",
            logger,
            customRoutes: [{ path: "/healthz", method: "GET", handler: (_req, res) => { res.writeHead(200, { "Content-Type": "text/plain" }); res.end("ok"); } }],
        });
    // Checking the token here fails fast with Slack's own reason (invalid_auth …); handing Bolt the ids
    // keeps it from calling auth.test again in the background, where a failure would go unhandled.
    const who = await callSlack(() => new webApi.WebClient(o.botToken, clientOptions).auth.test(), { ...o.retry, attempts: 3 }).catch((e) => {
        throw new Error(`Slack rejected SLACK_BOT_TOKEN (auth.test: ${e.message})`);
    });
    const app = new App({ token: o.botToken, botId: who.bot_id, botUserId: who.user_id, receiver, logger, clientOptions });
    app.error(async (e) => o.log.error("slack listener failed", { error: e }));
    registerListeners(app, { desk: o.desk, log: o.log, retry: o.retry ?? {}, viewAckBudgetMs: o.viewAckBudgetMs ?? 2500 });
    let port;
    if (socket)
        await app.start();
    else {
        const server = (await app.start({ port: o.port, host: o.host }));
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
            for (const m of renderPages(reply, { t }))
                await callSlack(() => app.client.chat.postMessage({ channel: channelId, ...m }), o.retry);
        },
        stop: () => app.stop(),
    };
}
//# sourceMappingURL=index.js.map