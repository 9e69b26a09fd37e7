/**
 * Getting an answer to a Slack user: the ephemeral routes in order (response_url, chat.postEphemeral, a DM),
 * each falling back to the next, and files after the text. Used by the command, button and form listeners.
 */
import type { App } from "@slack/bolt";
import type { RetryOptions } from "../../core/retry.ts";
import type { Translator } from "../../i18n/index.ts";
import type { Logger } from "../../log.ts";
import type { Reply } from "../../services/reply.ts";
import { callSlack, postResponse } from "./api.ts";
import type { SlackMessage } from "./blocks.ts";
import { SLACK_LIMITS as L } from "./limits.ts";
import { escapeMrkdwn } from "./escape.ts";
import { uploadFiles } from "./files.ts";

export type Target = { userId: string; channelId?: string; responseUrl?: string };

/** A one-section message of plain text (escaped). */
export const note = (text: string): SlackMessage => ({ text: escapeMrkdwn(text), blocks: [{ type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(text) } }] });

export function createResponder(app: App, log: Logger, retry: RetryOptions) {
  /** Sends an answer only the user sees: via response_url when there is one, else chat.postEphemeral, else a DM. */
  async function answer(to: Target, msgs: SlackMessage[], replaceOriginal = false): Promise<void> {
    for (const [i, m] of msgs.entries()) {
      if (to.responseUrl && i < L.responseUrlPosts)
        await postResponse(to.responseUrl, { response_type: "ephemeral", replace_original: replaceOriginal && i === 0, ...m }, retry);
      else if (to.channelId) await callSlack(() => app.client.chat.postEphemeral({ channel: to.channelId!, user: to.userId, ...m } as never), retry);
      else await callSlack(() => app.client.chat.postMessage({ channel: to.userId, ...m } as never), retry);
    }
  }

  /**
   * A failed route falls back to the next one (an expired response_url after a long form, a channel the bot is not
   * in), so the answer still reaches the user; only when every route fails is it dropped, and then it is logged.
   */
  async function deliver(to: Target, msgs: SlackMessage[], replaceOriginal = false) {
    const routes: Target[] = [to];
    if (to.responseUrl && to.channelId) routes.push({ userId: to.userId, channelId: to.channelId });
    if (to.responseUrl || to.channelId) routes.push({ userId: to.userId });
    for (const [i, route] of routes.entries()) {
      try {
        await answer(route, msgs, replaceOriginal && i === 0);
        return;
      } catch (e) {
        log.error("slack answer failed", { user: to.userId, channel: to.channelId, route: route.responseUrl ? "response_url" : route.channelId ? "ephemeral" : "dm", error: e });
      }
    }
  }

  /** The answer's text first (with a pointer to the DM), then its files; a failed upload is reported, not dropped. */
  async function deliverWithFiles(to: Target, reply: Reply, t: Translator, msgs: (r: Reply) => SlackMessage[]) {
    const files = reply.files ?? [];
    const elsewhere = files.length && !to.channelId?.startsWith("D");
    const shown = elsewhere ? { ...reply, blocks: [...reply.blocks, ...files.map((f) => ({ type: "context" as const, text: t("files_sent_dm", { name: f.name }) }))] } : reply;
    await deliver(to, msgs(shown));
    if (!files.length) return;
    try {
      await uploadFiles(app, reply, to, retry);
    } catch (e) {
      log.error("slack file upload failed", { user: to.userId, files: files.map((f) => f.name), error: e });
      await deliver(to, [note(files.map((f) => t("files_failed", { name: f.name, error: (e as Error).message })).join("\n"))]);
    }
  }

  return { deliver, deliverWithFiles };
}
