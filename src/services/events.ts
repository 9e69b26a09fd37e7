import type { Ctx } from "./context.ts";
import { UserError, author, requireAct, today } from "./context.ts";
import { reply, type Block, type Reply } from "./reply.ts";
import { rankAreas, resolveState } from "./resolve.ts";
import { namer } from "./names.ts";
import { longDate } from "./describe.ts";
import { eventPlanDeadline, isLateProposal } from "../domain/rules.ts";
import { isIsoDate } from "../domain/dates.ts";
import { matchScore } from "../domain/text.ts";
import { oncePerRequest } from "./once.ts";
import { ErrorCode } from "../domain/errors.ts";
import type { EventRow } from "../domain/types.ts";
import { eventState } from "../domain/timeline.ts";
import { matchDimension } from "./coordinators.ts";

/** The uniform template of seeds/000 item 6: title, brief concept, purpose, organiser(s), other information. */
export type EventProposal = {
  title: string;
  concept: string;
  purpose: string;
  organisers: string;
  area?: string;
  dates?: string;
  format?: "online" | "offline" | "hybrid";
  year?: number;
};

export async function listEvents(ctx: Ctx, year?: number, filter?: string): Promise<Reply> {
  const [all, n] = await Promise.all([ctx.repos.events.list(year), namer(ctx)]);
  const now = ctx.clock();
  // A proposal submitted after NOW does not exist yet.
  let events = all.filter((e) => !e.submittedAt || e.submittedAt <= now);
  if (filter?.trim()) {
    const dim = matchDimension(n.ref.dimensions, filter);
    const areaIds = new Set(dim ? n.ref.areas.filter((a) => a.dimensionId === dim.id).map((a) => a.id) : rankAreas(n.ref.areas, filter).filter((x) => x.score >= 50).map((x) => x.area.id));
    const stateCodes = new Set(n.ref.states.filter((s) => [s.code, s.nameEn, s.nameRu, ...s.aliases].some((x) => matchScore(filter, x) >= 75)).map((s) => s.code));
    events = all.filter((e) => (e.areaId && areaIds.has(e.areaId)) || e.organisers.split("|").some((o) => stateCodes.has(o)) || matchScore(filter, e.title) >= 50);
  }
  const day = today(ctx);
  const scope = [year ? String(year) : "", filter ?? ""].filter(Boolean).join(", ");
  if (!events.length) return reply(ctx.t("no_events", { scope: scope || "—" }), [{ type: "context", text: ctx.t("events_hint") }], { status: "info" });
  const line = (e: EventRow) => {
    const when = e.startsOn ? longDate(ctx, e.startsOn) + (e.endsOn && e.endsOn !== e.startsOn ? ` – ${longDate(ctx, e.endsOn)}` : "") : String(e.year);
    const flags = [ctx.t(`ev_${eventState(e, day)}` as never), e.format ? ctx.t(`fmt_${e.format}` as never) : "", e.late ? ctx.t("late_flag") : ""].filter(Boolean).join(", ");
    return `${when} — ${e.title} · ${e.organisers.split("|").map((o) => n.state(o)).join(", ")}${e.areaId ? ` · ${n.area(e.areaId)}` : ""} (${flags})`;
  };
  const blocks: Block[] = [{ type: "list", items: events.map(line) }, { type: "context", text: ctx.t("events_hint") }];
  return reply(ctx.t("events_title", { count: events.length, scope: scope || ctx.t("all_years") }), blocks);
}

/** Accepts a proposal for the annual Plan; one after the deadline is accepted and flagged late. */
export async function proposeEvent(ctx: Ctx, p: EventProposal): Promise<Reply> {
  requireAct(ctx, "event_proposal");
  const errors: Record<string, string> = Object.create(null) as Record<string, string>;
  const n = await namer(ctx);
  const organisers: string[] = [];
  for (const name of p.organisers.split(/[,;]| and | и /).map((s) => s.trim()).filter(Boolean)) {
    try {
      organisers.push((await resolveState(ctx, name)).code);
    } catch (e) {
      // Only "no such state" means an unknown organiser; a storage failure or a bug is not the user's typing.
      if (!(e instanceof UserError) || e.code !== ErrorCode.USER_INPUT) throw e;
      errors.organisers = ctx.t("unknown_organiser", { name });
    }
  }
  if (!organisers.length && !errors.organisers) errors.organisers = ctx.t("field_required");
  if (ctx.actor.role === "delegate" && ctx.actor.stateCode && organisers.length && !organisers.includes(ctx.actor.stateCode))
    errors.organisers = ctx.t("organiser_must_include", { state: n.state(ctx.actor.stateCode) });
  let areaId: string | undefined;
  if (p.area?.trim()) {
    const top = rankAreas(n.ref.areas, p.area)[0];
    if (top && top.score >= 50) areaId = top.area.id;
    else errors.area = ctx.t("unknown_area", { name: p.area });
  }
  let startsOn: string | undefined;
  let endsOn: string | undefined;
  if (p.dates?.trim()) {
    const m = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|–|—|to|-\s)\s*(\d{4}-\d{2}-\d{2}))?$/.exec(p.dates.trim());
    if (!m || !isIsoDate(m[1]!) || (m[2] && !isIsoDate(m[2]))) errors.dates = ctx.t("bad_dates");
    else {
      startsOn = m[1];
      endsOn = m[2] ?? m[1];
      if (endsOn! < startsOn!) errors.dates = ctx.t("bad_dates");
    }
  }
  const day = today(ctx);
  const year = p.year ?? (startsOn ? Number(startsOn.slice(0, 4)) : Number(day.slice(0, 4)) + 1);
  if (startsOn && Number(startsOn.slice(0, 4)) !== year) errors.dates = ctx.t("dates_outside_year", { year });
  if (Object.keys(errors).length) throw new UserError("event_invalid", { fields: Object.keys(errors).join(", ") }, [], errors);
  const late = isLateProposal(year, day, ctx.settings.forum.rules.eventPlan);
  const now = ctx.clock();
  const id = `ev-${year}-${now.getTime().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  const row: EventRow = {
    id, year, title: p.title, concept: p.concept, purpose: p.purpose, organisers: organisers.join("|"), areaId: areaId ?? null,
    startsOn: startsOn ?? null, endsOn: endsOn ?? null, format: p.format ?? null, status: "proposed", late,
    submittedAt: now, submittedBy: ctx.actor.stateCode ?? ctx.actor.role, source: `${ctx.actor.platform}:${ctx.actor.userId}`,
  };
  const replayed = await oncePerRequest(ctx, "propose_event", id, (mark) => ctx.repos.write(author(ctx), async (tx) => {
    await mark(tx);
    await ctx.repos.events.create(tx, row);
    return { result: undefined, audit: [{ action: "propose_event", entity: "event", entityId: id, details: { year, late } }] };
  }, now), async (first) => {
    const e = await ctx.repos.events.byId(first);
    return reply(ctx.t("proposal_received", { year: e?.year ?? year, id: first }), [], { status: "info" });
  });
  if (replayed) return replayed;
  const blocks: Block[] = [
    { type: "fields", fields: [
      { label: ctx.t("ef_title"), value: p.title },
      { label: ctx.t("ef_organisers"), value: organisers.map((o) => n.state(o)).join(", ") },
      ...(areaId ? [{ label: ctx.t("ef_area"), value: n.area(areaId) }] : []),
      ...(startsOn ? [{ label: ctx.t("ef_dates"), value: `${longDate(ctx, startsOn)}${endsOn !== startsOn ? ` – ${longDate(ctx, endsOn!)}` : ""}` }] : []),
    ] },
  ];
  if (late) blocks.push({ type: "context", text: ctx.t("proposal_late", { date: longDate(ctx, eventPlanDeadline(year, ctx.settings.forum.rules.eventPlan)), year }) });
  return reply(ctx.t("proposal_received", { year, id }), blocks);
}

/** Parses "title: …; concept: …; purpose: …; organisers: IND, RUS; area: ICT; dates: 2024-05-10..2024-05-11; format: online". */
export function parseProposalText(text: string): Record<string, string> {
  // Null-prototype result and a Map of keys: a field typed as "__proto__:" or "constructor:" is ignored, not a property.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const keys = new Map<string, string>(Object.entries({
    title: "title", "название": "title", concept: "concept", "концепция": "concept", purpose: "purpose", "цель": "purpose",
    organisers: "organisers", organizers: "organisers", organiser: "organisers", organizer: "organisers", "организаторы": "organisers",
    area: "area", "область": "area", dates: "dates", date: "dates", "даты": "dates", format: "format", "формат": "format", year: "year", "год": "year",
  }));
  for (const part of text.split(/;\s*/)) {
    const m = /^\s*([^:]+?)\s*:\s*([\s\S]*)$/.exec(part);
    const key = m && keys.get(m[1]!.toLowerCase());
    if (key) out[key] = m[2]!.trim();
  }
  return out;
}
