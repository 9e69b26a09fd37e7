/**
 * Just enough of Slack for the benchmark, on 127.0.0.1: the Web API (every method answers ok) and the
 * response_url endpoint, which notes when each final reply arrives. The tests' fake (test/fakes/slack-api.ts)
 * keeps every call for assertions and polls for them; here memory must stay flat and arrival times exact.
 */
import { signature } from "../test/fakes/slack-client.ts";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { now } from "./stats.ts";
import type { Outcome } from "./load.ts";

/** The English answers of /comment and /object (src/i18n/en.ts: comment_filed, position_recorded, *_already). */
const classify = (body: string): Outcome => (/Recorded: |filed for /.test(body) ? "new" : /Already on record|already on file/.test(body) ? "repeat" : "other");

export type FakeSlack = {
  apiUrl: string;
  responseUrl: (id: string) => string;
  /** Resolves with the arrival time (performance.now()) of the first reply posted to this id. */
  replied: (id: string) => Promise<number>;
  hasReply: (id: string) => boolean;
  /** What the first reply to this id said, for writes: a new record, a repeat, or something else. */
  outcome: (id: string) => Outcome | undefined;
  close: () => Promise<void>;
};

export async function startFakeSlack(): Promise<FakeSlack> {
  const arrived = new Map<string, number>();
  const outcomes = new Map<string, Outcome>();
  const waiting = new Map<string, (t: number) => void>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = req.url ?? "";
      const r = /^\/response\/([^/?]+)/.exec(url);
      if (r) {
        const id = r[1]!;
        const t = now();
        if (!arrived.has(id)) {
          arrived.set(id, t);
          outcomes.set(id, classify(Buffer.concat(chunks).toString("utf8")));
          waiting.get(id)?.(t);
          waiting.delete(id);
        }
        res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
        return;
      }
      const body = url.includes("auth.test") ? { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "TBENCH", user: "desk" } : { ok: true, ts: "1.0", channel: "C1" };
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    replied: (id) => {
      const t = arrived.get(id);
      if (t !== undefined) return Promise.resolve(t);
      return new Promise((r) => waiting.set(id, r));
    },
    hasReply: (id) => arrived.has(id),
    outcome: (id) => outcomes.get(id),
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** Headers of a signed Slack request (the signer is the tests' own, test/fakes/slack-client.ts). */
export function slackHeaders(secret: string, body: string): Record<string, string> {
  const ts = Math.floor(Date.now() / 1000);
  return { "Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": String(ts), "X-Slack-Signature": signature(secret, ts, body) };
}

/** The form body Slack posts for a slash command. */
export function slashBody(o: { command: string; text: string; userId: string; channelId: string; responseUrl: string; triggerId: string }): string {
  return new URLSearchParams({
    token: "legacy", team_id: "TBENCH", team_domain: "bench", channel_id: o.channelId, channel_name: "bench", user_id: o.userId, user_name: o.userId,
    command: `/${o.command}`, text: o.text, api_app_id: "ABENCH", is_enterprise_install: "false", response_url: o.responseUrl, trigger_id: o.triggerId,
  }).toString();
}
