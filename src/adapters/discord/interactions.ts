/**
 * Interaction handling: translate a discord.js interaction into an Invocation, answer exactly once
 * (reply, or defer then edit), and never let a failure pass silently.
 */
import { AttachmentBuilder, MessageFlags } from "discord.js";
import type {
  AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction, ModalSubmitInteraction,
  RepliableInteraction, InteractionReplyOptions,
} from "discord.js";
import { commandByName } from "../../../commands/index.ts";
import type { Desk, Invocation } from "../../core/desk.ts";
import type { CommandDef } from "../../core/command.ts";
import type { Reply } from "../../services/reply.ts";
import { langFrom, translator, type Translator } from "../../i18n/index.ts";
import type { Logger } from "../../log.ts";
import { renderPages } from "./embeds.ts";
import { buttonRows, decodeAction, decodeModal, decodePage, decodeShare, modalJSON, modalValues, type ClickRun } from "./components.ts";
import { DEFER_AFTER_MS, LIMITS, PAGES_KEPT } from "./limits.ts";
import { mayWrite, type Inbox } from "../../core/inbox.ts";

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

/** Answers worth showing to a whole channel: reads, not writes or private lists (as on Slack). */
const SHAREABLE = new Set(["drafts", "coordinators", "deadlines", "events", "help", "digest", "silence"]);
export function isShareable(command: string, options: Record<string, unknown> | undefined, r: Reply): boolean {
  if (!SHAREABLE.has(command) || !r.ephemeral || (r.status !== "ok" && r.status !== "info")) return false;
  if (command === "silence" && options?.target) return false;
  if (command === "events" && (options?.propose === true || isPropose(options?.filter))) return false;
  return true;
}

export type HandlerOptions = { desk: Desk; log: Logger; deferAfterMs?: number; inbox?: Inbox; applicationId?: string };

export function createInteractionHandler(o: HandlerOptions) {
  const { desk, log } = o;
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
   * A click is honoured only for that person, and it works after a restart. Written after the answer went
   * out, so no acknowledgement waits for the database.
   */
  async function keep(key: string, who: Who, command: string, r: Reply) {
    try {
      await desk.repos.components.put(key, { platform: "discord", userId: who.userId, command, reply: r }, new Date());
    } catch (e) {
      log.error("discord component state not kept", { key, error: e });
    }
  }

  /** The stored state of a page or Share button, if it is the clicker's own and still fresh; otherwise the refusal to show. */
  async function ownState(i: ButtonInteraction, key: string, t: Translator) {
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
    const lang = await desk.languageOf(who).catch(() => langFrom(who.locale));
    return translator(lang);
  }

  /**
   * Runs an invocation. One that may write is first appended to the durable inbox and the interaction
   * deferred (the ack), so a crash before the answer is completed on restart through the follow-up webhook.
   */
  async function runInv(i: RepliableInteraction, inv: Invocation): Promise<Reply> {
    if (o.inbox && o.applicationId && inv.requestKey && mayWrite(inv)) {
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
    if (i.deferred) await i.editReply(b);
    else await i.reply({ ...b, flags: r.ephemeral ? MessageFlags.Ephemeral : undefined } as InteractionReplyOptions);
    if (command && (shareable || renderPages(r, t).length > 1)) await keep(i.id, who, command, r);
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

  /** Commands that take long text open a form when the text was not typed (and for /events propose). */
  function wantsModal(def: CommandDef, opts: Record<string, unknown>): boolean {
    if (!def.modal) return false;
    if (def.name === "events") return isPropose(opts.filter);
    return def.options.some((x) => x.long && (opts[x.name] === undefined || opts[x.name] === ""));
  }

  async function onCommand(i: ChatInputCommandInteraction) {
    const who = whoOf(i);
    const def = commandByName.get(i.commandName);
    const opts = optionsOf(i);
    // An attached file is the command's text: no form is needed for it.
    const hasFile = i.options.data.some((x) => !!x.attachment);
    if (def && !hasFile && wantsModal(def, opts)) {
      // A modal must be the first response, so decide from a quick identity read, before any real work.
      const actor = await desk.actorFor({ ...who, command: def.name });
      const allowed = !!actor && (def.access === "anyone" || def.access.includes(actor.role));
      const m = allowed ? desk.modalFor(def.name, actor.lang) : undefined;
      if (m) {
        await i.showModal(modalJSON(m, opts, translator(actor!.lang)));
        return;
      }
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
    const options: Record<string, unknown> = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    if (command === "events") options.propose = true;
    await answer(i, runInv(i, { ...who, command, options, requestKey: i.id }), who, command, options, i.id);
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
    const def = commandByName.get(i.commandName);
    const focused = i.options.getFocused(true);
    const spec = def?.options.find((x) => x.name === focused.name);
    const opts = optionsOf(i);
    const q = String(focused.value ?? "");
    let choices: { name: string; value: string | number }[] = [];
    if (spec?.suggest) {
      const found = await desk.suggest(spec.suggest, q, whoOf(i), { document: opts.document ?? opts.target });
      choices = found.map((s) => ({ name: s.label.slice(0, LIMITS.choiceName), value: spec.type === "integer" ? Number(s.value) : s.value.slice(0, LIMITS.choiceValue) }));
      if (def?.name === "events" && focused.name === "filter") {
        const label = translator(langFrom(i.locale), desk.settings.forum)("dc_propose_choice");
        if (!q || isPropose(q) || label.toLowerCase().includes(q.toLowerCase())) choices.unshift({ name: label, value: "propose" });
      }
    }
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

const isPropose = (v: unknown) => typeof v === "string" && /^(propose|предложить)$/i.test(v.trim());
