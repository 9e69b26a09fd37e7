/**
 * Sends requests to a Bolt app the way Slack does: form or JSON body, `X-Slack-Request-Timestamp` and
 * `X-Slack-Signature` = "v0=" + HMAC-SHA256(signing secret, "v0:<timestamp>:<raw body>").
 */
import { createHmac } from "node:crypto";

export type SignedResponse = { status: number; body: string; json?: any };

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export type SendOptions = {
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Overrides the computed signature (to test rejection). */
  signature?: string;
  headers?: Record<string, string>;
};

export async function sendSigned(url: string, secret: string, body: string, contentType: string, o: SendOptions = {}): Promise<SignedResponse> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": contentType,
      "X-Slack-Request-Timestamp": String(timestamp),
      "X-Slack-Signature": o.signature ?? signature(secret, timestamp, body),
      ...o.headers,
    },
    body,
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, body: text, json };
}

export type SlashCommand = {
  command: string;
  text: string;
  user_id: string;
  channel_id?: string;
  team_id?: string;
  trigger_id?: string;
  response_url: string;
  user_name?: string;
};

let n = 0;
export const triggerId = () => `${Date.now()}.${++n}.trigger`;

/** A slash command as Slack posts it (application/x-www-form-urlencoded). */
export function sendCommand(eventsUrl: string, secret: string, c: SlashCommand, o: SendOptions = {}): Promise<SignedResponse> {
  const fields: Record<string, string> = {
    token: "legacy-verification-token",
    team_id: c.team_id ?? "T0FAKE",
    team_domain: "fake",
    channel_id: c.channel_id ?? "C0GENERAL",
    channel_name: "general",
    user_id: c.user_id,
    user_name: c.user_name ?? c.user_id.toLowerCase(),
    command: c.command,
    text: c.text,
    api_app_id: "A0DESK",
    response_url: c.response_url,
    trigger_id: c.trigger_id ?? triggerId(),
  };
  return sendSigned(eventsUrl, secret, new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded", o);
}

/** An interactivity payload (buttons, modal submissions): form body with one `payload` field. */
export function sendInteraction(eventsUrl: string, secret: string, payload: Record<string, unknown>, o: SendOptions = {}): Promise<SignedResponse> {
  return sendSigned(eventsUrl, secret, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded", o);
}

/** An Events API callback (JSON body). */
export function sendEvent(eventsUrl: string, secret: string, event: Record<string, unknown>, o: SendOptions = {}): Promise<SignedResponse> {
  const body = JSON.stringify({
    token: "legacy-verification-token", team_id: "T0FAKE", api_app_id: "A0DESK", type: "event_callback",
    event_id: `Ev${++n}`, event_time: Math.floor(Date.now() / 1000), authorizations: [{ team_id: "T0FAKE", user_id: "UBOT", is_bot: true }], event,
  });
  return sendSigned(eventsUrl, secret, body, "application/json", o);
}
