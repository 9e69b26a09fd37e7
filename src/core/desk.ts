import type { z } from "zod";
import type { CommandDef, Suggest } from "./command.ts";
import { checkAccess, mayRun } from "./access.ts";
import { fieldsOf, isPageable, isReadOnly, opensForm, prefillOf } from "./declared.ts";
import type { Repos } from "../db/repos.ts";
import type { Clock } from "../domain/dates.ts";
import type { Actor, Lang, Platform } from "../domain/types.ts";
import { langFrom, translator, type Translator } from "../i18n/index.ts";
import { UserError, type Ctx, type Settings } from "../services/context.ts";
import { errorReply, reply, type ModalRequest, type Reply } from "../services/reply.ts";
import type { DomainEvent } from "../services/positions.ts";
import { suggest } from "../services/suggest.ts";
import { dashboard } from "../services/dashboard.ts";
import type { Logger } from "../log.ts";
import { silentLogger } from "../log.ts";
import { visibleReply } from "../policy/filter.ts";
import { StorageError, hasCode, isPermissionCode } from "../domain/errors.ts";

/** One command call from any platform, already translated from its payload. */
export type Invocation = {
  platform: Platform;
  userId: string;
  channelId?: string;
  /** Discord guild roles of the member, for role-mapped delegations. */
  roleIds?: string[];
  /** The platform's locale hint ("ru", "en-GB"), used until the user picks a language. */
  locale?: string;
  command: string;
  /** The text typed after the command (Slack, console). */
  text?: string;
  /** Typed options (Discord options, modal fields); used instead of `text` when present. */
  options?: Record<string, unknown>;
  /** Uploaded files by option name (options of type "file"), read by the adapter: { name, data (base64) }. */
  files?: Record<string, { name: string; data: string }>;
  /** Same key for a retried platform request: the write happens once. */
  requestKey?: string;
  /** Set by the console adapter, whose operator chooses who to act as. */
  actor?: Omit<Actor, "lang"> & { lang?: Lang };
};

export type DeskDeps = {
  /** The command registry, injected by the composition root (src/app.ts): the core never imports commands/. */
  commands: readonly CommandDef[];
  repos: Repos;
  clock: Clock;
  settings: Settings;
  digestTime: string;
  log?: Logger;
  onEvent?: (e: DomainEvent, actor: Actor) => void;
};

export type Desk = ReturnType<typeof createDesk>;

/** A database failure (src/db/errors.ts codes every one): such writes are reported "not saved". */
const isStorageError = (e: unknown): boolean => e instanceof StorageError;

/** A lock wait that ran out or a write that lost a race (another process writing): "busy, not saved, try again", not a failure. */
const isBusy = (e: unknown): boolean => hasCode(e, "STORAGE_BUSY", "STORAGE_CONFLICT");

export function createDesk(deps: DeskDeps) {
  const log = deps.log ?? silentLogger;
  const { repos } = deps;
  const allCommands = deps.commands;
  const commandByName = new Map(allCommands.map((c) => [c.name, c]));
  const commandNamed = (name: string) => commandByName.get(name.replace(/^\//, "").toLowerCase());

  /**
   * The language: a choice made with /lang (a preference row, which grants nothing), else the platform's
   * locale (Slack users.info, Discord interaction.locale), else English. An identity's own `lang` column
   * predates preferences and counts only when it says Russian (it defaulted to English for everyone).
   */
  async function langOf(inv: Invocation, identityLang: string | undefined): Promise<Lang> {
    const chosen = await repos.preferences.lang(inv.platform, inv.userId);
    if (chosen === "en" || chosen === "ru") return chosen;
    if (identityLang === "ru") return "ru";
    return langFrom(inv.locale);
  }

  /** Who is asking and in which language, with one identity read (the language is needed for the unlinked too). */
  async function resolveActor(inv: Invocation): Promise<{ actor?: Actor; lang: Lang }> {
    const identity = await repos.identities.find(inv.platform, inv.userId);
    if (inv.actor) {
      const actor = { ...inv.actor, lang: inv.actor.lang ?? (await langOf(inv, identity?.lang)) };
      return { actor, lang: actor.lang };
    }
    const lang = await langOf(inv, identity?.lang);
    if (identity)
      return { actor: { platform: inv.platform, userId: inv.userId, role: identity.role as Actor["role"], stateCode: identity.stateCode ?? undefined, lang, via: "identity" }, lang };
    return { actor: await linkedActor(inv, lang), lang };
  }

  async function actorFor(inv: Invocation): Promise<Actor | undefined> {
    return (await resolveActor(inv)).actor;
  }

  /** A person without an identity row, linked through the channel or a mapped guild role (or not at all). */
  async function linkedActor(inv: Invocation, lang: Lang): Promise<Actor | undefined> {
    const { states } = await repos.refData();
    const kindOf = (code: string) => (states.find((s) => s.code === code)?.kind === "observer" ? "observer" : "delegate");
    if (inv.channelId) {
      const ch = await repos.identities.channel(inv.platform, inv.channelId);
      if (ch) return { platform: inv.platform, userId: inv.userId, role: kindOf(ch.stateCode), stateCode: ch.stateCode, lang, via: "channel" };
    }
    if (inv.roleIds?.length) {
      const [r] = await repos.identities.roles(inv.platform, inv.roleIds);
      if (r) return { platform: inv.platform, userId: inv.userId, role: kindOf(r.stateCode), stateCode: r.stateCode, lang, via: "role" };
    }
    return undefined;
  }

  /** The language of someone who may not be linked at all (replies to guests, refusals). */
  async function languageOf(inv: Omit<Invocation, "command">): Promise<Lang> {
    if (inv.actor?.lang) return inv.actor.lang;
    const identity = await repos.identities.find(inv.platform, inv.userId);
    return langOf({ ...inv, command: "" }, identity?.lang);
  }

  function usageOf(def: CommandDef, t: Translator, lang: Lang): Reply["blocks"] {
    return [
      { type: "text", text: `${t("type_this")} ${def.usage[lang]}` },
      { type: "context", text: `${t("for_example")} ${def.examples[0] ?? `/${def.name}`}` },
    ];
  }

  /** A union reports each branch's issues; the one branch whose literal tag matched is the one to explain (a form field, not "Invalid input"). */
  function branchIssues(issues: z.core.$ZodIssue[]): z.core.$ZodIssue[] {
    return issues.flatMap((i) => {
      if (i.code !== "invalid_union") return [i];
      const fitting = i.errors.filter((b) => !b.some((x) => x.code === "invalid_value" && x.path.length === 1));
      return fitting.length === 1 ? branchIssues(fitting[0]!) : [i];
    });
  }

  function badInput(def: CommandDef, allIssues: z.core.$ZodIssue[], t: Translator, lang: Lang, fromForm: boolean): Reply {
    const issues = branchIssues(allIssues);
    const fields = [...new Set(issues.map((i) => String(i.path[0] ?? i.message)))];
    const fieldErrors = fromForm ? Object.fromEntries(fields.map((f) => [f, t("field_invalid", { field: f })])) : undefined;
    return errorReply(t("bad_input", { command: def.name, fields: fields.join(", ") }), usageOf(def, t, lang), { fieldErrors });
  }

  /** Runs a command; the reply carries the language it was written in, so adapters need no second identity read. */
  async function run(inv: Invocation): Promise<Reply> {
    const started = Date.now();
    let lang: Lang = langFrom(inv.locale);
    let t = translator(lang, deps.settings.forum);
    const out = await (async (): Promise<Reply> => { try {
      const def = commandNamed(inv.command);
      const { actor, lang: asked } = await resolveActor(inv);
      lang = asked;
      t = translator(lang, deps.settings.forum);
      if (!def) return errorReply(t("unknown_command", { name: inv.command }), [{ type: "text", text: allCommands.map((c) => `/${c.name}`).join("  ") }]);
      const access = checkAccess(def, actor);
      if (!access.ok && access.status === "not_linked")
        return { ...errorReply(t("not_linked_title"), [{ type: "text", text: t("not_linked_body", { ref: `${inv.platform}:${inv.userId}` }) }]), status: "not_linked" };
      if (!access.ok && access.status === "refused")
        return { ...errorReply(t("refused", { who: access.roles.map((r) => t(`role_${r}`)).join(", ") })), status: "refused" };
      const who: Actor = actor ?? { platform: inv.platform, userId: inv.userId, role: "observer", lang, via: "guest" };
      const raw = { ...(inv.options ?? def.parseText(inv.text ?? "")), ...inv.files };
      const parsed = def.schema.safeParse(raw);
      if (!parsed.success) return badInput(def, parsed.error.issues, t, lang, !!inv.options);
      const ctx: Ctx = { repos, clock: deps.clock, actor: who, t, lang, settings: deps.settings, requestKey: inv.requestKey };
      const out = visibleReply(await def.run(ctx, parsed.data, { emit: (e) => deps.onEvent?.(e, who), digestTime: deps.digestTime, commands: allCommands, mayRun }), who.role, t);
      log.info("command", { command: def.name, platform: inv.platform, user: inv.userId, state: who.stateCode, status: out.status, ms: Date.now() - started });
      return out;
    } catch (e) {
      if (e instanceof UserError) {
        const blocks: Reply["blocks"] = [];
        if (e.suggestions.length) blocks.push({ type: "text", text: t("did_you_mean") }, { type: "list", items: e.suggestions });
        return { ...errorReply(t(e.key, e.params), blocks), fieldErrors: e.fieldErrors, status: isPermissionCode(e) ? "refused" : "error" };
      }
      log.error("command failed", { command: inv.command, platform: inv.platform, user: inv.userId, error: e });
      return errorReply(isBusy(e) ? t("not_saved_busy") : isStorageError(e) ? t("not_saved") : t("internal_error"));
    } })();
    return { ...out, lang };
  }

  /** The form for a command that needs long text, without touching the database (Slack's trigger_id lasts 3 s). */
  function modalFor(command: string, lang: Lang = "en"): ModalRequest | undefined {
    return commandNamed(command)?.modal?.(translator(lang, deps.settings.forum));
  }

  /**
   * What an adapter needs to know about an invocation, read from the command's declarations (no database):
   * whether it only reads (shareable, no inbox record), pages, or opens its form (with what prefilled).
   * Unknown commands are treated as writes that open nothing.
   */
  function traits(inv: Pick<Invocation, "command" | "text" | "options" | "files">) {
    const def = commandNamed(inv.command);
    if (!def) return { def, readOnly: false, pageable: false, opensForm: false, prefill: {} as Record<string, string>, fixed: {} };
    const fields = fieldsOf(def, inv);
    return { def, readOnly: isReadOnly(def, fields), pageable: isPageable(def, fields), opensForm: opensForm(def, fields), prefill: prefillOf(def, fields), fixed: def.formFixed ?? {} };
  }

  /** The delegation's dashboard (Slack App Home): never throws; unlinked users get the not-linked message. */
  async function dashboardFor(inv: Omit<Invocation, "command">): Promise<Reply> {
    let t = translator(langFrom(inv.locale), deps.settings.forum);
    try {
      const actor = await actorFor({ ...inv, command: "" });
      if (!actor) return { ...errorReply(t("not_linked_title"), [{ type: "text", text: t("not_linked_body", { ref: `${inv.platform}:${inv.userId}` }) }]), status: "not_linked" };
      t = translator(actor.lang, deps.settings.forum);
      return visibleReply(await dashboard({ repos, clock: deps.clock, actor, t, lang: actor.lang, settings: deps.settings }), actor.role, t);
    } catch (e) {
      log.error("dashboard failed", { platform: inv.platform, user: inv.userId, error: e });
      return errorReply(isStorageError(e) ? t("not_saved") : t("internal_error"));
    }
  }

  /** Suggestions for autocomplete (≤ 25, indexed or cached reads only), filtered by what the caller may see. */
  async function suggestFor(kind: Suggest, query: string, inv: Omit<Invocation, "command">, context: Record<string, unknown> = {}) {
    try {
      const who = await resolveActor({ ...inv, command: "" });
      const actor = who.actor ?? { platform: inv.platform, userId: inv.userId, role: "observer" as const, lang: who.lang, via: "guest" as const };
      const ctx: Ctx = { repos, clock: deps.clock, actor, t: translator(actor.lang, deps.settings.forum), lang: actor.lang, settings: deps.settings };
      return await suggest(ctx, kind, query, context);
    } catch (e) {
      log.error("suggest failed", { kind, error: e });
      return [];
    }
  }

  return {
    run, actorFor, languageOf, modalFor, traits, command: commandNamed, mayRun, dashboard: dashboardFor, suggest: suggestFor,
    commands: allCommands, clock: deps.clock, repos, settings: deps.settings, log, reply,
  };
}
