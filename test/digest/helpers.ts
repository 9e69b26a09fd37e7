import type { ChatPlatform } from "../../src/core/platform.ts";
import type { Platform } from "../../src/domain/types.ts";
import { toPlainText, type Reply } from "../../src/services/reply.ts";
import type { DigestRuntime } from "../../src/digest/deliver.ts";
import type { Destination } from "../../src/digest/destinations.ts";
import type { TestApp } from "../helpers/app.ts";
import { SLACK_MESSAGE_LIMITS } from "../../src/adapters/slack/limits.ts";
import { DISCORD_MESSAGE_LIMITS } from "../../src/adapters/discord/limits.ts";
import { CICA } from "../helpers/forum.ts";

export type Posted = { channelId: string; reply: Reply; text: string };

/**
 * A platform whose `post` fails as scripted (an Error per call, undefined = succeed) and records what
 * it delivered. `onPost` lets a test act between calls (e.g. a second worker racing).
 */
export function fakePlatform(platform: Platform = "slack", script: (Error | undefined)[] = []) {
  const posted: Posted[] = [];
  let calls = 0;
  const p: ChatPlatform & { posted: Posted[]; calls: () => number; failNext: (...e: (Error | undefined)[]) => void } = {
    platform,
    // The real adapters' message budgets, so digests are split as they would be there.
    limits: platform === "slack" ? SLACK_MESSAGE_LIMITS : platform === "discord" ? DISCORD_MESSAGE_LIMITS : undefined,
    posted,
    calls: () => calls,
    failNext: (...e) => { script.push(...e); },
    post: async (channelId, reply) => {
      calls++;
      const e = script.shift();
      if (e) throw e;
      posted.push({ channelId, reply, text: toPlainText(reply) });
    },
    stop: async () => {},
  };
  return p;
}

/** A runtime over a test app, with instant retries whose waits are recorded. */
export function runtimeFor(app: TestApp, platforms: ChatPlatform[], destinations: Destination[], extra: Partial<DigestRuntime> = {}) {
  const waits: number[] = [];
  const rt: DigestRuntime = {
    repos: app.repos,
    clock: app.desk.clock,
    timeZone: "Asia/Almaty",
    forum: CICA,
    digestTime: "08:30",
    digestTz: "Asia/Almaty",
    platforms,
    destinations: async () => destinations,
    worker: "worker-A",
    retry: { sleep: async (ms) => { waits.push(ms); }, baseMs: 100 },
    ...extra,
  };
  return { rt, waits };
}
