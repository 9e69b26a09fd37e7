import type { Repos } from "../db/repos.ts";
import type { Clock } from "../domain/dates.ts";
import type { Actor, Lang } from "../domain/types.ts";
import type { Translator } from "../i18n/index.ts";
import { calendarDate } from "../domain/dates.ts";
import type { Forum } from "../domain/forum.ts";

export type Settings = {
  timeZone: string;
  /** The forum this desk serves (the data file's forum: section): its bodies, rules' parameters and wording. */
  forum: Forum;
  /** Public base URL of this deployment (PUBLIC_URL), for links to its HTTP routes such as calendar feeds. */
  publicUrl?: string;
};

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

/** Observers never see draft negotiations, objections, offers or nominations (seeds/001 item 10). */
export const seesRestricted = (ctx: Ctx): boolean => ctx.actor.role !== "observer";

/** Restriction follows the matter: a paragraph quoting an offer, objection or nomination is hidden from observers even in a public document. */
export const seesParagraph = (ctx: Ctx, p: { matter?: string | null }): boolean => !p.matter || seesRestricted(ctx);

export const author = (ctx: Ctx) => ({
  platform: ctx.actor.platform,
  userId: ctx.actor.userId,
  role: ctx.actor.role,
  stateCode: ctx.actor.stateCode,
});

/** A use case's expected failure: shown to the user as a polite message, never as a stack trace. */
export class UserError extends Error {
  constructor(
    public readonly key: import("../i18n/index.ts").MessageKey,
    public readonly params: import("../i18n/index.ts").Params = {},
    public readonly suggestions: string[] = [],
    public readonly fieldErrors?: Record<string, string>,
  ) {
    super(key);
  }
}
