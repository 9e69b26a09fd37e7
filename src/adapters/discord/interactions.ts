/**
 * Interaction handling: translate a discord.js interaction into an Invocation, answer exactly once
 * (reply, or defer then edit), and never let a failure pass silently.
 */
import { MessageFlags } from "discord.js";
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
import { buttonRows, decodeAction, decodeModal, decodePage, modalJSON, modalValues, type ClickRun } from "./components.ts";
import { DEFER_AFTER_MS, LIMITS, PAGES_KEPT, PAGES_TTL_MS } from "./limits.ts";

export const NO_PINGS = { parse: [] as [] };

type Who = Omit<Invocation, "command">;

/** Who is asking, as the desk needs it: member roles feed the Secretariat's role → delegation mapping. */
export function whoOf(i: Interaction): Who {
  const m = i.member;
  const roleIds = !m ? [] : Array.isArray(m.roles) ? (m.roles as string[]) : [...m.roles.cache.keys()].filter((id) => id !== i.guildId);
  return { platform: "discord", userId: i.user.id, channelId: i.channelId ?? undefined, roleIds, locale: i.locale };
}

type Stored = { reply: Reply; at: number };

/** Pages of recent long answers, for the Previous/Next buttons; bounded in size and age. */
function pageStore(now: () => number) {
  const m = new Map<string, Stored>();
  return {
    put(key: string, v: Omit<Stored, "at">) {
      m.set(key, { ...v, at: now() });
      while (m.size > PAGES_KEPT) m.delete(m.keys().next().value!);
    },
    get(key: string) {
      const v = m.get(key);
      if (v && now() - v.at > PAGES_TTL_MS) m.delete(key);
      return v && now() - v.at <= PAGES_TTL_MS ? v : undefined;
    },
  };
}

export type HandlerOptions = { desk: Desk; log: Logger; deferAfterMs?: number };

export function createInteractionHandler(o: HandlerOptions) {
  const { desk, log } = o;
  const deferAfter = o.deferAfterMs ?? DEFER_AFTER_MS;
  const pages = pageStore(() => Date.now());
  const longIds = new Map<string, string>();
  let stashN = 0;
  const stash = (id: string) => {
    const key = `k${(stashN++).toString(36)}`;
    longIds.set(key, id);
    if (longIds.size > PAGES_KEPT) longIds.delete(longIds.keys().next().value!);
    return `a|k|${key}`;
  };

  /** The message body for page `page` of a reply; long replies are kept for the page buttons. */
  function body(r: Reply, t: Translator, key: string, page = 0) {
    const embeds = renderPages(r, t);
    if (embeds.length > 1) pages.put(key, { reply: r });
    const p = Math.min(Math.max(page, 0), embeds.length - 1);
    const components = buttonRows(r.actions ?? [], embeds.length > 1 ? { key, page: p, total: embeds.length } : undefined, t, stash);
    return { embeds: [embeds[p]!], components, allowedMentions: NO_PINGS };
  }

  /** Replies in the user's language: the desk already chose it, so read it back from the actor. */
  async function tFor(who: Who): Promise<Translator> {
    const actor = await desk.actorFor({ ...who, command: "" }).catch(() => undefined);
    return translator(actor?.lang ?? langFrom(who.locale));
  }

  /**
   * Answers with the result of `work`: directly when it is quick, otherwise defer first (Discord gives
   * 3 s for the first response) and edit the deferred reply. Exactly one initial response either way.
   */
  async function answer(i: RepliableInteraction, work: Promise<Reply>, who: Who) {
    const lang = tFor(who);
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<undefined>((res) => (timer = setTimeout(() => res(undefined), deferAfter)));
    const quick = await Promise.race([work, slow]);
    clearTimeout(timer);
    if (!quick) await i.deferReply({ flags: MessageFlags.Ephemeral });
    const r = quick ?? (await work);
    const b = body(r, await lang, i.id);
    if (i.deferred) await i.editReply(b);
    else await i.reply({ ...b, flags: r.ephemeral ? MessageFlags.Ephemeral : undefined } as InteractionReplyOptions);
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
      .then((files) => desk.run({ ...who, command: i.commandName, options: def ? opts : undefined, files, requestKey: i.id }));
    await answer(i, work, who);
  }

  async function onModal(i: ModalSubmitInteraction) {
    const who = whoOf(i);
    const command = decodeModal(i.customId);
    if (!command) return answer(i, Promise.resolve(desk.reply(translator(langFrom(i.locale))("dc_button_unknown"))), who);
    const raw: Record<string, string> = {};
    for (const [id, f] of i.fields.fields) {
      const v = "value" in f ? f.value : "values" in f ? (f.values as string[] | undefined)?.[0] : undefined;
      if (typeof v === "string") raw[id] = v;
    }
    const actor = await desk.actorFor({ ...who, command });
    const values = modalValues(desk.modalFor(command, actor?.lang ?? langFrom(i.locale)), raw);
    const options: Record<string, unknown> = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    if (command === "events") options.propose = true;
    await answer(i, desk.run({ ...who, command, options, requestKey: i.id }), who);
  }

  async function onButton(i: ButtonInteraction) {
    const who = whoOf(i);
    const nav = decodePage(i.customId);
    if (nav) {
      const stored = pages.get(nav.key);
      const t = await tFor(who);
      if (!stored) return i.reply({ content: t("dc_pages_expired"), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return i.update(body(stored.reply, t, nav.key, nav.page));
    }
    let id = i.customId;
    if (id.startsWith("a|k|")) id = longIds.get(id.slice(4)) ?? "";
    const run: ClickRun | undefined = decodeAction(id);
    if (!run) {
      const t = await tFor(who);
      return i.reply({ content: t("dc_button_unknown"), flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
    }
    await answer(i, desk.run({ ...who, command: run.command, options: run.options, text: run.text, requestKey: i.id }), who);
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
        const label = translator(langFrom(i.locale))("dc_propose_choice");
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
