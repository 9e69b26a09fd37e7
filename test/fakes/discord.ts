/**
 * A local fake of the Discord REST API and gateway, enough for the real discord.js client:
 * GET /gateway/bot, the gateway handshake (HELLO → IDENTIFY → READY → GUILD_CREATE, heartbeat ACKs),
 * injected INTERACTION_CREATE events, interaction callbacks, webhook edits and follow-ups, channel
 * messages and bulk command overwrites. It enforces what real Discord enforces and bites people:
 * one initial response per interaction (40060), a 3 s window for it (10062), message limits (50035).
 * Faults (429 with Retry-After, 5xx, 403/404) can be queued per route.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

/** A file sent as a multipart attachment (`files[n]` parts beside `payload_json`, as discord.js sends them). */
export type Attachment = { field: string; filename: string; contentType: string; bytes: Buffer };
export type Recorded = { method: string; path: string; body: any; at: number; files?: Attachment[] };
export type Fault = { status: number; body?: unknown; headers?: Record<string, string> };
export type Actor = { userId: string; roles?: string[]; locale?: string; channelId?: string; dm?: boolean };

type InteractionState = { id: string; token: string; type: number; createdAt: number; responses: Recorded[]; acked: boolean; waiters: (() => void)[] };

export type FakeDiscord = {
  /** REST base for discord.js `rest.api` / DISCORD_API_URL. */
  api: string;
  appId: string;
  guildId: string;
  channelId: string;
  requests: Recorded[];
  identify?: any;
  /** How many gateway sessions are open (identified and not closed). */
  gatewaySessions: () => number;
  /** Channels the bot may not post in (403 Missing Access). */
  forbiddenChannels: Set<string>;
  /** Queues faults for requests whose "METHOD /path" matches `pattern`, answered before the real handler. */
  fail: (pattern: RegExp, fault: Fault, times?: number) => void;
  /** Delivers an interaction through the gateway; returns its id. */
  interact: (type: number, data: Record<string, unknown>, as: Actor, extra?: Record<string, unknown>) => string;
  command: (name: string, options: Record<string, string | number | boolean>, as: Actor) => string;
  /** A slash command with an uploaded file in attachment option `option` (served back from the fake CDN). */
  commandWithFile: (name: string, options: Record<string, string | number | boolean>, option: string, file: { name: string; data: Buffer }, as: Actor) => string;
  autocomplete: (name: string, options: Record<string, string | number>, focused: string, as: Actor) => string;
  button: (customId: string, as: Actor, message?: Record<string, unknown>) => string;
  /** Submits a modal the bot showed, keeping prefilled values unless `values` overrides them. */
  submitModal: (modal: any, values: Record<string, string>, as: Actor) => string;
  /** Resolves when the interaction has its final answer: a reply, update, modal, choices, or a deferral plus its edit. */
  settled: (id: string, timeoutMs?: number) => Promise<Recorded[]>;
  responsesOf: (id: string) => Recorded[];
  /** The interaction's token (what a bot keeps to answer through the follow-up webhook). */
  tokenOf: (id: string) => string;
  /** Direct-message channels the bot opened (POST /users/@me/channels), by recipient. */
  dmChannels: Map<string, string>;
  close: () => Promise<void>;
};

let snow = 1_100_000_000_000_000_000n;
export const snowflake = () => String(snow++);

const json = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
  // Like Discord, a 204 has no body and no content type (discord.js would try to parse it).
  res.writeHead(status, status === 204 ? headers : { "content-type": "application/json", ...headers });
  res.end(body === undefined ? "" : JSON.stringify(body));
};

/** What real Discord rejects with 50035: the limits people hit. */
export function messageProblems(b: any): string[] {
  const p: string[] = [];
  if (!b) return p;
  if ((b.content?.length ?? 0) > 2000) p.push("content > 2000");
  const embeds: any[] = b.embeds ?? [];
  if (embeds.length > 10) p.push("> 10 embeds");
  let total = 0;
  for (const e of embeds) {
    if ((e.title?.length ?? 0) > 256) p.push("title > 256");
    if ((e.description?.length ?? 0) > 4096) p.push("description > 4096");
    if ((e.fields?.length ?? 0) > 25) p.push("> 25 fields");
    for (const f of e.fields ?? []) if (f.value.length > 1024) p.push("field value > 1024");
    total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text?.length ?? 0) + (e.fields ?? []).reduce((n: number, f: any) => n + f.name.length + f.value.length, 0);
  }
  if (total > 6000) p.push("embeds total > 6000");
  const rows: any[] = b.components ?? [];
  if (rows.length > 5) p.push("> 5 rows");
  for (const r of rows) {
    if (r.components.length > 5) p.push("> 5 buttons in a row");
    for (const c of r.components) if ((c.custom_id?.length ?? 0) > 100) p.push("custom_id > 100");
  }
  return p;
}

export async function startFakeDiscord(o: { appId?: string; guildId?: string; channelId?: string; roles?: string[]; responseWindowMs?: number } = {}): Promise<FakeDiscord> {
  const appId = o.appId ?? snowflake();
  const guildId = o.guildId ?? snowflake();
  const channelId = o.channelId ?? snowflake();
  const window = o.responseWindowMs ?? 3000;
  const requests: Recorded[] = [];
  const faults: { pattern: RegExp; fault: Fault; left: number }[] = [];
  const interactions = new Map<string, InteractionState>();
  const byToken = new Map<string, InteractionState>();
  const sockets = new Set<WebSocket>();
  /** Gateway connections that have identified: the bot's open sessions. */
  const identified = new Set<WebSocket>();
  const forbiddenChannels = new Set<string>();
  const knownChannels = new Set([channelId]);
  const dmChannels = new Map<string, string>();
  let seq = 0;
  let wsUrl = "";
  const fake = { identify: undefined as any };

  const message = (channel: string, body: any, flags = 0) => ({
    id: snowflake(), channel_id: channel, type: 0, content: body?.content ?? "", embeds: body?.embeds ?? [], components: body?.components ?? [],
    author: { id: appId, username: "Delegate Desk", discriminator: "0", global_name: null, avatar: null, bot: true },
    attachments: [], mentions: [], mention_roles: [], mention_everyone: false, pinned: false, tts: false,
    timestamp: new Date().toISOString(), edited_timestamp: null, flags: body?.flags ?? flags, application_id: appId, webhook_id: appId,
  });

  const settle = (s: InteractionState) => {
    const w = s.waiters.splice(0);
    for (const f of w) f();
  };

  function route(method: string, path: string, body: any, res: ServerResponse) {
    let m: RegExpExecArray | null;
    if (method === "GET" && path === "/gateway/bot")
      return json(res, 200, { url: wsUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    if (method === "PUT" && (m = /^\/applications\/(\w+)(?:\/guilds\/(\w+))?\/commands$/.exec(path))) {
      if (m[1] !== appId) return json(res, 404, { code: 10002, message: "Unknown Application" });
      return json(res, 200, (body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: appId, version: snowflake(), ...(m![2] ? { guild_id: m![2] } : {}) })));
    }
    if (method === "POST" && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      const s = interactions.get(m[1]!);
      if (!s || s.token !== m[2] || Date.now() - s.createdAt > window) return json(res, 404, { code: 10062, message: "Unknown interaction" });
      if (s.acked) return json(res, 400, { code: 40060, message: "Interaction has already been acknowledged." });
      const problems = body?.type === 8 ? ((body.data?.choices?.length ?? 0) > 25 ? ["> 25 choices"] : []) : body?.type === 9 ? ((body.data?.components?.length ?? 0) > 5 ? ["> 5 modal components"] : []) : messageProblems(body?.data);
      if (problems.length) return json(res, 400, { code: 50035, message: `Invalid Form Body: ${problems.join(", ")}` });
      s.acked = true;
      s.responses.push(requests[requests.length - 1]!);
      settle(s);
      return json(res, 204);
    }
    if ((m = /^\/webhooks\/(\w+)\/([^/]+)(\/messages\/@original)?$/.exec(path))) {
      const s = byToken.get(m[2]!);
      if (!s || !s.acked) return json(res, 404, { code: 10015, message: "Unknown Webhook" });
      if (method === "GET") return json(res, 200, message(channelId, {}));
      const problems = messageProblems(body);
      if (problems.length) return json(res, 400, { code: 50035, message: `Invalid Form Body: ${problems.join(", ")}` });
      s.responses.push(requests[requests.length - 1]!);
      settle(s);
      return json(res, 200, message(channelId, body, 64));
    }
    if (method === "POST" && path === "/users/@me/channels") {
      const recipient = String(body?.recipient_id ?? "");
      if (!recipient) return json(res, 400, { code: 50035, message: "Invalid Form Body: recipient_id" });
      const dm = dmChannels.get(recipient) ?? snowflake();
      dmChannels.set(recipient, dm);
      knownChannels.add(dm);
      return json(res, 200, { id: dm, type: 1, last_message_id: null, flags: 0, recipients: [{ id: recipient, username: `user-${recipient}`, discriminator: "0", global_name: null, avatar: null }] });
    }
    if (method === "POST" && (m = /^\/channels\/(\w+)\/messages$/.exec(path))) {
      if (forbiddenChannels.has(m[1]!)) return json(res, 403, { code: 50001, message: "Missing Access" });
      if (!knownChannels.has(m[1]!)) return json(res, 404, { code: 10003, message: "Unknown Channel" });
      const problems = messageProblems(body);
      if (problems.length) return json(res, 400, { code: 50035, message: `Invalid Form Body: ${problems.join(", ")}` });
      return json(res, 200, message(m[1]!, body));
    }
    return json(res, 404, { code: 0, message: "404: Not Found" });
  }

  const cdnFiles = new Map<string, Buffer>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const buf = Buffer.concat(chunks);
      const type = String(req.headers["content-type"] ?? "");
      let body: any;
      let files: Attachment[] | undefined;
      if (type.startsWith("multipart/form-data")) {
        // Like Discord: the message is the payload_json part; each files[n] part is an attachment whose
        // metadata (id = n) must be listed in the payload's attachments array; the filename comes from the part.
        const form = await new Response(buf, { headers: { "content-type": type } }).formData();
        const payload = form.get("payload_json");
        body = typeof payload === "string" ? JSON.parse(payload) : {};
        files = [];
        for (const [field, v] of form.entries())
          if (typeof v !== "string") files.push({ field, filename: v.name, contentType: v.type, bytes: Buffer.from(await v.arrayBuffer()) });
        const listed = (body?.data ?? body)?.attachments as { id: number | string; filename?: string }[] | undefined;
        const ok = files.length > 0 && files.every((f) => f.filename && listed?.some((a) => `files[${a.id}]` === f.field && (a.filename === undefined || a.filename === f.filename)));
        if (!ok) {
          requests.push({ method: req.method ?? "POST", path: "(bad multipart)", body, at: Date.now(), files });
          return json(res, 400, { code: 50035, message: "Invalid Form Body: attachments do not match the files sent" });
        }
      } else {
        const raw = buf.toString("utf8");
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          body = raw;
        }
      }
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/api\/v\d+/, "");
      const method = req.method ?? "GET";
      // Discord's CDN: uploaded attachments, by id.
      const cdn = /^\/attachments\/(\d+)\//.exec(path);
      if (method === "GET" && cdn) {
        const file = cdnFiles.get(cdn[1]!);
        if (!file) return json(res, 404, { message: "Not found" });
        res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(file.length) });
        return res.end(file);
      }
      requests.push({ method, path, body, at: Date.now(), ...(files ? { files } : {}) });
      const f = faults.find((x) => x.left > 0 && x.pattern.test(`${method} ${path}`));
      if (f) {
        f.left--;
        return json(res, f.fault.status, f.fault.body ?? {}, f.fault.headers);
      }
      route(method, path, body, res);
    });
  });
  const wss = new WebSocketServer({ server });
  const send = (ws: WebSocket, p: object) => ws.send(JSON.stringify(p));
  const dispatch = (ws: WebSocket, t: string, d: unknown) => send(ws, { op: 0, t, s: ++seq, d });

  const guild = () => ({
    id: guildId, name: "CICA delegations", icon: null, splash: null, discovery_splash: null, owner_id: snowflake(), afk_channel_id: null, afk_timeout: 300,
    verification_level: 0, default_message_notifications: 0, explicit_content_filter: 0, mfa_level: 0, nsfw_level: 0, premium_tier: 0, system_channel_id: null, system_channel_flags: 0,
    rules_channel_id: null, public_updates_channel_id: null, preferred_locale: "en-US", features: [], emojis: [], stickers: [], large: false, unavailable: false,
    member_count: 2, joined_at: new Date().toISOString(), voice_states: [], members: [], presences: [], threads: [], stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [],
    roles: [guildId, ...(o.roles ?? [])].map((id, i) => ({ id, name: i === 0 ? "@everyone" : `role-${id}`, color: 0, colors: { primary_color: 0, secondary_color: null, tertiary_color: null }, hoist: false, icon: null, unicode_emoji: null, position: i, permissions: "2248473465835073", managed: false, mentionable: false, flags: 0 })),
    channels: [{ id: channelId, type: 0, guild_id: guildId, name: "delegations", position: 0, permission_overwrites: [], topic: null, nsfw: false, last_message_id: null, rate_limit_per_user: 0, parent_id: null }],
  });

  wss.on("connection", (ws) => {
    sockets.add(ws);
    ws.on("close", () => { sockets.delete(ws); identified.delete(ws); });
    send(ws, { op: 10, d: { heartbeat_interval: 41_250 } });
    ws.on("message", (raw) => {
      const p = JSON.parse(String(raw));
      if (p.op === 1) send(ws, { op: 11 });
      if (p.op === 2) {
        fake.identify = p.d;
        identified.add(ws);
        dispatch(ws, "READY", {
          v: 10, user: { id: appId, username: "Delegate Desk", discriminator: "0", global_name: null, avatar: null, bot: true, flags: 0 },
          guilds: [{ id: guildId, unavailable: true }], session_id: randomUUID(), resume_gateway_url: wsUrl, shard: [0, 1], application: { id: appId, flags: 0 },
        });
        dispatch(ws, "GUILD_CREATE", guild());
      }
    });
  });

  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  wsUrl = `ws://127.0.0.1:${port}`;

  function interact(type: number, data: Record<string, unknown>, as: Actor, extra: Record<string, unknown> = {}): string {
    const id = snowflake();
    const token = `tok-${randomUUID()}`;
    const s: InteractionState = { id, token, type, createdAt: Date.now(), responses: [], acked: false, waiters: [] };
    interactions.set(id, s);
    byToken.set(token, s);
    const user = { id: as.userId, username: `user-${as.userId}`.toLowerCase(), discriminator: "0", global_name: null, avatar: null };
    const channel = as.channelId ?? channelId;
    knownChannels.add(channel);
    const where = as.dm
      ? { user, channel: { id: channel, type: 1, recipients: [user] }, channel_id: channel, context: 1 }
      : {
          guild_id: guildId, channel_id: channel, guild_locale: "en-US", context: 0,
          channel: { id: channel, type: 0, guild_id: guildId, name: "delegations", position: 0, permission_overwrites: [], nsfw: false, parent_id: null },
          member: { user, roles: as.roles ?? [], joined_at: new Date().toISOString(), deaf: false, mute: false, permissions: "2248473465835073", flags: 0, pending: false, nick: null, avatar: null, premium_since: null },
        };
    const payload = {
      id, application_id: appId, type, token, version: 1, data, locale: as.locale ?? "en-US",
      app_permissions: "2248473465835073", entitlements: [], authorizing_integration_owners: { 0: guildId }, attachment_size_limit: 8_388_608, ...where, ...extra,
    };
    for (const ws of sockets) dispatch(ws, "INTERACTION_CREATE", payload);
    return id;
  }

  const optionList = (options: Record<string, string | number | boolean>, focused?: string) =>
    Object.entries(options).map(([name, value]) => ({ name, type: typeof value === "number" ? 4 : typeof value === "boolean" ? 5 : 3, value, ...(name === focused ? { focused: true } : {}) }));

  return {
    api: `http://127.0.0.1:${port}/api`,
    appId, guildId, channelId, requests, forbiddenChannels, dmChannels,
    tokenOf: (id) => interactions.get(id)?.token ?? "",
    get identify() { return fake.identify; },
    gatewaySessions: () => identified.size,
    fail: (pattern, fault, times = 1) => faults.push({ pattern, fault, left: times }),
    interact,
    command: (name, options, as) => interact(2, { id: snowflake(), name, type: 1, options: optionList(options) }, as),
    commandWithFile(name, options, option, file, as) {
      const id = snowflake();
      cdnFiles.set(id, file.data);
      const url = `http://127.0.0.1:${port}/attachments/${id}/${encodeURIComponent(file.name)}`;
      const attachment = { id, filename: file.name, size: file.data.length, url, proxy_url: url, content_type: "application/octet-stream", ephemeral: true };
      return interact(2, { id: snowflake(), name, type: 1, options: [...optionList(options), { name: option, type: 11, value: id }], resolved: { attachments: { [id]: attachment } } }, as);
    },
    autocomplete: (name, options, focused, as) => interact(4, { id: snowflake(), name, type: 1, options: optionList(options, focused) }, as),
    button: (customId, as, msg) =>
      interact(3, { custom_id: customId, component_type: 2 }, as, {
        message: { ...(msg ?? {}), id: snowflake(), channel_id: as.channelId ?? channelId, type: 0, content: "", embeds: [], components: [], author: { id: appId, username: "Delegate Desk", discriminator: "0", avatar: null, bot: true }, attachments: [], mentions: [], mention_roles: [], mention_everyone: false, pinned: false, tts: false, timestamp: new Date().toISOString(), edited_timestamp: null, flags: 64 },
      }),
    submitModal(modal, values, as) {
      const components = (modal.components as any[]).map((label) => {
        const c = label.component;
        if (c.type === 3) {
          const chosen = values[c.custom_id] ?? c.options.find((x: any) => x.default)?.value;
          return { type: 18, id: 0, component: { type: 3, id: 0, custom_id: c.custom_id, values: chosen ? [chosen] : [] } };
        }
        return { type: 18, id: 0, component: { type: 4, id: 0, custom_id: c.custom_id, value: values[c.custom_id] ?? c.value ?? "" } };
      });
      return interact(5, { custom_id: modal.custom_id, components }, as);
    },
    settled(id, timeoutMs = 8000) {
      const s = interactions.get(id);
      if (!s) return Promise.reject(new Error(`unknown interaction ${id}`));
      const done = () => {
        const first = s.responses[0]?.body?.type;
        if (first === undefined) return false;
        if (first === 5 || first === 6) return s.responses.length > 1;
        return true;
      };
      return new Promise((resolve, reject) => {
        const check = () => {
          if (done()) {
            clearTimeout(timer);
            resolve(s.responses);
          } else s.waiters.push(check);
        };
        const timer = setTimeout(() => reject(new Error(`interaction ${id} not answered; requests: ${JSON.stringify(requests.slice(-5).map((r) => `${r.method} ${r.path}`))}`)), timeoutMs);
        check();
      });
    },
    responsesOf: (id) => interactions.get(id)?.responses ?? [],
    async close() {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
