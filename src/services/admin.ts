import { knownPlatform, type Ctx } from "./context.ts";
import { UserError, author, today } from "./context.ts";
import { reply, type Reply } from "./reply.ts";
import { resolveDocument, resolveOffer, resolveState } from "./resolve.ts";
import { namer } from "./names.ts";
import { longDate } from "./describe.ts";
import { isIsoDate } from "../domain/dates.ts";
import { isUniqueViolation } from "../db/repos.ts";
import { oncePerRequest } from "./once.ts";
import { PLATFORM_NAME, type Lang, type Platform, type Role } from "../domain/types.ts";
import { silenceLastDay } from "../domain/rules.ts";

const PLATFORM_REF = new RegExp(`^(${PLATFORM_NAME}):(.+)$`, "i");

/** "slack:U024BE7LH" (or a pasted mention, <@U024BE7LH>) for a platform this build knows (src/platforms.ts). */
function splitPlatformId(ctx: Ctx, ref: string): { platform: Platform; id: string } {
  const m = PLATFORM_REF.exec(ref.trim());
  if (!m || !knownPlatform(ctx.settings, m[1]!.toLowerCase())) {
    const examples = (ctx.settings.platforms ?? []).filter((p) => p.name !== "console").map((p) => `${p.name}:${p.exampleUserId}`).join(", ");
    throw new UserError("bad_platform_ref", { ref, examples: examples || "<platform>:<id>" });
  }
  return { platform: m[1]!.toLowerCase(), id: m[2]!.replace(/^<[@#!]?&?|>$/g, "") };
}

/** Links a platform user to a delegation (a member state or an observer) or to the Chair or Secretariat. */
export async function linkUser(ctx: Ctx, ref: string, who: string): Promise<Reply> {
  const { platform, id } = splitPlatformId(ctx, ref);
  let role: Role;
  let stateCode: string | null = null;
  const w = who.trim().toLowerCase();
  if (w === "chair" || w === "председатель") role = "chair";
  else if (w === "secretariat" || w === "секретариат") role = "secretariat";
  else {
    const s = await resolveState(ctx, who);
    stateCode = s.code;
    role = s.kind === "observer" ? "observer" : "delegate";
  }
  const now = ctx.clock();
  await oncePerRequest(ctx, "link_user", `${platform}:${id}`, (mark) => ctx.repos.write(author(ctx), async (tx) => {
    await mark(tx);
    await ctx.repos.identities.linkUser(tx, platform, id, role, stateCode);
    return { result: null, audit: [{ action: "link_user", entity: "identity", entityId: `${platform}:${id}`, details: { role, stateCode } }] };
  }, now), async () => null);
  const n = await namer(ctx);
  return reply(ctx.t("linked_user", { ref: `${platform}:${id}`, who: stateCode ? `${n.state(stateCode)} (${ctx.t(`role_${role}` as never)})` : ctx.t(`role_${role}` as never) }));
}

/** Links a channel (everyone posting there) or a Discord guild role (everyone holding it) to a delegation. */
async function linkToState(ctx: Ctx, kind: "channel" | "role", ref: string, who: string): Promise<Reply> {
  const { platform, id } = splitPlatformId(ctx, ref);
  const s = await resolveState(ctx, who);
  const now = ctx.clock();
  await oncePerRequest(ctx, `link_${kind}`, `${platform}:${id}`, (mark) => ctx.repos.write(author(ctx), async (tx) => {
    await mark(tx);
    if (kind === "channel") await ctx.repos.identities.linkChannel(tx, platform, id, s.code);
    else await ctx.repos.identities.linkRole(tx, platform, id, s.code);
    return { result: null, audit: [{ action: `link_${kind}`, entity: kind, entityId: `${platform}:${id}`, details: { stateCode: s.code } }] };
  }, now), async () => null);
  const n = await namer(ctx);
  return reply(ctx.t(kind === "channel" ? "linked_channel" : "linked_role", { ref: `${platform}:${id}`, state: n.state(s.code) }));
}

export const linkChannel = (ctx: Ctx, ref: string, who: string) => linkToState(ctx, "channel", ref, who);
export const linkRole = (ctx: Ctx, ref: string, who: string) => linkToState(ctx, "role", ref, who);

/** Starts a silence procedure on a document or an offer; silence runs through `expires` (inclusive). */
export async function startSilence(ctx: Ctx, target: string, given?: string): Promise<Reply> {
  const day = today(ctx);
  // No last day given: the forum's usual length of silence, counted from today.
  const expires = given ?? silenceLastDay(day, ctx.settings.forum.rules.silence);
  if (!isIsoDate(expires)) throw new UserError("bad_date", { value: expires });
  if (expires <= day) throw new UserError("expiry_in_past", { date: expires });
  const offerMatch = /^offer[: ](.+)$/i.exec(target.trim());
  let targetType: "document" | "offer";
  let targetRef: string;
  let subject: string;
  let subjectRu: string;
  const n = await namer(ctx);
  if (offerMatch) {
    const o = await resolveOffer(ctx, offerMatch[1]!);
    targetType = "offer";
    targetRef = o.id;
    subject = `Offer of ${n.stateRow(o.stateCode)?.nameEn ?? o.stateCode} (${o.role === "coordinator" ? "coordinator" : "co-coordinator"}, ${n.areaRow(o.areaId)?.nameEn ?? o.areaId})`;
    subjectRu = `Предложение: ${n.stateRow(o.stateCode)?.nameRu ?? o.stateCode} (${o.role === "coordinator" ? "координатор" : "сокоординатор"}, ${n.areaRow(o.areaId)?.nameRu ?? o.areaId})`;
  } else {
    const d = await resolveDocument(ctx, target);
    targetType = "document";
    targetRef = d.symbol;
    subject = `${d.symbol} — ${d.title}`;
    subjectRu = `${d.symbol} — ${d.titleRu ?? d.title}`;
  }
  const running = (await ctx.repos.silence.running()).find((s) => s.targetRef === targetRef);
  if (running) throw new UserError("silence_already_running", { id: running.id, date: longDate(ctx, running.expiresOn) });
  const base = `sp-${day}-${targetRef.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`.replace(/-+$/, "");
  // A second procedure on the same target and day (the first broken or concluded) takes the next free
  // number; only a storage failure may be reported as "not saved", never this.
  let id = base;
  for (let n = 2; await ctx.repos.silence.byId(id); n++) id = `${base}-${n}`;
  const now = ctx.clock();
  try {
    await ctx.repos.write(author(ctx), async (tx) => {
      await ctx.repos.silence.create(tx, { id, subject, subjectRu, targetType, targetRef, startsOn: day, expiresOn: expires, outcome: "running", source: `${ctx.actor.platform}:${ctx.actor.userId}` });
      await ctx.repos.deadlines.upsert(tx, { id: `silence-${id}`, kind: "silence", title: `Silence procedure ends: ${subject}`, titleRu: `Истекает процедура умолчания: ${subjectRu}`, due: expires, timeZone: ctx.settings.timeZone, restricted: true, announcedOn: day, source: id });
      return { result: null, audit: [{ action: "start_silence", entity: "silence", entityId: id, details: { targetType, targetRef, expires } }] };
    }, now);
  } catch (e) {
    // The same request in another process (or a second Secretariat member) started it a moment earlier.
    const other = isUniqueViolation(e) ? (await ctx.repos.silence.running()).find((s) => s.targetRef === targetRef) : undefined;
    if (other) throw new UserError("silence_already_running", { id: other.id, date: longDate(ctx, other.expiresOn) });
    throw e;
  }
  return reply(ctx.t("silence_started", { id, subject: ctx.lang === "ru" ? subjectRu : subject, date: longDate(ctx, expires) }), [
    { type: "context", text: ctx.t("silence_started_hint", { id }) },
  ]);
}

/**
 * Keeps a language choice. It is a preference row of its own, never an identity: choosing a language
 * in a channel linked to a state, or while holding a mapped guild role, links no one to anything.
 */
export async function setLanguage(ctx: Ctx, lang: Lang): Promise<Reply> {
  const now = ctx.clock();
  await ctx.repos.write(author(ctx), async (tx) => {
    await ctx.repos.preferences.setLang(tx, ctx.actor.platform, ctx.actor.userId, lang, now);
    return { result: null, audit: [{ action: "set_language", entity: "preference", entityId: `${ctx.actor.platform}:${ctx.actor.userId}`, details: { lang } }] };
  }, now);
  const { translator } = await import("../i18n/index.ts");
  return reply(translator(lang, ctx.settings.forum)("language_set"));
}
