/**
 * A local fake of the Slack Web API and of response_url endpoints, for tests and the benchmark.
 * It records every call, answers like Slack does, and can be told to fail the next calls of a method
 * (429 with Retry-After, a 5xx, or a platform error such as not_in_channel).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export type SlackCall = { seq: number; method: string; args: Record<string, any>; token?: string };
export type ResponsePost = { seq: number; id: string; body: Record<string, any> };
/** A file that went through files.getUploadURLExternal → upload URL → files.completeUploadExternal. */
export type SlackUpload = { fileId: string; filename: string; length: number; bytes: Buffer; contentType: string; completed?: { channel: string; title?: string } };
export type Failure = { status: 429; retryAfter: number } | { status: 404 | 410 | 500 | 502 | 503 } | { error: string };

export type FakeSlack = {
  /** Base for `slackApiUrl` (ends with /api/). */
  apiUrl: string;
  base: string;
  calls: SlackCall[];
  responses: ResponsePost[];
  /** Files uploaded, by file id, in the order their upload URLs were asked for. */
  uploads: SlackUpload[];
  /** A fresh response_url; posts to it are recorded under `id`. */
  responseUrl: (id: string) => string;
  /** Fails the next `times` calls of a Web API method (or "response" for response_url posts). */
  fail: (method: string, failure: Failure, times?: number) => void;
  callsOf: (method: string) => SlackCall[];
  responsesTo: (id: string) => ResponsePost[];
  /** Resolves once `check` returns a value; rejects after `ms` (a deadline for a wait, not a speed assertion). */
  waitFor: <T>(check: () => T | undefined | false, ms?: number) => Promise<T>;
  /** Socket Mode: sends an envelope to the connected app and resolves with its ack (`{ envelope_id, payload }`). */
  sendEnvelope: (type: string, payload: Record<string, unknown>, extra?: Record<string, unknown>) => Promise<Record<string, any>>;
  /**
   * A file as Slack holds it after a user picked it in a form's file input: files.info describes it and its
   * url_private serves the bytes only with a bot token (`Authorization: Bearer xoxb-…`). Returns its id.
   */
  addFile: (name: string, bytes: Buffer) => string;
  /** Downloads of url_private, with the token each one presented. */
  downloads: { fileId: string; token?: string }[];
  /** users.info locales by user id (Slack's `locale` with include_locale); unset users get "en-US". */
  locales: Map<string, string>;
  /** Orders events of the test against recorded calls. */
  mark: () => number;
  close: () => Promise<void>;
};

const JSON_FIELDS = new Set(["blocks", "view", "attachments", "metadata", "files"]);

async function readBody(req: IncomingMessage): Promise<Record<string, any>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if ((req.headers["content-type"] ?? "").includes("application/json")) return raw ? JSON.parse(raw) : {};
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (JSON_FIELDS.has(k)) {
      try {
        out[k] = JSON.parse(v);
        continue;
      } catch {
        /* keep the string */
      }
    }
    out[k] = v;
  }
  return out;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const responses: ResponsePost[] = [];
  const uploads: SlackUpload[] = [];
  let files = 0;
  const failures = new Map<string, Failure[]>();
  let seq = 0;
  let views = 0;
  const locales = new Map<string, string>();
  let ts = 1_700_000_000;
  const held = new Map<string, { name: string; bytes: Buffer }>();
  const downloads: { fileId: string; token?: string }[] = [];

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
  /** Applies a queued failure; returns true when it answered. */
  const failed = (method: string, res: ServerResponse): boolean => {
    const f = failures.get(method)?.shift();
    if (!f) return false;
    if ("error" in f) send(res, 200, { ok: false, error: f.error });
    else if (f.status === 429) send(res, 429, { ok: false, error: "ratelimited" }, { "Retry-After": String(f.retryAfter) });
    else send(res, f.status, { ok: false, error: "service_unavailable" });
    return true;
  };

  function answer(method: string, args: Record<string, any>) {
    switch (method) {
      case "auth.test":
        return { ok: true, url: "https://fake.slack.com/", team: "Fake", user: "deskbot", team_id: "T0FAKE", user_id: "UBOT", bot_id: "BBOT" };
      case "chat.postMessage":
        return { ok: true, channel: args.channel, ts: `${ts++}.000100`, message: { text: args.text, blocks: args.blocks } };
      case "users.info":
        return { ok: true, user: { id: args.user, name: String(args.user).toLowerCase(), ...(args.include_locale ? { locale: locales.get(args.user) ?? "en-US" } : {}) } };
      case "chat.postEphemeral":
        return { ok: true, message_ts: `${ts++}.000200` };
      case "apps.connections.open":
        return { ok: true, url: `${base.replace(/^http/, "ws")}/socket` };
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(args.users).replace(/^U/, "")}` } };
      case "files.getUploadURLExternal": {
        // Like Slack: the name and the exact byte length are declared before the bytes are sent.
        if (!args.filename || !args.length) return { ok: false, error: "invalid_arguments" };
        const fileId = `F${++files}`;
        uploads.push({ fileId, filename: String(args.filename), length: Number(args.length), bytes: Buffer.alloc(0), contentType: "" });
        return { ok: true, upload_url: `${base}/upload/${fileId}`, file_id: fileId };
      }
      case "files.completeUploadExternal": {
        const list = (Array.isArray(args.files) ? args.files : []) as { id: string; title?: string }[];
        const known = list.map((f) => uploads.find((u) => u.fileId === f.id));
        if (!list.length || known.some((u) => !u || u.bytes.length !== u.length)) return { ok: false, error: "invalid_arguments" };
        known.forEach((u, i) => { u!.completed = { channel: String(args.channel_id ?? ""), title: list[i]!.title }; });
        return { ok: true, files: known.map((u) => ({ id: u!.fileId, name: u!.filename, title: list[known.indexOf(u)]!.title })) };
      }
      case "files.info": {
        const f = held.get(String(args.file));
        if (!f) return { ok: false, error: "file_not_found" };
        const url = `${base}/files-pri/T0FAKE-${args.file}/${encodeURIComponent(f.name)}`;
        return { ok: true, file: { id: args.file, name: f.name, size: f.bytes.length, url_private: url, url_private_download: `${url}?download=1` } };
      }
      case "views.open":
      case "views.publish":
      case "views.update":
        return { ok: true, view: { id: `V${++views}`, ...args.view } };
      default:
        return { ok: true };
    }
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://x");
      const up = /^\/upload\/(F\d+)$/.exec(url.pathname);
      if (up) {
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        const u = uploads.find((x) => x.fileId === up[1]);
        if (!u) return send(res, 404, { ok: false });
        const raw = Buffer.concat(chunks);
        const type = String(req.headers["content-type"] ?? "");
        // The upload URL takes the bytes raw or as a multipart form (what @slack/web-api sends): keep the file part.
        if (type.startsWith("multipart/form-data")) {
          const form = await new Response(raw, { headers: { "content-type": type } }).formData();
          const part = [...form.values()].find((v) => typeof v !== "string") as Blob | undefined;
          u.bytes = part ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
          u.contentType = part?.type ?? "";
        } else {
          u.bytes = raw;
          u.contentType = type;
        }
        res.writeHead(200, { "Content-Type": "text/plain" });
        return res.end(`OK - ${u.bytes.length}`);
      }
      const pri = /^\/files-pri\/T0FAKE-(F\w+)\//.exec(url.pathname);
      if (pri) {
        const token = req.headers.authorization?.replace(/^Bearer /, "");
        downloads.push({ fileId: pri[1]!, token });
        const f = held.get(pri[1]!);
        // Like Slack: without a bot token the private URL gives no file.
        if (!f || !token?.startsWith("xoxb-")) return send(res, 403, { ok: false, error: "not_authed" });
        res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": String(f.bytes.length) });
        return res.end(f.bytes);
      }
      const body = await readBody(req);
      const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
      if (api) {
        const method = api[1]!;
        calls.push({ seq: ++seq, method, args: body, token: req.headers.authorization?.replace(/^Bearer /, "") });
        if (failed(method, res)) return;
        return send(res, 200, answer(method, body));
      }
      const r = /^\/response\/([\w-]+)$/.exec(url.pathname);
      if (r) {
        responses.push({ seq: ++seq, id: r[1]!, body });
        if (failed("response", res)) return;
        return send(res, 200, { ok: true });
      }
      send(res, 404, { ok: false, error: "unknown_method" });
    } catch (e) {
      send(res, 500, { ok: false, error: String(e) });
    }
  });
  // Socket Mode: Slack's side of the WebSocket says hello, pushes envelopes and waits for their acks.
  const wss = new WebSocketServer({ server, path: "/socket" });
  const sockets = new Set<WebSocket>();
  const acks = new Map<string, (m: Record<string, any>) => void>();
  wss.on("connection", (ws) => {
    sockets.add(ws);
    ws.on("close", () => sockets.delete(ws));
    ws.on("message", (data) => {
      const m = JSON.parse(String(data)) as Record<string, any>;
      acks.get(m.envelope_id)?.(m);
    });
    ws.send(JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A0DESK" } }));
  });
  let envelopes = 0;

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    base,
    calls,
    responses,
    uploads,
    responseUrl: (id) => `${base}/response/${id}`,
    fail: (method, failure, times = 1) => failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]),
    callsOf: (method) => calls.filter((c) => c.method === method),
    responsesTo: (id) => responses.filter((r) => r.id === id),
    async waitFor(check, ms = 5000) {
      const until = Date.now() + ms;
      for (;;) {
        const v = check();
        if (v !== undefined && v !== false) return v as never;
        if (Date.now() > until) throw new Error("fake Slack: the expected call did not come");
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    sendEnvelope(type, payload, extra = {}) {
      const ws = [...sockets][0];
      if (!ws) return Promise.reject(new Error("fake Slack: no Socket Mode connection"));
      const envelope_id = `env-${++envelopes}`;
      return new Promise((resolve) => {
        acks.set(envelope_id, resolve);
        ws.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== "events_api", ...extra }));
      });
    },
    addFile(name, bytes) {
      const id = `FU${held.size + 1}`;
      held.set(id, { name, bytes });
      return id;
    },
    downloads,
    locales,
    mark: () => ++seq,
    close: () => new Promise<void>((resolve) => {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
