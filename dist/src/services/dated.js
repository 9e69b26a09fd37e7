import { seesRestricted, today } from "./context.js";
import { namer } from "./names.js";
import { conceptPaperDue } from "../domain/rules.js";
import { addDays, daysBetween } from "../domain/dates.js";
/**
 * Everything with a date in [from, to]: the deadline table, plus what the rules imply — a concept paper
 * three months after a coordinator's appointment (SEC/1 2.7), tenures ending, and running silence procedures.
 */
export async function datedItems(ctx, from, to) {
    const day = today(ctx);
    const [rows, appointments, silences, n] = await Promise.all([
        ctx.repos.deadlines.between(from, to),
        ctx.repos.coordination.appointments(),
        ctx.repos.silence.all(),
        namer(ctx),
    ]);
    const inRange = (d) => d >= from && (!to || d <= to);
    const ru = ctx.lang === "ru";
    // A silence deadline stops mattering once the procedure is broken or concluded.
    const ended = new Set(silences.filter((s) => s.outcome !== "running").map((s) => s.id));
    const items = rows.filter((r) => !(r.kind === "silence" && ended.has(r.source))).map((r) => ({ id: r.id, kind: r.kind, title: ru ? r.titleRu : r.title, due: r.due, daysLeft: daysBetween(day, r.due), restricted: r.restricted }));
    const have = new Set(items.map((i) => i.id));
    for (const a of appointments) {
        const area = n.areaRow(a.areaId);
        if (a.role === "coordinator" && a.fromDate && area && area.conceptPaperStatus !== "adopted") {
            const due = conceptPaperDue(a.fromDate);
            if (inRange(due))
                items.push({ id: `cp-${a.id}`, kind: "concept_paper", title: ctx.t("concept_paper_due", { state: n.state(a.stateCode), area: n.area(a.areaId) }), due, daysLeft: daysBetween(day, due), restricted: false });
        }
        if (a.untilDate && inRange(a.untilDate) && !rows.some((r) => r.kind === "tenure_end" && r.due === a.untilDate))
            items.push({ id: `te-${a.id}`, kind: "tenure_end", title: ctx.t("tenure_ends", { state: n.state(a.stateCode), role: ctx.t(a.role === "coordinator" ? "role_coordinator" : "role_co_coordinator"), area: n.area(a.areaId) }), due: a.untilDate, daysLeft: daysBetween(day, a.untilDate), restricted: false });
    }
    // A document imported with a comment due date but no matching deadline row still shows up.
    for (const d of n.ref.documents)
        if (d.commentsDue && inRange(d.commentsDue) && !rows.some((r) => r.kind === "comments_due" && r.due === d.commentsDue))
            items.push({ id: `comments-${d.symbol}`, kind: "comments_due", title: ctx.t("comments_due_on", { document: d.symbol }), due: d.commentsDue, daysLeft: daysBetween(day, d.commentsDue), restricted: d.restricted });
    for (const s of silences.filter((x) => x.outcome === "running"))
        if (inRange(s.expiresOn) && !have.has(`silence-${s.id}`) && !items.some((i) => i.kind === "silence" && i.due === s.expiresOn))
            items.push({ id: `silence-${s.id}`, kind: "silence", title: ctx.t("silence_expires", { subject: ru && s.subjectRu ? s.subjectRu : s.subject }), due: s.expiresOn, daysLeft: daysBetween(day, s.expiresOn), restricted: true });
    return items
        .filter((i) => seesRestricted(ctx) || !i.restricted)
        .sort((a, b) => a.due.localeCompare(b.due) || a.title.localeCompare(b.title));
}
export const windowEnd = (ctx, days) => addDays(today(ctx), days);
//# sourceMappingURL=dated.js.map