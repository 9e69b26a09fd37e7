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
import { defuseTokens, escapeMrkdwn } from "./escape.ts";
import type { Inbox } from "../../core/inbox.ts";
import { uploadFiles } from "./files.ts";

export type ListenerDeps = { desk: Desk; log: Logger; retry: RetryOptions; viewAckBudgetMs: number; inbox?: Inbox };

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
      const lang = a?.lang ?? (await desk.languageOf(inv));
      rememberLang(inv.userId, lang);
      return lang;
    } catch (e) {
      log.warn("slack: language unreadable, using the last known", { user: inv.userId, error: e });
      return langs.get(inv.userId) ?? "en";
    }
  };

  // The Slack locale (users.info, include_locale) decides the language of someone who has not chosen one
  // with /lang; it is asked once per user and cached, and a failure just means English for now.
  const locales = new Map<string, { locale?: string; at: number }>();
  const LOCALE_TTL_MS = 6 * 3600_000;
  async function localeOf(userId: string): Promise<string | undefined> {
    const hit = locales.get(userId);
    if (hit && Date.now() - hit.at < LOCALE_TTL_MS) return hit.locale;
    try {
      const r = await callSlack(() => app.client.users.info({ user: userId, include_locale: true }), { ...retry, attempts: 1 });
      if (locales.size > 10_000) locales.clear();
      locales.set(userId, { locale: (r.user as { locale?: string } | undefined)?.locale, at: Date.now() });
    } catch (e) {
      log.warn("slack users.info failed", { user: userId, error: e });
      locales.set(userId, { locale: hit?.locale, at: Date.now() - LOCALE_TTL_MS + 60_000 });
    }
    return locales.get(userId)?.locale;
  }
  /** The language for a form opened before any database read: the last one seen, else the cached locale. */
  const quickLang = (userId: string): Lang => langs.get(userId) ?? langFrom(locales.get(userId)?.locale);

  /** One identity read per command: the desk's reply says which language it chose. */
  async function run(inv: Invocation): Promise<{ reply: Reply; t: Translator }> {
    const reply = await desk.run(inv);
    const lang = reply.lang ?? langFrom(inv.locale);
    rememberLang(inv.userId, lang);
    return { reply, t: translator(lang) };
  }

  /**
   * Appends a command that may write to the durable inbox (fsync'd off the event loop) before Slack is
   * acked; a crash after the ack is then completed on restart. A failing inbox is logged, not fatal.
   */
  async function record(inv: Invocation, to: Target): Promise<void> {
    if (!d.inbox || !inv.requestKey) return;
    try {
      await d.inbox.record({ key: inv.requestKey, at: Date.now(), inv, reply: { platform: "slack", responseUrl: to.responseUrl, userId: to.userId, channelId: to.channelId } });
    } catch (e) {
      log.error("inbox append failed", { command: inv.command, error: e });
    }
  }
  const settled = (inv: Invocation) => { if (inv.requestKey) d.inbox?.done(inv.requestKey); };

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
    const name = c.command.replace(/^\//, "").toLowerCase();
    const text = c.text ?? "";
    const to: Target = { userId: c.user_id, channelId: c.channel_id, responseUrl: c.response_url };
    const modal = wantsModal(name, text);
    const inv: Invocation = { platform: "slack", userId: c.user_id, channelId: c.channel_id, command: name, text, requestKey: key("slack", c.team_id, c.user_id, name, text, c.trigger_id) };
    const write = !modal && !isReadOnly(name, text);
    if (write) await record(inv, to);
    await ack();
    if (modal) {
      // A retry's trigger_id has expired and the first delivery already opened the form.
      if (context.retryNum) return;
      const lang = quickLang(c.user_id);
      try {
        await openModal(name, c.trigger_id, { c: name, ch: c.channel_id, r: c.response_url, l: lang }, lang);
        return;
      } catch (e) {
        log.warn("slack modal failed", { command: name, error: e });
        const t = translator(lang);
        const { reply } = await run({ platform: "slack", userId: c.user_id, channelId: c.channel_id, command: name, text, locale: await localeOf(c.user_id) });
        const note = renderPages({ ...reply, summary: `${t("slack_modal_failed", { error: (e as Error).message })} ${reply.summary}` }, { t });
        await deliver(to, note);
        return;
      }
    }
    // Asked after the ack: users.info is a network call, and the ack waits for nothing.
    inv.locale = await localeOf(c.user_id);
    const { reply, t } = await run(inv);
    await deliverWithFiles(to, reply, t, (r) => firstOrAll(pagesFor(r, t, name, text), name, text));
    if (write) settled(inv);
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
    const userId = body.user?.id;
    if (!userId) {
      log.warn("slack button without a user", { action: action.action_id });
      return;
    }
    const channelId = body.channel?.id;
    const fromHome = body.view?.type === "home";
    const to: Target = { userId, channelId: fromHome ? undefined : channelId, responseUrl: (body as { response_url?: string }).response_url };
    const inv: Invocation = { platform: "slack", userId, channelId, locale: await localeOf(userId), command: v.c, text: v.t, requestKey: key("slack-action", body.team?.id, userId, action.action_id, action.value, action.action_ts) };
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
      log.warn("slack modal with unreadable metadata, command taken from its callback id", { callback: view.callback_id });
      meta = { c: view.callback_id.slice(MODAL_CALLBACK.length + 1), l: "en" };
    }
    const values = modalValues(view.state as never);
    const userId = body.user?.id;
    if (!userId) {
      await ack();
      log.warn("slack form without a user", { callback: view.callback_id });
      return;
    }
    const inv: Invocation = {
      platform: "slack", userId, channelId: meta.ch, locale: locales.get(userId)?.locale, command: meta.c, options: { ...(Object.hasOwn(MODAL_FIXED, meta.c) ? MODAL_FIXED[meta.c] : {}), ...values },
      // The same form submitted again with the same values (a retry) records once; changed values are a new submission.
      requestKey: key("slack-view", body.team?.id, userId, view.id, JSON.stringify(values)),
    };
    const to: Target = { userId, channelId: meta.ch, responseUrl: meta.r };
    await record(inv, to);
    const work = run(inv);
    // Errors must go back in the ack to show in the form, so the work runs first, but never past Slack's 3 s.
    let timer: NodeJS.Timeout | undefined;
    const first = await Promise.race([work, new Promise<"slow">((r) => { timer = setTimeout(() => r("slow"), d.viewAckBudgetMs); })]);
    clearTimeout(timer);
    if (first === "slow") {
      await ack();
      const { reply, t } = await work;
      await deliver(to, renderPages(reply, { t }));
      settled(inv);
      return;
    }
    const { reply, t } = first;
    const errors = reply.status === "error" ? modalErrors(reply, Object.keys(view.state?.values ?? {})) : {};
    if (Object.keys(errors).length) {
      await ack({ response_action: "errors", errors });
      settled(inv);
      return;
    }
    await ack();
    await deliver(to, renderPages(reply, { t }));
    settled(inv);
  });

  // Buttons and forms this app did not make (an old message, another app's view) are still acked within
  // Slack's 3 s, and the person is told why nothing happened, instead of Slack's generic error.
  app.action(new RegExp(`^(?!${ACTION_PREFIX})`), async ({ ack, body }) => {
    await ack();
    const b = body as { user?: { id?: string }; channel?: { id?: string }; response_url?: string };
    log.warn("slack unknown action", { type: body.type });
    if (!b.user?.id) return;
    const t = translator(quickLang(b.user.id));
    const text = escapeMrkdwn(t("sec_unknown_action"));
    await deliver({ userId: b.user.id, channelId: b.channel?.id, responseUrl: b.response_url }, [{ text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] }]);
  });
  app.view(new RegExp(`^(?!${MODAL_CALLBACK}:)`), async ({ ack, body, view }) => {
    const userId = body.user?.id;
    const t = translator(userId ? quickLang(userId) : "en");
    const first = Object.keys(view.state?.values ?? {})[0];
    log.warn("slack unknown form", { callback: view.callback_id });
    if (body.type === "view_submission" && first) await ack({ response_action: "errors", errors: { [first]: t("sec_unknown_form") } } as never);
    else await ack();
  });

  async function publishHome(userId: string): Promise<void> {
    const locale = await localeOf(userId);
    const reply = await desk.dashboard({ platform: "slack", userId, locale });
    const t = translator(await langOf({ platform: "slack", userId, locale, command: "" }));
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

/**
 * Field errors keyed by the form's block ids; an error about no field in particular goes on the first one.
 * Error texts echo what was typed, so Slack's mention and link tokens in them are defused.
 */
export function modalErrors(reply: Reply, fieldIds: string[]): Record<string, string> {
  const clip = (s: string) => { const d = defuseTokens(s); return d.length > 500 ? `${d.slice(0, 499)}…` : d; };
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(reply.fieldErrors ?? {})) if (fieldIds.includes(k)) out[k] = clip(v);
  if (!Object.keys(out).length && fieldIds[0]) {
    const hints = reply.blocks.flatMap((b) => (b.type === "list" ? b.items : []));
    out[fieldIds[0]] = clip([reply.summary, ...hints.slice(0, 5)].join(" "));
  }
  return out;
}
