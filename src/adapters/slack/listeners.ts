/**
 * Bolt listeners: slash commands, buttons and App Home (forms are in forms.ts). Each acks before any database
 * work (a form is opened with the still-fresh trigger_id right after the ack), then runs the desk. Whether a
 * command only reads, pages or opens a form is the command's own declaration, read through the desk.
 */
import { createHash } from "node:crypto";
import type { App } from "@slack/bolt";
import type { Desk, Invocation } from "../../core/desk.ts";
import { inbound, type Capabilities } from "../../core/adapter.ts";
import { DeliveryError, type RetryOptions } from "../../core/retry.ts";
import type { Lang } from "../../domain/types.ts";
import { langFrom, translator, type Translator } from "../../i18n/index.ts";
import type { Logger } from "../../log.ts";
import type { Reply } from "../../services/reply.ts";
import { callSlack } from "./api.ts";
import { ACTION_PREFIX, renderPages, type ButtonValue, type SlackMessage } from "./blocks.ts";
import type { Inbox } from "../../core/inbox.ts";
import { createResponder, note, type Target } from "./respond.ts";
import { openForm, registerForms } from "./forms.ts";

export { modalErrors } from "./forms.ts";

/** What Slack can do, for the core: everything but suggestions while typing (slash commands have none). */
export const SLACK_CAPABILITIES: Capabilities = { ephemeral: true, share: true, file: true, paginate: true, forms: true, fileInput: true, autocomplete: false };

export type ListenerDeps = { desk: Desk; log: Logger; retry: RetryOptions; viewAckBudgetMs: number; inbox?: Inbox; botToken: string; apiUrl?: string };

const key = (...parts: (string | undefined)[]) => createHash("sha256").update(parts.map((p) => p ?? "").join("\u0000")).digest("hex");

export function registerListeners(app: App, d: ListenerDeps) {
  const { desk, log, retry } = d;
  const core = inbound(desk, SLACK_CAPABILITIES);
  const respond = createResponder(app, log, retry);
  const { deliver, deliverWithFiles } = respond;
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

  /** The pages of an answer: Share when it only reads; one page with navigation when re-running it is harmless, else every page. */
  function pagesOf(inv: Invocation, r: Reply, t: Translator, page = 0): SlackMessage[] {
    const o = core.outcome(inv, r);
    const pages = renderPages(r, { t, source: { command: inv.command, text: inv.text ?? "" }, shareable: o.shareable, pageable: o.pageable });
    return o.pageable ? [pages[Math.min(Math.max(page, 0), pages.length - 1)]!] : pages;
  }

  app.command(/^\/.+/, async ({ command: c, ack, context }) => {
    const name = c.command.replace(/^\//, "").toLowerCase();
    const text = c.text ?? "";
    const to: Target = { userId: c.user_id, channelId: c.channel_id, responseUrl: c.response_url };
    const inv: Invocation = { platform: "slack", userId: c.user_id, channelId: c.channel_id, command: name, text, requestKey: key("slack", c.team_id, c.user_id, name, text, c.trigger_id) };
    // Read from the command's declarations, without the database: the ack and the trigger_id cannot wait.
    const tr = desk.traits(inv);
    const form = !!tr.def && tr.opensForm;
    // Every command Slack sees acked is on disk first, reads included: Slack never retries an acked request, so a
    // read lost to a crash would leave the user with no answer at all. (A form is recorded when it is submitted.)
    const recorded = !form;
    if (recorded) await record(inv, to);
    await ack();
    if (form) {
      // A retry's trigger_id has expired and the first delivery already opened the form.
      if (context.retryNum) return;
      const lang = quickLang(c.user_id);
      try {
        await openForm({ app, retry }, desk.modalFor(name, lang), c.trigger_id, { c: name, ch: c.channel_id, r: c.response_url, l: lang }, lang, tr.def!.usage[lang], tr.prefill);
        return;
      } catch (e) {
        log.warn("slack modal failed", { command: name, error: e });
        const t = translator(lang);
        const { reply } = await run({ platform: "slack", userId: c.user_id, channelId: c.channel_id, command: name, text, locale: await localeOf(c.user_id) });
        await deliver(to, renderPages({ ...reply, summary: `${t("slack_modal_failed", { error: (e as Error).message })} ${reply.summary}` }, { t }));
        return;
      }
    }
    // Asked after the ack: users.info is a network call, and the ack waits for nothing.
    inv.locale = await localeOf(c.user_id);
    const { reply, t } = await run(inv);
    await deliverWithFiles(to, reply, t, (r) => pagesOf(inv, r, t));
    if (recorded) settled(inv);
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
    const inv = core.invocationOf({
      type: "button", command: v.c, text: v.t, who: { platform: "slack", userId, channelId, locale: await localeOf(userId) },
      requestKey: key("slack-action", body.team?.id, userId, action.action_id, action.value, action.action_ts),
    });
    const { reply, t } = await run(inv);

    if (v.k === "page") {
      const pages = renderPages(reply, { t, source: { command: v.c, text: v.t }, shareable: core.outcome(inv, reply).shareable, pageable: true });
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
        await deliver(to, [note(why)]);
      }
      return;
    }
    await deliverWithFiles(to, reply, t, (r) => pagesOf(inv, r, t));
    if (fromHome) await publishHome(userId);
  });

  registerForms({ app, inbound: core, log, retry, viewAckBudgetMs: d.viewAckBudgetMs, botToken: d.botToken, apiUrl: d.apiUrl, respond, run, record, settled, locale: (u) => locales.get(u)?.locale, quickLang });

  // Buttons this app did not make (an old message, another app's) are still acked within Slack's 3 s, and
  // the person is told why nothing happened, instead of Slack's generic error.
  app.action(new RegExp(`^(?!${ACTION_PREFIX})`), async ({ ack, body }) => {
    await ack();
    const b = body as { user?: { id?: string }; channel?: { id?: string }; response_url?: string };
    log.warn("slack unknown action", { type: body.type });
    if (!b.user?.id) return;
    const t = translator(quickLang(b.user.id));
    await deliver({ userId: b.user.id, channelId: b.channel?.id, responseUrl: b.response_url }, [note(t("sec_unknown_action"))]);
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
