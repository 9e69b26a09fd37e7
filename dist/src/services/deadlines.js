import { today } from "./context.js";
import { reply } from "./reply.js";
import { datedItems, windowEnd } from "./dated.js";
import { longDate } from "./describe.js";
export const DEFAULT_DEADLINE_DAYS = 60;
export function dueLine(ctx, i) {
    const left = i.daysLeft === 0 ? ctx.t("due_today") : i.daysLeft === 1 ? ctx.t("due_tomorrow") : i.daysLeft < 0 ? ctx.t("days_ago", { n: -i.daysLeft }) : ctx.t("days_left", { n: i.daysLeft });
    return `${longDate(ctx, i.due)} — ${i.title} · ${ctx.t(`dl_${i.kind}`)} · ${left}`;
}
/** Upcoming dated items in date order with days left; `days` = window, "all" = everything still ahead. */
export async function listDeadlines(ctx, window = DEFAULT_DEADLINE_DAYS) {
    const from = today(ctx);
    const items = await datedItems(ctx, from, window === "all" ? undefined : windowEnd(ctx, window));
    const scope = window === "all" ? ctx.t("all_upcoming") : ctx.t("next_n_days", { n: window });
    if (!items.length)
        return reply(ctx.t("no_deadlines", { scope }), [{ type: "context", text: ctx.t("deadlines_hint") }], { status: "info" });
    return reply(ctx.t("deadlines_title", { scope, count: items.length }), [{ type: "list", items: items.map((i) => dueLine(ctx, i)) }]);
}
//# sourceMappingURL=deadlines.js.map