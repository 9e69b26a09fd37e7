/**
 * A platform, as the composition root sees it: its name, its environment variables, and how to start it.
 * Each platform folder has one (`src/adapters/<platform>/module.ts`); `src/platforms.ts` lists them, and
 * nothing else in the bot names a platform. The module itself stays light (zod and a few functions): the
 * client library is imported only inside `start` and `poster`, so a bot that does not run the platform never
 * loads it.
 */
import type { z } from "zod";
import type { Desk } from "./desk.ts";
import type { ChatPlatform } from "./platform.ts";
import type { Inbox } from "./inbox.ts";
import type { FollowUpSender } from "./recover.ts";
import type { HttpServer } from "../http/server.ts";
import type { Logger } from "../log.ts";

/** The environment after src/config.ts has checked it: every variable of the bot and of every platform. */
export type CheckedEnv = Readonly<Record<string, unknown>>;

export type StartOptions = {
  desk: Desk;
  log: Logger;
  env: CheckedEnv;
  /** The durable inbox: commands are recorded here before the platform is acknowledged. */
  inbox: Inbox | undefined;
  /** The shared HTTP listener (health, calendar feeds), for platforms that receive webhooks on it. */
  http: HttpServer | undefined;
  port: number;
  host: string;
  /** Where the leader election's advisory lock is taken (PostgreSQL: one gateway session per token). */
  databaseUrl: string;
};

/** A running platform: the outbound half the digest uses, its follow-up for recovered commands, and readiness. */
export type RunningPlatform = {
  chat: ChatPlatform;
  followUp: FollowUpSender;
  /** For /readyz: connected (or, in a follower process, able to post). */
  ready: () => boolean;
  /** Extra fields for the "running" log line (e.g. the port). */
  info?: Record<string, unknown>;
};

export type PlatformModule = {
  /** Lower-case: the prefix of `/link user <name>:<id>` and of digest destinations `<name>:<channel>`. */
  name: string;
  /** An id in the platform's own form, for messages that show how a reference looks (`slack:U024BE7LH`). */
  exampleUserId: string;
  /** Its environment variables, each with a refusal message that says where to find the value. */
  env: z.ZodRawShape;
  /** Where each credential is found (the Developer Portal, the app's settings …), for the refusals below. */
  where: Readonly<Record<string, string>>;
  /**
   * A platform configured halfway is a mistake, never a request for the console: report each variable that is
   * missing, why it is needed, and the other way out. Called only when its own variables are each well formed;
   * src/config.ts words the refusal ("X is not set but …: set X to <where>, <orElse>").
   */
  checkEnv: (env: CheckedEnv, missing: (variable: string, because: string, orElse: string) => void) => void;
  /** Whether this run should start it (its credentials are set). */
  configured: (env: CheckedEnv) => boolean;
  /**
   * Loads the client library ahead of `start`, so the composition root can overlap that (mostly compiling
   * modules on the main thread) with opening the database (mostly other threads and I/O). Optional.
   */
  preload?: () => Promise<unknown>;
  start: (o: StartOptions) => Promise<RunningPlatform>;
  /** Posting only (`npm run digest -- --send`): no listener on the bot's port, no gateway session when avoidable. */
  poster: (o: Pick<StartOptions, "desk" | "log" | "env">) => Promise<ChatPlatform>;
};
