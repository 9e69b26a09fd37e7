/**
 * Talking back to Slack: Web API failures and response_url posts become DeliveryErrors, so the shared
 * withRetry decides when to try again (Retry-After, backoff) and permanent failures surface at once.
 */
import { DeliveryError, withRetry } from "../../core/retry.js";
/** Web API error codes that retrying cannot fix. */
const PERMANENT = new Set([
    "not_in_channel", "channel_not_found", "is_archived", "invalid_auth", "not_authed", "account_inactive", "token_revoked",
    "missing_scope", "no_permission", "restricted_action", "user_not_found", "user_not_in_channel", "msg_too_long",
    "invalid_blocks", "invalid_blocks_format", "invalid_arguments", "expired_trigger_id", "invalid_trigger_id", "exchanged_trigger_id",
    "view_too_large", "invalid_metadata", "cannot_dm_bot",
]);
/** Classifies an error thrown by @slack/web-api's WebClient (whose own retries are switched off). */
export function toDeliveryError(e) {
    if (e instanceof DeliveryError)
        return e;
    const x = (e ?? {});
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
export function callSlack(fn, retry = {}) {
    return withRetry(async () => {
        try {
            return await fn();
        }
        catch (e) {
            throw toDeliveryError(e);
        }
    }, retry);
}
/** Posts to a response_url (ephemeral answers, page turns); 429 and 5xx are retried, 404 (expired) is not. */
export async function postResponse(fetchFn, url, message, retry = {}) {
    await withRetry(async () => {
        let res;
        try {
            res = await fetchFn(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(message) });
        }
        catch (e) {
            throw new DeliveryError(`response_url unreachable: ${e.message}`);
        }
        if (res.ok) {
            await res.arrayBuffer();
            return;
        }
        const after = Number.parseInt(res.headers.get("retry-after") ?? "", 10);
        await res.arrayBuffer().catch(() => undefined);
        if (res.status === 429)
            throw new DeliveryError("ratelimited", Number.isNaN(after) ? undefined : after * 1000);
        throw new DeliveryError(`response_url ${res.status}`, undefined, res.status < 500);
    }, retry);
}
//# sourceMappingURL=api.js.map