import type { Desk } from "../../core/desk.ts";
import type { ChatPlatform } from "../../core/platform.ts";
import type { Logger } from "../../log.ts";

export type SlackOptions = { desk: Desk; log: Logger; botToken: string; signingSecret: string; appToken?: string; apiUrl?: string; port: number; host: string };

export async function startSlack(_o: SlackOptions): Promise<ChatPlatform> {
  throw new Error("Slack adapter: not implemented yet");
}
