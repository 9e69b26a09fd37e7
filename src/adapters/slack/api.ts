/**
 * Talking back to Slack: Web API failures and response_url posts become DeliveryErrors, so the shared
 * withRetry decides when to try again (Retry-After, backoff) and permanent failures surface at once.
 */
import http from "node:http";
import https from "node:https";
import { DeliveryError, withRetry, type RetryOptions } from "../../core/retry.ts";

/** Web API error codes that retrying cannot fix. */
const PERMANENT = new Set([
  "not_in_channel", "channel_not_found", "is_archived", "invalid_auth", "not_authed", "account_inactive", "token_revoked",
  "missing_scope", "no_permission", "restricted_action", "user_not_found", "user_not_in_channel", "msg_too_long",
  "invalid_blocks", "invalid_blocks_format", "invalid_arguments", "expired_trigger_id", "invalid_trigger_id", "exchanged_trigger_id",
  "view_too_large", "invalid_metadata", "cannot_dm_bot",
]);

type SlackishError = { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string }; message?: string };

/** Classifies an error thrown by @slack/web-api's WebClient (whose own retries are switched off). */
export function toDeliveryError(e: unknown): DeliveryError {
  if (e instanceof DeliveryError) return e;
  const x = (e ?? {}) as SlackishError;
  switch (x.code) {
    case "slack_webapi_rate_limited_error":
      return new DeliveryError("ratelimited", (x.retryAfter ?? 1) * 1000);
    case "slack_webapi_http_error":
      return new DeliveryError(`http_${x.statusCode}`, undefined, (x.statusCode ?? 500) < 500);
    case "slack_webapi_platform_error": {
      const code = x.data?.error ?? "unknown_error";
      return new DeliveryError(code, undefined, PERMANENT.has(code));
    }
    default:
      return new DeliveryError(x.message ?? String(e));
  }
}

/** Runs one Web API call under withRetry, translating its failures. */
export function callSlack<T>(fn: () => Promise<T>, retry: RetryOptions = {}): Promise<T> {
  return withRetry(async () => {
    try {
      return await fn();
    } catch (e) {
      throw toDeliveryError(e);
    }
  }, retry);
}

/** What a response_url POST answered: its status and Retry-After header. */
export type PostResult = { status: number; retryAfter?: string };
export type PostJson = (url: string, body: string) => Promise<PostResult>;

/** One keep-alive agent per scheme: replies go to the same host (hooks.slack.com) again and again. */
const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };

/**
 * POSTs JSON with node:http(s). Not fetch: a CPU profile under load showed undici's fetch (streams, Response
 * objects) at about 6% of the bot's main thread, for a body that is written once and a reply that is discarded.
 */
export const postJson: PostJson = (url, body) =>
  new Promise((resolve, reject) => {
    const u = new URL(url);
    const mod = u.protocol === "https:" ? https : u.protocol === "http:" ? http : undefined;
    if (!mod) return reject(new Error(`not an http(s) URL: ${u.protocol}`));
    const req = mod.request(u, { method: "POST", agent: agents[u.protocol as "http:" | "https:"], headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) }, timeout: 10_000 }, (res) => {
      res.resume();
      res.once("end", () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"] as string | undefined }));
      res.once("error", reject);
    });
    req.once("timeout", () => req.destroy(new Error("timed out after 10 s")));
    req.once("error", reject);
    req.end(body);
  });

/** Posts to a response_url (ephemeral answers, page turns); 429 and 5xx are retried, 404 (expired) is not. */
export async function postResponse(url: string, message: Record<string, unknown>, retry: RetryOptions = {}, post: PostJson = postJson): Promise<void> {
  const body = JSON.stringify(message);
  await withRetry(async () => {
    let res: PostResult;
    try {
      res = await post(url, body);
    } catch (e) {
      throw new DeliveryError(`response_url unreachable: ${(e as Error).message}`);
    }
    if (res.status >= 200 && res.status < 300) return;
    const after = Number.parseInt(res.retryAfter ?? "", 10);
    if (res.status === 429) throw new DeliveryError("ratelimited", Number.isNaN(after) ? undefined : after * 1000);
    throw new DeliveryError(`response_url ${res.status}`, undefined, res.status < 500);
  }, retry);
}
