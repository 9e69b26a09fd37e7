/**
 * Deadlines in the delegate's own calendar: `/deadlines ics` sends a file of what `/deadlines all` lists,
 * `/deadlines subscribe` issues a personal feed URL (GET /calendar/<token>.ics), `/deadlines unsubscribe`
 * revokes it. Only a SHA-256 of the token is stored. The feed is computed for the subscriber's current
 * role on every fetch, so an observer's feed never carries restricted items and a changed link applies at once.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Ctx } from "./context.ts";
import { UserError, author, today } from "./context.ts";
import { reply, type Reply } from "./reply.ts";
import { datedItems } from "./dated.ts";
import type { CalendarEntry } from "../papers/calendar-ics.ts";
import type { Repos } from "../db/repos.ts";
import type { Clock } from "../domain/dates.ts";
import type { Actor, Lang, Platform, Role } from "../domain/types.ts";
import { translator } from "../i18n/index.ts";

export const CALENDAR_FILE = "delegate-desk-deadlines.ics";
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const TOKEN_RE = /^[A-Za-z0-9_-]{32}$/;

/** The same items as `/deadlines all` (datedItems from today, no end), with their sources and zones. */
export async function calendarEntries(ctx: Ctx): Promise<CalendarEntry[]> {
  const from = today(ctx);
  const [items, rows, { documents, appointments }] = await Promise.all([
    datedItems(ctx, from, undefined),
    ctx.repos.deadlines.between(from, undefined),
    ctx.repos.refData(),
  ]);
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const docBySymbol = new Map(documents.map((d) => [d.symbol, d]));
  const apptById = new Map(appointments.map((a) => [a.id, a]));
  return items.map((i) => {
    const row = rowById.get(i.id);
    const doc = i.id.startsWith("comments-") ? docBySymbol.get(i.id.slice("comments-".length)) : undefined;
    const appt = /^(cp|te)-/.test(i.id) ? apptById.get(i.id.slice(3)) : undefined;
    const extra = i as CalendarEntry;
    return { ...i, timeZone: extra.timeZone ?? row?.timeZone, source: extra.source ?? row?.source ?? (doc ? `${doc.symbol} — ${doc.source}` : appt?.source) };
  });
}

export async function deadlinesIcs(ctx: Ctx): Promise<string> {
  const entries = await calendarEntries(ctx);
  // ical-generator is loaded on the first calendar asked for, not at start (issue 15: cold start, idle memory).
  const { calendarIcs } = await import("../papers/calendar-ics.ts");
  return calendarIcs(entries, {
    name: ctx.t("cal_name"), stamp: ctx.clock(), timeZone: ctx.settings.timeZone, sourceLabel: ctx.t("cal_source"),
    host: ctx.settings.publicUrl ? new URL(ctx.settings.publicUrl).host : "delegate-desk",
  });
}

/** `/deadlines ics`: the calendar as a file. */
export async function calendarFile(ctx: Ctx): Promise<Reply> {
  const ics = await deadlinesIcs(ctx);
  const count = (ics.match(/^BEGIN:VEVENT/gm) ?? []).length;
  return reply(ctx.t("cal_file", { count }), [{ type: "context", text: ctx.t("cal_file_hint") }], {
    files: [{ name: CALENDAR_FILE, mime: "text/calendar", data: Buffer.from(ics, "utf8"), title: ctx.t("cal_name") }],
  });
}

export const feedUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, "")}/calendar/${token}.ics`;

/** `/deadlines subscribe`: a new personal feed URL; earlier ones of the same user stop working. */
export async function subscribe(ctx: Ctx): Promise<Reply> {
  if (!ctx.settings.publicUrl) throw new UserError("cal_no_public_url");
  const token = randomBytes(24).toString("base64url");
  const now = ctx.clock();
  const { platform, userId, role, stateCode } = ctx.actor;
  await ctx.repos.write(author(ctx), async (tx) => {
    const revoked = await ctx.repos.papers.calendar.revokeAll(tx, platform, userId, now);
    const row = await ctx.repos.papers.calendar.create(tx, { tokenHash: hashToken(token), platform, userId, role, stateCode: stateCode ?? null, lang: ctx.lang, createdAt: now });
    return { result: row, audit: [{ action: "calendar_subscribe", entity: "calendar_token", entityId: String(row.id), details: { revoked } }] };
  }, now);
  const url = feedUrl(ctx.settings.publicUrl, token);
  return reply(ctx.t("cal_subscribed"), [{ type: "text", text: url }, { type: "context", text: ctx.t("cal_subscribe_hint") }]);
}

/** `/deadlines unsubscribe`: every feed URL of the user stops working. */
export async function unsubscribe(ctx: Ctx): Promise<Reply> {
  const now = ctx.clock();
  const n = await ctx.repos.write(author(ctx), async (tx) => {
    const count = await ctx.repos.papers.calendar.revokeAll(tx, ctx.actor.platform, ctx.actor.userId, now);
    return { result: count, audit: count ? [{ action: "calendar_revoke", entity: "calendar_token", entityId: `${ctx.actor.platform}:${ctx.actor.userId}`, details: { count } }] : [] };
  }, now);
  return n ? reply(ctx.t("cal_revoked", { n })) : reply(ctx.t("cal_none"), [], { status: "info" });
}

export type FeedDeps = { repos: Repos; clock: Clock; settings: Ctx["settings"] };

/** The feed behind a token, or undefined when the token is unknown or revoked. */
export async function calendarFeed(d: FeedDeps, token: string): Promise<string | undefined> {
  if (!TOKEN_RE.test(token)) return undefined;
  const row = await d.repos.papers.calendar.byHash(hashToken(token));
  if (!row || row.revokedAt) return undefined;
  const identity = await d.repos.identities.find(row.platform, row.userId);
  const lang = ((identity?.lang ?? row.lang) === "ru" ? "ru" : "en") as Lang;
  const actor: Actor = {
    platform: row.platform as Platform, userId: row.userId, lang, via: identity ? "identity" : "channel",
    role: (identity?.role ?? row.role) as Role, stateCode: (identity ? identity.stateCode : row.stateCode) ?? undefined,
  };
  return deadlinesIcs({ repos: d.repos, clock: d.clock, actor, t: translator(lang, d.settings.forum), lang, settings: d.settings });
}
