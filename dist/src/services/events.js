import { UserError, author, today } from "./context.js";
import { reply } from "./reply.js";
import { rankAreas, resolveState } from "./resolve.js";
import { namer } from "./names.js";
import { longDate } from "./describe.js";
import { eventPlanDeadline, isLateProposal } from "../domain/rules.js";
import { isIsoDate } from "../domain/dates.js";
import { matchScore } from "../domain/text.js";
import { oncePerRequest } from "./once.js";
import { eventState } from "../domain/timeline.js";
import { matchDimension } from "./coordinators.js";
export async function listEvents(ctx, year, filter) {
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
    if (!events.length)
        return reply(ctx.t("no_events", { scope: scope || "—" }), [{ type: "context", text: ctx.t("events_hint") }], { status: "info" });
    const line = (e) => {
        const when = e.startsOn ? longDate(ctx, e.startsOn) + (e.endsOn && e.endsOn !== e.startsOn ? ` – ${longDate(ctx, e.endsOn)}` : "") : String(e.year);
        const flags = [ctx.t(`ev_${eventState(e, day)}`), e.format ? ctx.t(`fmt_${e.format}`) : "", e.late ? ctx.t("late_flag") : ""].filter(Boolean).join(", ");
        return `${when} — ${e.title} · ${e.organisers.split("|").map((o) => n.state(o)).join(", ")}${e.areaId ? ` · ${n.area(e.areaId)}` : ""} (${flags})`;
    };
    const blocks = [{ type: "list", items: events.map(line) }, { type: "context", text: ctx.t("events_hint") }];
    return reply(ctx.t("events_title", { count: events.length, scope: scope || ctx.t("all_years") }), blocks);
}
/** Accepts a proposal for the annual Plan; one after the deadline is accepted and flagged late. */
export async function proposeEvent(ctx, p) {
    if (ctx.actor.role === "observer")
        throw new UserError("refused", { who: [ctx.t("role_delegate"), ctx.t("role_chair"), ctx.t("role_secretariat")].join(", ") });
    const errors = Object.create(null);
    const n = await namer(ctx);
    const organisers = [];
    for (const name of p.organisers.split(/[,;]| and | и /).map((s) => s.trim()).filter(Boolean)) {
        try {
            organisers.push((await resolveState(ctx, name)).code);
        }
        catch {
            errors.organisers = ctx.t("unknown_organiser", { name });
        }
    }
    if (!organisers.length && !errors.organisers)
        errors.organisers = ctx.t("field_required");
    if (ctx.actor.role === "delegate" && ctx.actor.stateCode && organisers.length && !organisers.includes(ctx.actor.stateCode))
        errors.organisers = ctx.t("organiser_must_include", { state: n.state(ctx.actor.stateCode) });
    let areaId;
    if (p.area?.trim()) {
        const top = rankAreas(n.ref.areas, p.area)[0];
        if (top && top.score >= 50)
            areaId = top.area.id;
        else
            errors.area = ctx.t("unknown_area", { name: p.area });
    }
    let startsOn;
    let endsOn;
    if (p.dates?.trim()) {
        const m = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|–|—|to|-\s)\s*(\d{4}-\d{2}-\d{2}))?$/.exec(p.dates.trim());
        if (!m || !isIsoDate(m[1]) || (m[2] && !isIsoDate(m[2])))
            errors.dates = ctx.t("bad_dates");
        else {
            startsOn = m[1];
            endsOn = m[2] ?? m[1];
            if (endsOn < startsOn)
                errors.dates = ctx.t("bad_dates");
        }
    }
    const day = today(ctx);
    const year = p.year ?? (startsOn ? Number(startsOn.slice(0, 4)) : Number(day.slice(0, 4)) + 1);
    if (startsOn && Number(startsOn.slice(0, 4)) !== year)
        errors.dates = ctx.t("dates_outside_year", { year });
    if (Object.keys(errors).length)
        throw new UserError("event_invalid", { fields: Object.keys(errors).join(", ") }, [], errors);
    const late = isLateProposal(year, day);
    const now = ctx.clock();
    const id = `ev-${year}-${now.getTime().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
    const row = {
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
    if (replayed)
        return replayed;
    const blocks = [
        { type: "fields", fields: [
                { label: ctx.t("ef_title"), value: p.title },
                { label: ctx.t("ef_organisers"), value: organisers.map((o) => n.state(o)).join(", ") },
                ...(areaId ? [{ label: ctx.t("ef_area"), value: n.area(areaId) }] : []),
                ...(startsOn ? [{ label: ctx.t("ef_dates"), value: `${longDate(ctx, startsOn)}${endsOn !== startsOn ? ` – ${longDate(ctx, endsOn)}` : ""}` }] : []),
            ] },
    ];
    if (late)
        blocks.push({ type: "context", text: ctx.t("proposal_late", { date: longDate(ctx, eventPlanDeadline(year)), year }) });
    return reply(ctx.t("proposal_received", { year, id }), blocks);
}
/** Parses "title: …; concept: …; purpose: …; organisers: IND, RUS; area: ICT; dates: 2024-05-10..2024-05-11; format: online". */
export function parseProposalText(text) {
    // Null-prototype result and a Map of keys: a field typed as "__proto__:" or "constructor:" is ignored, not a property.
    const out = Object.create(null);
    const keys = new Map(Object.entries({
        title: "title", "название": "title", concept: "concept", "концепция": "concept", purpose: "purpose", "цель": "purpose",
        organisers: "organisers", organizers: "organisers", organiser: "organisers", organizer: "organisers", "организаторы": "organisers",
        area: "area", "область": "area", dates: "dates", date: "dates", "даты": "dates", format: "format", "формат": "format", year: "year", "год": "year",
    }));
    for (const part of text.split(/;\s*/)) {
        const m = /^\s*([^:]+?)\s*:\s*([\s\S]*)$/.exec(part);
        const key = m && keys.get(m[1].toLowerCase());
        if (key)
            out[key] = m[2].trim();
    }
    return out;
}
//# sourceMappingURL=events.js.map