/**
 * The Discord adapter: discord.js 14, slash commands only (intent Guilds, nothing privileged).
 * `createDiscord` builds the client and the ChatPlatform without connecting; `login()` opens the
 * gateway. Keeping them apart lets a multi-process deployment connect only in the leader process
 * while every process can still post through REST.
 */
import { Client, DiscordAPIError, Events, GatewayIntentBits, HTTPError, RateLimitError, type RateLimitData } from "discord.js";
import type { Desk } from "../../core/desk.ts";
import type { ChatPlatform } from "../../core/platform.ts";
import type { ChatAdapter } from "../../core/adapter.ts";
import { DeliveryError, withRetry, type RetryOptions } from "../../core/retry.ts";
import type { Logger } from "../../log.ts";
import type { Reply } from "../../services/reply.ts";
import { translator } from "../../i18n/index.ts";
import { renderPages, esc } from "./embeds.ts";
import { createInteractionHandler, DISCORD_CAPABILITIES, NO_PINGS } from "./interactions.ts";
import { DISCORD_MESSAGE_LIMITS, LIMITS, MAX_INLINE_RATE_LIMIT_WAIT_MS } from "./limits.ts";
import type { Inbox } from "../../core/inbox.ts";
import type { FollowUpSender } from "../../core/recover.ts";

export type DiscordOptions = {
  desk: Desk;
  log: Logger;
  token: string;
  applicationId: string;
  /** Only used by `npm run discord:register`; the running bot answers wherever it is installed. */
  guildId?: string;
  /** REST base URL (DISCORD_API_URL): a proxy, or the local fake in tests. */
  apiUrl?: string;
  /** Retries of `post` after discord.js's own (tests make them instant). */
  retry?: RetryOptions;
  /** Defer an interaction when its work has not finished after this many ms (default 1000). */
  deferAfterMs?: number;
  /** The durable inbox: commands that may write are recorded here before the interaction is deferred. */
  inbox?: Inbox;
};

/** What a recorded Discord command keeps to be answered after a restart (core/inbox.ts FollowUp). */
export type DiscordFollowUp = { platform: "discord"; applicationId: string; token: string; userId: string };

export type DiscordHandle = {
  client: Client;
  platform: ChatAdapter;
  /** Connects to the gateway and resolves when the client is ready to receive interactions. */
  login: () => Promise<void>;
  destroy: () => Promise<void>;
  /** Answers recorded commands after a restart, through the interaction's webhook (REST only, no gateway). */
  followUp: FollowUpSender;
};

/** Classifies a discord.js failure so callers know whether and when to try again. */
export function deliveryError(e: unknown): DeliveryError {
  if (e instanceof DeliveryError) return e;
  if (e instanceof RateLimitError) return new DeliveryError(`Discord rate limit on ${e.route}`, Math.max(e.retryAfter, e.timeToReset));
  if (e instanceof DiscordAPIError) {
    // 4xx other than 429 (which discord.js handles): unknown channel, missing access, invalid body — trying again cannot help.
    const permanent = e.status >= 400 && e.status < 500;
    return new DeliveryError(`Discord API ${e.status} (code ${e.code}): ${e.message}`, undefined, permanent);
  }
  if (e instanceof HTTPError) return new DeliveryError(`Discord HTTP ${e.status} on ${e.method} ${e.url}`);
  return new DeliveryError(`Discord request failed: ${(e as Error)?.message ?? String(e)}`);
}

export function createDiscord(o: DiscordOptions): DiscordHandle {
  const { log } = o;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_PINGS,
    rest: {
      ...(o.apiUrl ? { api: o.apiUrl.replace(/\/+$/, "") } : {}),
      // Short rate-limit waits are absorbed by discord.js; long ones come back to the caller as DeliveryError.
      rejectOnRateLimit: (d: RateLimitData) => Math.max(d.retryAfter, d.timeToReset) > MAX_INLINE_RATE_LIMIT_WAIT_MS,
    },
  });
  client.rest.setToken(o.token);
  client.rest.on("rateLimited", (d) => log.warn("discord rate limited", { route: d.route, retryAfterMs: d.retryAfter, global: d.global }));
  client.on(Events.Error, (e) => log.error("discord client error", { error: e }));
  client.on(Events.ShardError, (e) => log.error("discord gateway error", { error: e }));
  client.on(Events.Warn, (m) => log.warn("discord", { detail: m }));
  // discord.js's own debug lines (gateway, REST) only at LOG_LEVEL=debug: they are many.
  if (log.level === "debug") {
    client.on(Events.Debug, (m) => log.debug("discord", { detail: m }));
    client.rest.on("debug", (m) => log.debug("discord rest", { detail: m }));
  }
  const { onInteraction, postButtons } = createInteractionHandler({ desk: o.desk, log, deferAfterMs: o.deferAfterMs, inbox: o.inbox, applicationId: o.applicationId });
  client.on(Events.InteractionCreate, (i) => void onInteraction(i));

  async function post(channelId: string, reply: Reply) {
    const t = translator("en");
    const pages = renderPages(reply, t);
    for (const [n, embed] of pages.entries()) {
      const last = n === pages.length - 1;
      const body = {
        // The summary doubles as the notification preview; the embed carries the full text.
        ...(n === 0 ? { content: esc(reply.summary).slice(0, LIMITS.content) } : {}),
        embeds: [embed],
        components: last ? postButtons(reply, t) : [],
        allowed_mentions: NO_PINGS,
      };
      await withRetry(
        async () => {
          try {
            await client.rest.post(`/channels/${channelId}/messages`, { body });
          } catch (e) {
            throw deliveryError(e);
          }
        },
        { ...o.retry, onRetry: (attempt, ms, e) => log.warn("discord post retry", { channelId, attempt, waitMs: ms, error: e }) },
      );
    }
  }

  let destroyed = false;
  const destroy = async () => {
    if (destroyed) return;
    destroyed = true;
    await client.destroy();
  };
  return {
    client,
    platform: { platform: "discord", post, stop: destroy, limits: DISCORD_MESSAGE_LIMITS, capabilities: DISCORD_CAPABILITIES },
    async login() {
      const ready = new Promise<void>((res) => client.once(Events.ClientReady, () => res()));
      await client.login(o.token);
      await ready;
      log.info("discord connected", { user: client.user?.tag, guilds: client.guilds.cache.size });
    },
    destroy,
    followUp: {
      // An interaction token works for 15 minutes: a minute is kept in hand.
      windowMs: 14 * 60_000,
      async answer(e, reply) {
        if (e.reply.platform !== "discord") return;
        const to = e.reply as DiscordFollowUp;
        const t = translator(reply.lang ?? "en");
        const [first, ...rest] = renderPages(reply, t);
        const hook = `/webhooks/${to.applicationId}/${to.token}` as const;
        try {
          // The interaction was deferred before the crash: its "thinking…" message becomes the answer.
          await client.rest.patch(`${hook}/messages/@original`, { body: { embeds: [first], allowed_mentions: NO_PINGS } });
          for (const embed of rest) await client.rest.post(hook, { body: { embeds: [embed], flags: 64, allowed_mentions: NO_PINGS } });
        } catch (err) {
          throw deliveryError(err);
        }
      },
      async expired(e, text) {
        try {
          const dm = (await client.rest.post("/users/@me/channels", { body: { recipient_id: e.reply.userId } })) as { id: string };
          await client.rest.post(`/channels/${dm.id}/messages`, { body: { content: esc(text), allowed_mentions: NO_PINGS } });
        } catch (err) {
          throw deliveryError(err);
        }
      },
    },
  };
}

/** Creates the client and connects at once: the single-process default used by src/main.ts. */
export async function startDiscord(o: DiscordOptions): Promise<ChatPlatform> {
  const d = createDiscord(o);
  await d.login();
  return d.platform;
}
