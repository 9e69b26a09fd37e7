/** Shared by the tests of src/services/positions.ts and silence.ts: a use-case Ctx over a test app, and reads of what was stored. */
import type { TestApp } from "../helpers/app.ts";
import { actorOf } from "../helpers/app.ts";
import { CICA } from "../helpers/forum.ts";
import { translator } from "../../src/i18n/index.ts";
import type { Ctx } from "../../src/services/context.ts";
import type { Lang } from "../../src/domain/types.ts";
import type { Repos } from "../../src/db/repos.ts";

/** The Ctx the desk builds for `who` (a state name, "chair", "secretariat"), at `now`, in `lang`. */
export async function ctxAs(app: TestApp, who: string, now: string, lang: Lang = "en", over: Partial<Ctx> = {}): Promise<Ctx> {
  const a = await actorOf(app.repos, who, lang);
  return {
    repos: app.repos, clock: () => new Date(now), actor: { ...a, lang }, t: translator(lang, CICA), lang,
    settings: { timeZone: CICA.timeZone, forum: CICA }, ...over,
  };
}

/** Someone acting as a delegate whose account is linked to no state. */
export function unlinkedCtx(app: TestApp, now: string, lang: Lang = "en"): Ctx {
  return {
    repos: app.repos, clock: () => new Date(now), actor: { platform: "console", userId: "nobody", role: "delegate", lang, via: "guest" },
    t: translator(lang, CICA), lang, settings: { timeZone: CICA.timeZone, forum: CICA },
  };
}

/** The audit rows written after row `afterId`, oldest first, with their details parsed. */
export async function auditSince(app: TestApp, afterId: number) {
  const rows = await app.repos.audit.recent(100);
  return rows.filter((r) => r.id > afterId).reverse().map((r) => ({ action: r.action, entity: r.entity, entityId: r.entityId, stateCode: r.stateCode, details: JSON.parse(r.details) as unknown }));
}
export const lastAuditId = async (app: TestApp) => (await app.repos.audit.recent(1))[0]?.id ?? 0;

/** The open positions of `state` on a target, as stored. */
export const openOn = async (app: TestApp, targetType: string, targetRef: string, state: string) =>
  (await app.repos.positions.onTarget(targetType, targetRef)).filter((p) => p.stateCode === state);

/** Repos whose `fn` is replaced (the rest are the real ones). */
export function withPositions(repos: Repos, over: Partial<Repos["positions"]>): Repos {
  return { ...repos, positions: { ...repos.positions, ...over } };
}

/** The dated items (src/services/dated.ts) from `from` to `to` as `who` sees them at `now`. */
export const itemsAs = async (app: TestApp, now: string, from: string, to?: string, who = "India", lang: Lang = "en") =>
  (await import("../../src/services/dated.ts")).datedItems(await ctxAs(app, who, now, lang), from, to);
