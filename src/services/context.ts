import type { Repos } from "../db/repos.ts";
import type { Clock } from "../domain/dates.ts";
import type { Actor, Lang, Platform } from "../domain/types.ts";
import type { Translator } from "../i18n/index.ts";
import { calendarDate } from "../domain/dates.ts";
import { maySee, mayAct, matterOfParagraph, rolesFor, type Matter } from "../policy/matters.ts";
import { DeskError, ErrorCode, type PermissionCode } from "../domain/errors.ts";
import type { Forum } from "../domain/forum.ts";

export type Settings = {
  timeZone: string;
  /** The forum this desk serves (the data file's forum: section): its bodies, rules' parameters and wording. */
  forum: Forum;
  /** Public base URL of this deployment (PUBLIC_URL), for links to its HTTP routes such as calendar feeds. */
  publicUrl?: string;
  /**
   * The platforms this build knows (src/platforms.ts), for `/link user <platform>:<id>` and digest destinations.
   * Unset (a desk built by a test): any name of that form is accepted.
   */
  platforms?: readonly KnownPlatform[];
};

/** A platform the build knows, with an id in its own form for messages that show how a reference looks. */
export type KnownPlatform = { name: Platform; exampleUserId: string };

/** Whether `name` is a platform of this build (any name of that form when the desk was not told the list). */
export const knownPlatform = (settings: Settings, name: string) => !settings.platforms || settings.platforms.some((p) => p.name === name);

/** What every use case gets: storage, time, who is acting and in which language. */
export type Ctx = {
  repos: Repos;
  clock: Clock;
  actor: Actor;
  t: Translator;
  lang: Lang;
  settings: Settings;
  /** Idempotency key of the platform request (a retried request carries the same key). */
  requestKey?: string;
};

export const today = (ctx: Ctx): string => calendarDate(ctx.clock(), ctx.settings.timeZone);

/** Whether the caller may read a matter, by the policy table (src/policy/matters.ts). */
export const sees = (ctx: Ctx, matter: Matter): boolean => maySee(ctx.actor.role, matter);

/**
 * Whether the caller sees the internal specifics of decision-making (negotiation texts, objections, offers,
 * nominations, silences; seeds/001 item 10): the policy's row for negotiation texts.
 */
export const seesRestricted = (ctx: Ctx): boolean => sees(ctx, "negotiation_text");

/** Restriction follows the matter: a paragraph quoting an offer, objection or nomination is hidden from observers even in a public document. */
export const seesParagraph = (ctx: Ctx, p: { matter?: string | null }): boolean => {
  const m = matterOfParagraph(p);
  return !m || sees(ctx, m);
};

/** Refuses, with a coded permission error, a caller the policy does not let see a matter. */
export function requireSee(ctx: Ctx, matter: Matter): void {
  if (!sees(ctx, matter)) throw refusal(ctx, matter, "see");
}

/** Refuses, with a coded permission error, a caller the policy does not let act on a matter. */
export function requireAct(ctx: Ctx, matter: Matter): void {
  if (!mayAct(ctx.actor.role, matter)) throw refusal(ctx, matter, "act");
}

function refusal(ctx: Ctx, matter: Matter, what: "see" | "act"): UserError {
  // An observer hears that the matter is for Member States; anyone else, which roles may.
  if (ctx.actor.role === "observer" && !maySee("observer", matter)) return new UserError("observer_restricted");
  return new UserError("refused", { who: rolesFor(matter, what).map((r) => ctx.t(`role_${r}`)).join(", ") });
}

export const author = (ctx: Ctx) => ({
  platform: ctx.actor.platform,
  userId: ctx.actor.userId,
  role: ctx.actor.role,
  stateCode: ctx.actor.stateCode,
});

/** Message keys that mean "you may not", not "you typed it wrong": their errors carry a permission code. */
const PERMISSION_KEYS: ReadonlyMap<string, PermissionCode> = new Map([
  ["refused", ErrorCode.PERMISSION_REFUSED],
  ["observer_restricted", ErrorCode.OBSERVER_RESTRICTED],
  ["not_linked_title", ErrorCode.NOT_LINKED],
]);

/**
 * A use case's expected failure: shown to the user as a polite message, never as a stack trace.
 * It is a coded error (src/domain/errors.ts): PERMISSION_REFUSED / OBSERVER_RESTRICTED for refusals, else
 * USER_INPUT, so callers decide by `code`, not by the message key.
 */
export class UserError extends DeskError {
  constructor(
    public readonly key: import("../i18n/index.ts").MessageKey,
    public readonly params: import("../i18n/index.ts").Params = {},
    public readonly suggestions: string[] = [],
    public readonly fieldErrors?: Record<string, string>,
  ) {
    super(PERMISSION_KEYS.get(key) ?? ErrorCode.USER_INPUT, key);
  }
}
