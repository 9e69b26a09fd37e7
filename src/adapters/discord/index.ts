import type { Desk } from "../../core/desk.ts";
import type { ChatPlatform } from "../../core/platform.ts";
import type { Logger } from "../../log.ts";

export type DiscordOptions = { desk: Desk; log: Logger; token: string; applicationId: string; guildId?: string; apiUrl?: string };

export async function startDiscord(_o: DiscordOptions): Promise<ChatPlatform> {
  throw new Error("Discord adapter: not implemented yet");
}
