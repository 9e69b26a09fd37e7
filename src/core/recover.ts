/**
 * Start-up: completes every command the inbox holds without an outcome (a crash between the ack and the
 * answer) and answers it through the platform's follow-up while that still works: Slack's response_url
 * for 30 minutes, Discord's interaction token for 15. Older ones are not carried out; the user is told.
 * Re-running is safe: the invocation keeps its request key, so a write that did commit is not repeated.
 */
import type { Desk } from "./desk.ts";
import type { Inbox, InboxEntry } from "./inbox.ts";
import type { Reply } from "../services/reply.ts";
import type { Logger } from "../log.ts";
import { translator } from "../i18n/index.ts";
import { langFrom } from "../i18n/index.ts";

/** A platform's way to answer a recorded command after a restart. */
export type FollowUpSender = {
  /** How long the follow-up route stays valid after the command arrived. */
  windowMs: number;
  answer: (e: InboxEntry, reply: Reply) => Promise<void>;
  /** Tells the user the command expired (a direct message: the follow-up route is gone). */
  expired: (e: InboxEntry, text: string) => Promise<void>;
};

export async function recoverInbox(o: { inbox: Inbox; desk: Desk; senders: Readonly<Record<string, FollowUpSender>>; now?: () => number; log: Logger }): Promise<{ answered: number; expired: number; failed: number }> {
  const now = o.now ?? Date.now;
  const out = { answered: 0, expired: 0, failed: 0 };
  for (const e of o.inbox.pending()) {
    const sender = o.senders[e.reply.platform];
    if (!sender) continue; // that platform is not configured in this run: keep the entry for a run that has it
    try {
      if (now() - e.at > sender.windowMs) {
        const actor = await o.desk.actorFor(e.inv).catch((err: unknown) => { o.log.warn("inbox: identity unreadable, answering in the platform language", { key: e.key, error: err }); return undefined; });
        const t = translator(actor?.lang ?? langFrom(e.inv.locale));
        await sender.expired(e, t("inbox_expired", { command: `/${e.inv.command}`, at: new Date(e.at).toISOString().replace("T", " ").slice(0, 16) + " UTC" }));
        out.expired++;
      } else {
        const reply = await o.desk.run(e.inv);
        const t = translator(reply.lang ?? "en");
        await sender.answer(e, { ...reply, blocks: [...reply.blocks, { type: "context", text: t("inbox_recovered") }] });
        out.answered++;
      }
      o.inbox.done(e.key);
    } catch (err) {
      out.failed++;
      o.log.error("inbox recovery failed", { key: e.key, command: e.inv.command, error: err });
    }
  }
  await o.inbox.compact();
  if (out.answered || out.expired || out.failed) o.log.warn("inbox recovered", out);
  return out;
}
