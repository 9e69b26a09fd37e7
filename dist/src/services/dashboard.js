import { today } from "./context.js";
import { reply } from "./reply.js";
import { targetDescriber } from "./describe.js";
import { datedItems, windowEnd } from "./dated.js";
import { dueLine } from "./deadlines.js";
import { longDate } from "./describe.js";
/** How far ahead the dashboard looks, and how many rows per section before pointing to the full command. */
export const DASHBOARD_DAYS = 30;
const ROWS = 10;
/**
 * A delegation's dashboard (Slack App Home, or any platform's "home"): its open positions, the documents
 * it is commenting on, and what is due soon. Chair and Secretariat, who speak for no state, see the dates.
 */
export async function dashboard(ctx) {
    const state = ctx.actor.stateCode;
    const day = today(ctx);
    const [open, mine, items, d] = await Promise.all([
        state ? ctx.repos.positions.openOf(state) : Promise.resolve([]),
        state ? ctx.repos.comments.ofState(state) : Promise.resolve([]),
        datedItems(ctx, day, windowEnd(ctx, DASHBOARD_DAYS)),
        targetDescriber(ctx),
    ]);
    const who = state ? d.n.state(state) : ctx.t(`role_${ctx.actor.role}`);
    const blocks = [];
    const more = (n, command) => (n > ROWS ? [{ type: "context", text: ctx.t("dash_more", { n: n - ROWS, command }) }] : []);
    if (state) {
        blocks.push({ type: "header", text: ctx.t("dash_positions", { count: open.length }) });
        if (open.length)
            blocks.push({ type: "list", items: open.slice(0, ROWS).map(d.position) }, ...more(open.length, "/withdraw"));
        else
            blocks.push({ type: "text", text: ctx.t("dash_no_positions") });
        const docs = new Map();
        for (const c of mine)
            docs.set(c.documentId, (docs.get(c.documentId) ?? 0) + 1);
        const rows = d.n.ref.documents.filter((x) => docs.has(x.id));
        blocks.push({ type: "header", text: ctx.t("dash_documents", { count: rows.length }) });
        if (rows.length)
            blocks.push({
                type: "list",
                items: rows.slice(0, ROWS).map((x) => ctx.t("dash_doc_line", { document: x.symbol, title: d.n.docTitle(x), count: docs.get(x.id) }) +
                    (x.commentsDue ? ` · ${ctx.t("dash_due", { date: longDate(ctx, x.commentsDue) })}` : "")),
            }, ...more(rows.length, "/drafts"));
        else
            blocks.push({ type: "text", text: ctx.t("dash_no_documents") });
    }
    blocks.push({ type: "header", text: ctx.t("dash_deadlines", { n: DASHBOARD_DAYS }) });
    if (items.length)
        blocks.push({ type: "list", items: items.slice(0, ROWS).map((i) => dueLine(ctx, i)) }, ...more(items.length, "/deadlines"));
    else
        blocks.push({ type: "text", text: ctx.t("dash_no_deadlines", { n: DASHBOARD_DAYS }) });
    const actions = open.slice(0, 5).map((p) => ({ kind: "withdraw", positionId: p.id, label: ctx.t("btn_withdraw", { id: p.id }) }));
    return reply(ctx.t("dash_title", { who, date: longDate(ctx, day) }), blocks, { actions });
}
//# sourceMappingURL=dashboard.js.map