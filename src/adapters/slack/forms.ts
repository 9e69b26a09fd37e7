/**
 * Slack forms: opening a command's modal (prefilled with what was typed) and taking its submission,
 * including files from a `file_input` field, fetched with the bot token (files.info, then url_private).
 * Which command has a form, when it opens and what it fixes is declared in commands/, read via the desk.
 */
import { createHash } from "node:crypto";
import type { App } from "@slack/bolt";
import type { Invocation } from "../../core/desk.ts";
import type { Inbound } from "../../core/adapter.ts";
import { DeliveryError, type RetryOptions } from "../../core/retry.ts";
import type { Lang } from "../../domain/types.ts";
import { translator, type Translator } from "../../i18n/index.ts";
import type { Logger } from "../../log.ts";
import { errorReply, type ModalRequest, type Reply } from "../../services/reply.ts";
import { callSlack } from "./api.ts";
import { MODAL_CALLBACK, modalFiles, modalValues, renderModal, renderPages, type ModalMeta } from "./blocks.ts";
import { SLACK_LIMITS as L } from "./limits.ts";
import { defuseTokens } from "./escape.ts";
import type { createResponder, Target } from "./respond.ts";

export type FormDeps = {
  app: App;
  inbound: Inbound;
  log: Logger;
  retry: RetryOptions;
  viewAckBudgetMs: number;
  botToken: string;
  /** The Web API base (a proxy or the test fake): the only host besides Slack's file host that gets the token. */
  apiUrl?: string;
  respond: ReturnType<typeof createResponder>;
  run: (inv: Invocation) => Promise<{ reply: Reply; t: Translator }>;
  record: (inv: Invocation, to: Target) => Promise<void>;
  settled: (inv: Invocation) => void;
  locale: (userId: string) => string | undefined;
  quickLang: (userId: string) => Lang;
};

const key = (...parts: (string | undefined)[]) => createHash("sha256").update(parts.map((p) => p ?? "").join("\u0000")).digest("hex");

/** Opens a form with a still-fresh trigger_id: one quick retry at most (it expires 3 s after the user's action). */
export async function openForm(d: Pick<FormDeps, "app" | "retry">, modal: ModalRequest | undefined, triggerId: string, meta: ModalMeta, lang: Lang, usage?: string, prefill: Record<string, string> = {}): Promise<void> {
  if (!modal) throw new DeliveryError("no_form");
  const view = renderModal(modal, meta, translator(lang), usage, prefill);
  await callSlack(() => d.app.client.views.open({ trigger_id: triggerId, view: view as never }), { ...d.retry, attempts: 2, maxMs: 1000 });
}

/** Only Slack's own file host, or the configured API's host, is sent the bot token. */
function trusted(url: string, apiUrl?: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === "https:" && /(^|\.)slack(-files)?\.com$/.test(u.hostname)) return true;
    return !!apiUrl && u.origin === new URL(apiUrl).origin;
  } catch {
    return false;
  }
}

/** Downloads the files of a form's file inputs: files.info for the private URL, then the bytes with the bot token. */
export async function downloadFiles(d: Pick<FormDeps, "app" | "retry" | "botToken" | "apiUrl">, ids: Record<string, string>): Promise<Invocation["files"]> {
  const out: NonNullable<Invocation["files"]> = {};
  for (const [field, id] of Object.entries(ids)) {
    const info = await callSlack(() => d.app.client.files.info({ file: id }), d.retry);
    const f = info.file as { name?: string; size?: number; url_private_download?: string; url_private?: string } | undefined;
    const url = f?.url_private_download ?? f?.url_private;
    if (!f || !url) throw new Error("file_not_found");
    if ((f.size ?? 0) > L.fileInputBytes) throw new Error(`too large (${f.size} bytes)`);
    if (!trusted(url, d.apiUrl)) throw new Error("untrusted file URL");
    const res = await fetch(url, { headers: { Authorization: `Bearer ${d.botToken}` } });
    if (!res.ok) throw new Error(`download ${res.status}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (bytes.length > L.fileInputBytes) throw new Error(`too large (${bytes.length} bytes)`);
    out[field] = { name: f.name ?? `${id}.txt`, data: bytes.toString("base64") };
  }
  return Object.keys(out).length ? out : undefined;
}

export function registerForms(d: FormDeps) {
  const { app, log } = d;

  app.view(new RegExp(`^${MODAL_CALLBACK}:`), async ({ ack, body, view }) => {
    let meta: ModalMeta;
    try {
      meta = JSON.parse(view.private_metadata) as ModalMeta;
    } catch {
      log.warn("slack modal with unreadable metadata, command taken from its callback id", { callback: view.callback_id });
      meta = { c: view.callback_id.slice(MODAL_CALLBACK.length + 1), l: "en" };
    }
    const state = view.state as never;
    const values = modalValues(state);
    const fileIds = modalFiles(state);
    const userId = body.user?.id;
    if (!userId) {
      await ack();
      log.warn("slack form without a user", { callback: view.callback_id });
      return;
    }
    const inv: Invocation = d.inbound.invocationOf({
      type: "form_submit", command: meta.c, values, who: { platform: "slack", userId, channelId: meta.ch, locale: d.locale(userId) },
      // The same form submitted again with the same values (a retry) records once; changed values are a new submission.
      requestKey: key("slack-view", body.team?.id, userId, view.id, JSON.stringify(values), JSON.stringify(fileIds)),
    });
    const to: Target = { userId, channelId: meta.ch, responseUrl: meta.r };
    const withFiles = Object.keys(fileIds).length > 0;
    if (!withFiles) await d.record(inv, to);
    // Files are fetched inside the work, so a slow download is still bounded by the ack budget below; such a
    // submission is recorded once its files are in (a replay without them could not run).
    const work = (async () => {
      if (withFiles) {
        try {
          inv.files = await downloadFiles(d, fileIds);
        } catch (e) {
          log.warn("slack form file fetch failed", { command: meta.c, error: e });
          const t = translator(meta.l ?? d.quickLang(userId));
          const why = t("slack_file_fetch_failed", { error: (e as Error).message });
          return { reply: errorReply(why, [], { fieldErrors: Object.fromEntries(Object.keys(fileIds).map((k) => [k, why])) }), t };
        }
        await d.record(inv, to);
      }
      return d.run(inv);
    })();
    // Errors must go back in the ack to show in the form, so the work runs first, but never past Slack's 3 s.
    let timer: NodeJS.Timeout | undefined;
    const first = await Promise.race([work, new Promise<"slow">((r) => { timer = setTimeout(() => r("slow"), d.viewAckBudgetMs); })]);
    clearTimeout(timer);
    if (first === "slow") {
      await ack();
      const { reply, t } = await work;
      await d.respond.deliver(to, renderPages(reply, { t }));
      d.settled(inv);
      return;
    }
    const { reply, t } = first;
    const errors = reply.status === "error" ? modalErrors(reply, Object.keys(view.state?.values ?? {})) : {};
    if (Object.keys(errors).length) {
      await ack({ response_action: "errors", errors });
      d.settled(inv);
      return;
    }
    await ack();
    await d.respond.deliver(to, renderPages(reply, { t }));
    d.settled(inv);
  });

  // Forms this app did not make (another app's view) are still acked within Slack's 3 s, with a reason.
  app.view(new RegExp(`^(?!${MODAL_CALLBACK}:)`), async ({ ack, body, view }) => {
    const userId = body.user?.id;
    const t = translator(userId ? d.quickLang(userId) : "en");
    const first = Object.keys(view.state?.values ?? {})[0];
    log.warn("slack unknown form", { callback: view.callback_id });
    if (body.type === "view_submission" && first) await ack({ response_action: "errors", errors: { [first]: t("sec_unknown_form") } } as never);
    else await ack();
  });
}

/**
 * Field errors keyed by the form's block ids; an error about no field in particular goes on the first one.
 * Error texts echo what was typed, so Slack's mention and link tokens in them are defused.
 */
export function modalErrors(reply: Reply, fieldIds: string[]): Record<string, string> {
  const clip = (s: string) => { const x = defuseTokens(s); return x.length > 500 ? `${x.slice(0, 499)}…` : x; };
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(reply.fieldErrors ?? {})) if (fieldIds.includes(k)) out[k] = clip(v);
  if (!Object.keys(out).length && fieldIds[0]) {
    const hints = reply.blocks.flatMap((b) => (b.type === "list" ? b.items : []));
    out[fieldIds[0]] = clip([reply.summary, ...hints.slice(0, 5)].join(" "));
  }
  return out;
}
