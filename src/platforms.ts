/**
 * The platforms this build can run besides the console, part of the composition root (src/main.ts, and the
 * entry points in src/cli/ and scripts/ that need the configuration). Adding a platform is its folder
 * `src/adapters/<platform>/` with a `module.ts` (src/core/platform-module.ts) and one line here: its
 * variables join the configuration (src/config.ts), its name is accepted by `/link user` and digest
 * destinations, and src/main.ts starts it when configured.
 */
import type { PlatformModule } from "./core/platform-module.ts";
import type { KnownPlatform } from "./services/context.ts";
import { slack } from "./adapters/slack/module.ts";
import { discord } from "./adapters/discord/module.ts";

export const PLATFORM_MODULES: readonly PlatformModule[] = [slack, discord];

/** The console is always there (src/adapters/console): it needs no credentials. */
export const CONSOLE = "console";
export const PLATFORM_NAMES: readonly string[] = [...PLATFORM_MODULES.map((m) => m.name), CONSOLE];
/** What the desk is told (Settings.platforms): the names `/link user` and `/digest to` accept, with an example id each. */
export const KNOWN_PLATFORMS: readonly KnownPlatform[] = [...PLATFORM_MODULES.map((m) => ({ name: m.name, exampleUserId: m.exampleUserId })), { name: CONSOLE, exampleUserId: "name" }];
