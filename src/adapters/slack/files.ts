/**
 * Files attached to a reply (compilation, matrix picture, calendar) go up with files.uploadV2. Slack has no
 * ephemeral files, so they go where only the asker sees them: the DM the command came from, or else the
 * user's DM with the bot (conversations.open) — never the channel, where observers may read restricted papers.
 */
import type { App } from "@slack/bolt";
import type { RetryOptions } from "../../core/retry.ts";
import type { Reply } from "../../services/reply.ts";
import { callSlack } from "./api.ts";

/** Where the files of a reply to `userId` in `channelId` are uploaded. */
export async function fileChannel(app: App, userId: string, channelId: string | undefined, retry: RetryOptions): Promise<string> {
  if (channelId?.startsWith("D")) return channelId;
  const r = await callSlack(() => app.client.conversations.open({ users: userId }), retry);
  const id = r.channel?.id;
  if (!id) throw new Error("conversations.open returned no channel");
  return id;
}

export async function uploadFiles(app: App, reply: Reply, to: { userId: string; channelId?: string }, retry: RetryOptions): Promise<string> {
  const channel = await fileChannel(app, to.userId, to.channelId, retry);
  await callSlack(() => app.client.filesUploadV2({
    channel_id: channel,
    file_uploads: (reply.files ?? []).map((f) => ({ file: f.data, filename: f.name, title: f.title ?? f.name })),
  } as never), retry);
  return channel;
}
