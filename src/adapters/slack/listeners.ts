/**
 * Bolt listeners: slash commands, buttons, modal submissions and App Home. Each acks before any database
 * work (a modal is opened with the still-fresh trigger_id right after the ack), then runs the desk.
 */
import { createHash } from "node:crypto";
import type { App } from "@slack/bolt";
import type { Desk, Invocation } from "../../core/desk.ts";
import { DeliveryError, type RetryOptions } from "../../core/retry.ts";
import type { Lang } from "../../domain/types.ts";
import { langFrom, translator, type Translator } from "../../i18n/index.ts";
import type { Logger } from "../../log.ts";
import type { Reply } from "../../services/reply.ts";
import { callSlack, postResponse } from "./api.ts";
import { ACTION_PREFIX, MODAL_CALLBACK, modalValues, renderModal, renderPages, type ButtonValue, type ModalMeta, type SlackMessage } from "./blocks.ts";
import { SLACK_LIMITS as L } from "./limits.ts";
import { escapeMrkdwn } from "./escape.ts";
import { uploadFiles } from "./files.ts";

export type ListenerDeps = { desk: Desk; log: Logger; retry: RetryOptions; viewAckBudgetMs: number };

/** Answers worth showing to a whole channel: reads, not writes or private lists. */
const SHAREABLE = new Set(["drafts", "coordinators", "deadlines", "events", "help", "digest", "silence"]);
const PROPOSE = /^(propose|предложить)\b/i;

export function isReadOnly(command: string, text: string): boolean {
  if (!SHAREABLE.has(command)) return false;
  if (command === "events" && PROPOSE.test(text.trim())) return false;
  if (command === "silence" && /^start\b/i.test(text.trim())) return false;
  return true;
}

/** Read-only answers can be re-run to turn a page; so can /withdraw's list of open positions. */
const isPageable = (command: string, text: string) => isReadOnly(command, text) || (command === "withdraw" && !text.trim());

/** Commands given without their long text open a form instead. */
export function wantsModal(command: string, text: string): boolean {
  const t = text.trim();
  if (command === "comment" || command === "object") return t === "";
  if (command === "events") return /^(propose|предложить)$/i.test(t);
  return false;
}

/** Values a form implies without asking (the events form is always a proposal). */
const MODAL_FIXED: Record<string, Record<string, unknown>> = { events: { propose: true } };

const key = (...parts: (string | undefined)[]) => createHash("sha256").update(parts.map((p) => p ?? "").join("\u0000")).digest("hex");

type Target = { userId: string; channelId?: string; responseUrl?: string };

export function registerListeners(app: App, d: ListenerDeps) {
  const { desk, log, retry } = d;
  // A form opens before any database read (trigger_id lasts 3 s), so its language comes from this cache.
  const langs = new Map<string, Lang>();
  const rememberLang = (userId: string, lang: Lang) => {
    if (langs.size > 10_000) langs.clear();
    langs.set(userId, lang);
  };
  const langOf = async (inv: Invocation): Promise<Lang> => {
    try {
      const a = await desk.actorFor(inv);
      const lang = a?.lang ?? langFrom(inv.locale);
      rememberLang(inv.userId, lang);
      return lang;
    } catch {
      return langs.get(inv.userId) ?? "en";
    }
  };

  async function run(inv: Invocation): Promise<{ reply: Reply; t: Translator }> {
    const reply = await desk.run(inv);
    return { reply, t: translator(await langOf(inv)) };
  }

  /** Sends an answer only the user sees: via response_url when there is one, else chat.postEphemeral, else a DM. */
  async function answer(to: Target, msgs: SlackMessage[], replaceOriginal = false): Promise<void> {
    for (const [i, m] of msgs.entries()) {
      if (to.responseUrl && i < L.responseUrlPosts)
        await postResponse(fetch, to.responseUrl, { response_type: "ephemeral", replace_original: replaceOriginal && i === 0, ...m }, retry);
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
      const why = files.map((f) => t("files_failed", { name: f.name, error: (e as Error).message })).join("\n");
      await deliver(to, [{ text: escapeMrkdwn(why), blocks: [{ type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(why) } }] }]);
    }
  }

  const pagesFor = (reply: Reply, t: Translator, command: string, text: string) =>
    renderPages(reply, { t, source: { command, text }, shareable: isReadOnly(command, text) && reply.ephemeral && (reply.status === "ok" || reply.status === "info"), pageable: isPageable(command, text) });

  /** One page with navigation for re-runnable answers; every page, in order, for the rest. */
  const firstOrAll = (pages: SlackMessage[], command: string, text: string, page = 0) =>
    isPageable(command, text) ? [pages[Math.min(Math.max(page, 0), pages.length - 1)]!] : pages;

  async function openModal(command: string, triggerId: string, meta: ModalMeta, lang: Lang): Promise<void> {
    const modal = desk.modalFor(command, lang);
    if (!modal) throw new DeliveryError("no_form");
    const usage = desk.commands.find((c) => c.name === command)?.usage[lang];
    const t = translator(lang);
    // One quick retry at most: the trigger_id expires 3 s after the user's action.
    await callSlack(() => app.client.views.open({ trigger_id: triggerId, view: renderModal(modal, meta, t, usage) as never }), { ...retry, attempts: 2, maxMs: 1000 });
  }

  app.command(/^\/.+/, async ({ command: c, ack, context }) => {
    await ack();
    const name = c.command.replace(/^\//, "").toLowerCase();
    const text = c.text ?? "";
    const to: Target = { userId: c.user_id, channelId: c.channel_id, responseUrl: c.response_url };
    if (wantsModal(name, text)) {
      // A retry's trigger_id has expired and the first delivery already opened the form.
      if (context.retryNum) return;
      const lang = langs.get(c.user_id) ?? "en";
      try {
        await openModal(name, c.trigger_id, { c: name, ch: c.channel_id, r: c.response_url, l: lang }, lang);
        return;
      } catch (e) {
        log.warn("slack modal failed", { command: name, error: e });
        const t = translator(lang);
        const { reply } = await run({ platform: "slack", userId: c.user_id, channelId: c.channel_id, command: name, text });
        const note = renderPages({ ...reply, summary: `${t("slack_modal_failed", { error: (e as Error).message })} ${reply.summary}` }, { t });
        await deliver(to, note);
        return;
      }
    }
    const inv: Invocation = { platform: "slack", userId: c.user_id, channelId: c.channel_id, command: name, text, requestKey: key("slack", c.team_id, c.user_id, name, text, c.trigger_id) };
    const { reply, t } = await run(inv);
    await deliverWithFiles(to, reply, t, (r) => firstOrAll(pagesFor(r, t, name, text), name, text));
  });

  app.action(new RegExp(`^${ACTION_PREFIX}`), async ({ ack, body, action: raw }) => {
    await ack();
    const action = raw as { type: string; action_id: string; action_ts: string; value?: string };
    if (body.type !== "block_actions" || action.type !== "button") return;
    let v: ButtonValue;
    try {
      v = JSON.parse(action.value ?? "") as ButtonValue;
    } catch {
      log.warn("slack button with unreadable value", { action: action.action_id });
      return;
    }
    const userId = body.user.id;
    const channelId = body.channel?.id;
    const fromHome = body.view?.type === "home";
    const to: Target = { userId, channelId: fromHome ? undefined : channelId, responseUrl: (body as { response_url?: string }).response_url };
    const inv: Invocation = { platform: "slack", userId, channelId, command: v.c, text: v.t, requestKey: key("slack-action", body.team?.id, userId, action.action_id, action.value, action.action_ts) };
    const { reply, t } = await run(inv);

    if (v.k === "page") {
      const pages = pagesFor(reply, t, v.c, v.t);
      await deliver(to, [pages[Math.min(v.p, pages.length - 1)]!], true);
      return;
    }
    if (v.k === "share" && channelId && (reply.status === "ok" || reply.status === "info")) {
      const who = body.user.name ?? (body.user as { username?: string }).username ?? userId;
      const pages = renderPages({ ...reply, ephemeral: false, actions: [], blocks: [...reply.blocks, { type: "context", text: t("slack_shared_by", { name: who, command: `${v.c}${v.t ? ` ${v.t}` : ""}` }) }] }, { t });
      try {
        for (const m of pages) await callSlack(() => app.client.chat.postMessage({ channel: channelId, ...m } as never), retry);
      } catch (e) {
        log.warn("slack share failed", { channel: channelId, error: e });
        const why = e instanceof DeliveryError && /not_in_channel|channel_not_found|is_archived/.test(e.message) ? t("slack_not_in_channel") : t("slack_delivery_failed", { error: (e as Error).message });
        await deliver(to, [{ text: escapeMrkdwn(why), blocks: [{ type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(why) } }] }]);
      }
      return;
    }
    await deliverWithFiles(to, reply, t, (r) => firstOrAll(pagesFor(r, t, v.c, v.t), v.c, v.t));
    if (fromHome) await publishHome(userId);
  });

  app.view(new RegExp(`^${MODAL_CALLBACK}:`), async ({ ack, body, view }) => {
    let meta: ModalMeta;
    try {
      meta = JSON.parse(view.private_metadata) as ModalMeta;
    } catch {
      meta = { c: view.callback_id.slice(MODAL_CALLBACK.length + 1), l: "en" };
    }
    const values = modalValues(view.state as never);
    const userId = body.user.id;
    const inv: Invocation = {
      platform: "slack", userId, channelId: meta.ch, command: meta.c, options: { ...MODAL_FIXED[meta.c], ...values },
      // The same form submitted again with the same values (a retry) records once; changed values are a new submission.
      requestKey: key("slack-view", body.team?.id, userId, view.id, JSON.stringify(values)),
    };
    const to: Target = { userId, channelId: meta.ch, responseUrl: meta.r };
    const work = run(inv);
    // Errors must go back in the ack to show in the form, so the work runs first, but never past Slack's 3 s.
    let timer: NodeJS.Timeout | undefined;
    const first = await Promise.race([work, new Promise<"slow">((r) => { timer = setTimeout(() => r("slow"), d.viewAckBudgetMs); })]);
    clearTimeout(timer);
    if (first === "slow") {
      await ack();
      const { reply, t } = await work;
      await deliver(to, renderPages(reply, { t }));
      return;
    }
    const { reply, t } = first;
    if (reply.status === "error") {
      await ack({ response_action: "errors", errors: modalErrors(reply, Object.keys(view.state.values)) });
      return;
    }
    await ack();
    await deliver(to, renderPages(reply, { t }));
  });

  async function publishHome(userId: string): Promise<void> {
    const reply = await desk.dashboard({ platform: "slack", userId });
    const t = translator(await langOf({ platform: "slack", userId, command: "" }));
    const pages = renderPages(reply, { t });
    const blocks = pages.flatMap((p, i) => (i === 0 ? p.blocks : p.blocks.slice(1)));
    try {
      await callSlack(() => app.client.views.publish({ user_id: userId, view: { type: "home", blocks } as never }), retry);
    } catch (e) {
      log.error("slack home publish failed", { user: userId, error: e });
    }
  }

  app.event("app_home_opened", async ({ event }) => {
    if (event.tab && event.tab !== "home") return;
    await publishHome(event.user);
  });
}

/** Field errors keyed by the form's block ids; an error about no field in particular goes on the first one. */
export function modalErrors(reply: Reply, fieldIds: string[]): Record<string, string> {
  const clip = (s: string) => (s.length > 500 ? `${s.slice(0, 499)}…` : s);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(reply.fieldErrors ?? {})) if (fieldIds.includes(k)) out[k] = clip(v);
  if (!Object.keys(out).length && fieldIds[0]) {
    const hints = reply.blocks.flatMap((b) => (b.type === "list" ? b.items : []));
    out[fieldIds[0]] = clip([reply.summary, ...hints.slice(0, 5)].join(" "));
  }
  return out;
}
