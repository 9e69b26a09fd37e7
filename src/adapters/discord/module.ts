/**
 * Discord as a platform of the bot (src/platforms.ts): its variables, when it runs, and how it starts.
 * discord.js is imported only when Discord starts.
 */
import { z } from "zod";
import { opt } from "../../core/env.ts";
import type { CheckedEnv, PlatformModule } from "../../core/platform-module.ts";

const WHERE = {
  DISCORD_TOKEN: "the bot token from the Developer Portal → Bot → Reset Token",
  DISCORD_APPLICATION_ID: "the Application ID from the Developer Portal → General Information",
} as const;

const env = {
  DISCORD_TOKEN: opt(z.string()),
  DISCORD_APPLICATION_ID: opt(z.string().regex(/^\d{5,20}$/, `DISCORD_APPLICATION_ID must be ${WHERE.DISCORD_APPLICATION_ID} (digits only)`)),
  DISCORD_GUILD_ID: opt(z.string()),
  DISCORD_API_URL: opt(z.url("DISCORD_API_URL must be a URL, e.g. http://127.0.0.1:4100/api")),
};
const discordEnv = z.object(env);
const read = (e: CheckedEnv) => discordEnv.parse(e);

export const discord: PlatformModule = {
  name: "discord",
  exampleUserId: "1100220033",
  env,
  where: WHERE,
  checkEnv(raw, need) {
    const e = read(raw);
    if (e.DISCORD_TOKEN && !e.DISCORD_APPLICATION_ID) need("DISCORD_APPLICATION_ID", "DISCORD_TOKEN is", "or unset DISCORD_TOKEN to run without Discord");
    if (!e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID) need("DISCORD_TOKEN", "DISCORD_APPLICATION_ID is", "or unset DISCORD_APPLICATION_ID to run without Discord");
  },
  configured: (raw) => {
    const e = read(raw);
    return !!(e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID);
  },
  preload: () => import("./index.ts"),
  async start(o) {
    const e = read(o.env);
    const [{ createDiscord }, { startLeadership, LOCK_KEYS }] = await Promise.all([import("./index.ts"), import("../../core/leader.ts")]);
    const make = () => createDiscord({ desk: o.desk, log: o.log, token: e.DISCORD_TOKEN!, applicationId: e.DISCORD_APPLICATION_ID!, guildId: e.DISCORD_GUILD_ID, apiUrl: e.DISCORD_API_URL, inbox: o.inbox });
    let d = make();
    // One gateway session per bot token (and shard): on PostgreSQL only the leader process connects
    // (src/core/leader.ts) and another takes over if it dies; every process can still post through REST.
    const leadership = await startLeadership({
      databaseUrl: o.databaseUrl, key: LOCK_KEYS.discordGateway, log: o.log,
      onElected: () => d.login(),
      onDeposed: async () => { await d.destroy(); d = make(); },
    });
    return {
      chat: { platform: "discord", post: (channelId, reply) => d.platform.post(channelId, reply), stop: () => leadership.stop(), limits: d.platform.limits },
      followUp: { windowMs: d.followUp.windowMs, answer: (en, r) => d.followUp.answer(en, r), expired: (en, t) => d.followUp.expired(en, t) },
      // Only the leader holds the gateway; a follower posts through REST and is ready without one.
      ready: () => !leadership.isLeader() || d.client.isReady(),
    };
  },
  async poster(o) {
    const e = read(o.env);
    const { startDiscord } = await import("./index.ts");
    return startDiscord({ desk: o.desk, log: o.log, token: e.DISCORD_TOKEN!, applicationId: e.DISCORD_APPLICATION_ID!, guildId: e.DISCORD_GUILD_ID, apiUrl: e.DISCORD_API_URL });
  },
};
