/**
 * Interaction handling: translate a discord.js interaction into an Invocation, answer exactly once
 * (reply, or defer then edit), and never let a failure pass silently.
 */
import { AttachmentBuilder, MessageFlags } from "discord.js";
import type {
  AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction, ModalSubmitInteraction,
  RepliableInteraction, InteractionReplyOptions,
} from "discord.js";
import type { Desk, Invocation } from "../../core/desk.ts";
import { inbound, type Capabilities } from "../../core/adapter.ts";
import type { CommandDef } from "../../core/command.ts";
import type { Reply } from "../../services/reply.ts";
import { langFrom, translator, type Translator } from "../../i18n/index.ts";
import type { Logger } from "../../log.ts";
import { renderPages } from "./embeds.ts";
import { buttonRows, decodeAction, decodeModal, decodePage, decodeShare, modalJSON, modalValues, type ClickRun } from "./components.ts";
import { DEFER_AFTER_MS, LIMITS, PAGES_KEPT } from "./limits.ts";
import type { Inbox } from "../../core/inbox.ts";

/** What Discord can do, for the core: everything; files come in as attachment options (its forms take none). */
export const DISCORD_CAPABILITIES: Capabilities = { ephemeral: true, share: true, file: true, paginate: true, forms: true, fileInput: true, autocomplete: true };

export const NO_PINGS = { parse: [] as [] };

type Who = Omit<Invocation, "command">;

/** Who is asking, as the desk needs it: member roles feed the Secretariat's role → delegation mapping. */
export function whoOf(i: Interaction): Who {
  const m = i.member;
  const roleIds = !m ? [] : Array.isArray(m.roles) ? (m.roles as string[]) : [...m.roles.cache.keys()].filter((id) => id !== i.guildId);
  return { platform: "discord", userId: i.user.id, channelId: i.channelId ?? undefined, roleIds, locale: i.locale };
}

/** How long page and Share buttons keep working; their state is in the database, so a restart does not end them. */
export const COMPONENT_STATE_TTL_MS = 24 * 3600_000;


export type HandlerOptions = { desk: Desk; log: Logger; deferAfterMs?: number; inbox?: Inbox; applicationId?: string };

export function createInteractionHandler(o: HandlerOptions) {
  const { desk, log } = o;
  const core = inbound(desk, DISCORD_CAPABILITIES);
  /** Answers worth showing to a whole channel: those of commands that declare they only read (as on Slack). */
  const isShareable = (command: string, options: Record<string, unknown> | undefined, r: Reply) => core.outcome({ platform: "discord", userId: "", command, options: options ?? {} }, r).shareable;
  const deferAfter = o.deferAfterMs ?? DEFER_AFTER_MS;
  const longIds = new Map<string, string>();
  let stashN = 0;
  const stash = (id: string) => {
    const key = `k${(stashN++).toString(36)}`;
    longIds.set(key, id);
    if (longIds.size > PAGES_KEPT) longIds.delete(longIds.keys().next().value!);
    return `a|k|${key}`;
  };

  /** The message body for page `page` of a reply, with Previous/Next when it has pages and Share when it may be shared. */
  function body(r: Reply, t: Translator, key: string, page = 0, shareable = false) {
    const embeds = renderPages(r, t);
    const p = Math.min(Math.max(page, 0), embeds.length - 1);
    const share = shareable ? { key, label: t("sec_share") } : undefined;
    const components = buttonRows(r.actions ?? [], embeds.length > 1 ? { key, page: p, total: embeds.length } : undefined, t, stash, share);
    // Files ride on the (ephemeral) answer itself as attachments: only the asker sees them.
    const files = (r.files ?? []).map((f) => new AttachmentBuilder(f.data, { name: f.name, description: f.title?.slice(0, 1024) }));
    return { embeds: [embeds[p]!], components, allowedMentions: NO_PINGS, ...(files.length ? { files } : {}) };
  }

  /**
   * Keeps what the page and Share buttons need in the database (issue 9, item 2): the reply and who asked.
   * A click is honoured only for that person, and it works after a restart. Written while the answer goes
   * out, so no acknowledgement waits for the database; a click that comes first waits for the write (ownState).
   */
  const keeping = new Map<string, Promise<void>>();
  function keep(key: string, who: Who, command: string, r: Reply): Promise<void> {
    const p = desk.repos.components.put(key, { platform: "discord", userId: who.userId, command, reply: r }, new Date())
      .catch((e: unknown) => log.error("discord component state not kept", { key, error: e }))
      .finally(() => keeping.delete(key));
    keeping.set(key, p);
    return p;
  }

  /** The stored state of a page or Share button, if it is the clicker's own and still fresh; otherwise the refusal to show. */
  async function ownState(i: ButtonInteraction, key: string, t: Translator) {
    await keeping.get(key);
    const stored = await desk.repos.components.get(key);
    if (!stored || Date.now() - stored.createdAt.getTime() > COMPONENT_STATE_TTL_MS) return { refusal: t("dc_pages_expired") };
    if (stored.platform !== "discord" || stored.userId !== i.user.id) {
      log.warn("discord button of another user refused", { key, owner: stored.userId, clicker: i.user.id });
      return { refusal: t("sec_not_yours") };
    }
    return { stored: { ...stored, reply: stored.reply as Reply } };
  }

  /** Replies in the user's language: the desk already chose it, so read it back from the actor. */
  async function tFor(who: Who): Promise<Translator> {
    const lang = await desk.languageOf(who).catch((e: unknown) => { log.warn("discord: language unreadable, using the locale", { user: who.userId, error: e }); return langFrom(who.locale); });
    return translator(lang);
  }

  /**
   * Runs an invocation. One that may write is first appended to the durable inbox and the interaction
   * deferred (the ack), so a crash before the answer is completed on restart through the follow-up webhook.
   */
  async function runInv(i: RepliableInteraction, inv: Invocation): Promise<Reply> {
    if (o.inbox && o.applicationId && inv.requestKey && !desk.traits(inv).readOnly) {
      try {
        await o.inbox.record({ key: inv.requestKey, at: Date.now(), inv, reply: { platform: "discord", applicationId: o.applicationId, token: i.token, userId: i.user.id } });
      } catch (e) {
        log.error("inbox append failed", { command: inv.command, error: e });
      }
      await i.deferReply({ flags: MessageFlags.Ephemeral });
    }
    return desk.run(inv);
  }

  /**
   * Answers with the result of `work`: directly when it is quick, otherwise defer first (Discord gives
   * 3 s for the first response) and edit the deferred reply. Exactly one initial response either way.
   */
  async function answer(i: RepliableInteraction, work: Promise<Reply>, who: Who, command?: string, options?: Record<string, unknown>, key?: string) {
    const lang = tFor(who);
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<undefined>((res) => (timer = setTimeout(() => res(undefined), deferAfter)));
    const quick = await Promise.race([work, slow]);
    clearTimeout(timer);
    if (!quick && !i.deferred) await i.deferReply({ flags: MessageFlags.Ephemeral });
    const r = quick ?? (await work);
    // One identity read per command: the desk's reply says which language it chose.
    const t = r.lang ? translator(r.lang) : await lang;
    const shareable = !!command && isShareable(command, options, r);
    const b = body(r, t, i.id, 0, shareable);
    // The buttons' state is written while the answer goes out, not before it: no answer waits for the database,
    // and a click that comes before the write has finished waits for it (ownState) instead of finding nothing.
    const kept = command && (shareable || renderPages(r, t).length > 1) ? keep(i.id, who, command, r) : undefined;
    if (i.deferred) await i.editReply(b);
    else await i.reply({ ...b, flags: r.ephemeral ? MessageFlags.Ephemeral : undefined } as InteractionReplyOptions);
    await kept;
    if (key) o.inbox?.done(key);
  }

  const optionsOf = (i: ChatInputCommandInteraction | AutocompleteInteraction) =>
    Object.fromEntries(i.options.data.filter((x) => x.value !== undefined && x.value !== "" && !x.attachment).map((x) => [x.name, x.value]));

  /** Attachments given to the command's file options, downloaded from Discord's CDN; a failed download is the user's error to retry. */
  async function filesOf(i: ChatInputCommandInteraction, def: CommandDef | undefined): Promise<Invocation["files"]> {
    const out: NonNullable<Invocation["files"]> = {};
    for (const o of def?.options.filter((x) => x.type === "file") ?? []) {
      const a = i.options.getAttachment(o.name);
      if (!a) continue;
      if (a.size > LIMITS.attachmentBytes) throw new Error(`attachment too large: ${a.size}`);
      const res = await fetch(a.url);
      if (!res.ok) throw new Error(`attachment download failed: ${res.status}`);
      out[o.name] = { name: a.name, data: Buffer.from(await res.arrayBuffer()).toString("base64") };
    }
    return Object.keys(out).length ? out : undefined;
  }

  async function onCommand(i: ChatInputCommandInteraction) {
    const who = whoOf(i);
    const def = desk.command(i.commandName);
    const opts = optionsOf(i);
    // An attached file counts as given (it is the command's text): the declaration decides whether a form opens.
    const attached = Object.fromEntries(i.options.data.filter((x) => !!x.attachment).map((x) => [x.name, { name: x.attachment!.name, data: "" }]));
    // A modal must be the first response, so it is decided from a quick identity read (access included), before any real work.
    const form = def ? await core.formFor({ ...who, command: def.name, options: opts, files: attached }) : undefined;
    if (form) {
      await i.showModal(modalJSON(form.modal, form.prefill, translator(form.lang)));
      return;
    }
    // The download runs inside the answered work, so a slow CDN still gets the interaction deferred in time.
    const work = (def?.options.some((x) => x.type === "file") ? filesOf(i, def) : Promise.resolve(undefined))
      .then((files) => runInv(i, { ...who, command: i.commandName, options: def ? opts : undefined, files, requestKey: i.id }));
    await answer(i, work, who, def?.name, opts, i.id);
  }

  async function onModal(i: ModalSubmitInteraction) {
    const who = whoOf(i);
    const command = decodeModal(i.customId);
    if (!command) return answer(i, Promise.resolve(desk.reply(translator(langFrom(i.locale))("dc_button_unknown"))), who);
    const raw: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [id, f] of i.fields.fields) {
      const v = "value" in f ? f.value : "values" in f ? (f.values as string[] | undefined)?.[0] : undefined;
      if (typeof v === "string") raw[id] = v;
    }
    const actor = await desk.actorFor({ ...who, command });
    const values = modalValues(desk.modalFor(command, actor?.lang ?? langFrom(i.locale)), raw);
    const filled: Record<string, unknown> = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    // The command's fixed values (declared with its form) are added by the core.
    const inv = core.invocationOf({ type: "form_submit", command, values: filled, who, requestKey: i.id });
    await answer(i, runInv(i, inv), who, command, inv.options, i.id);
  }

  async function onButton(i: ButtonInteraction) {
    const who = whoOf(i);
    const nav = decodePage(i.customId);
    if (nav) {
      const t = await tFor(who);
      const own = await ownState(i, nav.key, t);
      if (!own.stored) return i.reply({ content: own.refusal, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      const r = own.stored.reply;
      // Turning a page keeps the attachments already on the message.
      return i.update(body({ ...r, files: undefined }, t, nav.key, nav.page, isShareable(own.stored.command, undefined, r)));
    }
    const shared = decodeShare(i.customId);
    if (shared) {
      const t = await tFor(who);
      const own = await ownState(i, shared, t);
      if (!own.stored) return i.reply({ content: own.refusal, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      const r = own.stored.reply;
      const name = i.user.globalName ?? i.user.username;
      const pages = renderPages({ ...r, ephemeral: false, actions: [], blocks: [...r.blocks, { type: "context", text: t("sec_shared_by", { name, command: own.stored.command }) }] }, t);
      // Not ephemeral: the channel sees it. The first page answers the click, the others follow.
      await i.reply({ embeds: [pages[0]!], allowedMentions: NO_PINGS });
      for (const p of pages.slice(1)) await i.followUp({ embeds: [p], allowedMentions: NO_PINGS });
      return;
    }
    let id = i.customId;
    if (id.startsWith("a|k|")) id = longIds.get(id.slice(4)) ?? "";
    const click: ClickRun | undefined = decodeAction(id);
    if (!click) {
      const t = await tFor(who);
      return i.reply({ content: t("dc_button_unknown"), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    }
    await answer(i, runInv(i, { ...who, command: click.command, options: click.options, text: click.text, requestKey: i.id }), who, click.command, click.options, i.id);
  }

  /** Autocomplete cannot be deferred: answer from the desk's indexed suggestions, at most 25. */
  async function onAutocomplete(i: AutocompleteInteraction) {
    const focused = i.options.getFocused(true);
    const spec = desk.command(i.commandName)?.options.find((x) => x.name === focused.name);
    const found = await core.choices({ type: "autocomplete", command: i.commandName, option: focused.name, query: String(focused.value ?? ""), options: optionsOf(i), who: whoOf(i) });
    const choices = found.map((s) => ({ name: s.label.slice(0, LIMITS.choiceName), value: spec?.type === "integer" ? Number(s.value) : s.value.slice(0, LIMITS.choiceValue) }));
    await i.respond(choices.slice(0, LIMITS.autocompleteChoices));
  }

  /** Entry point for every interaction; failures are logged with the interaction, never thrown into discord.js. */
  async function onInteraction(i: Interaction) {
    try {
      if (i.isAutocomplete()) await onAutocomplete(i);
      else if (i.isChatInputCommand()) await onCommand(i);
      else if (i.isModalSubmit()) await onModal(i);
      else if (i.isButton()) await onButton(i);
    } catch (e) {
      log.error("discord interaction failed", { id: i.id, type: i.type, user: i.user.id, error: e });
      // Tell the user rather than leave "The application did not respond": a follow-up when the first
      // response went out, otherwise one more try at a first response (it fails too if Discord is down; logged).
      if (i.isRepliable()) {
        const note = { content: translator(langFrom(i.locale))("internal_error"), flags: MessageFlags.Ephemeral as const, allowedMentions: NO_PINGS };
        const sent = i.deferred || i.replied ? i.followUp(note) : i.reply(note);
        await sent.catch((e2: unknown) => log.error("discord error notice failed", { id: i.id, error: e2 }));
      }
    }
  }

  /** Action buttons for a channel post (no pages: a post sends every page as its own message). */
  const postButtons = (r: Reply, t: Translator) => buttonRows(r.actions ?? [], undefined, t, stash);

  return { onInteraction, postButtons };
}

