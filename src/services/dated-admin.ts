import type { Ctx } from "./context.ts";
import { UserError, author, today } from "./context.ts";
import { reply, type Reply } from "./reply.ts";
import { longDate } from "./describe.ts";

export type DeadlineKind = "meeting" | "deadline" | "event";
export type DeadlineAction =
  | { action: "add"; date: string; time?: string; kind: DeadlineKind; title: string }
  | { action: "move"; id: string; date: string; time?: string }
  | { action: "cancel"; id: string };

const slug = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "item";

/** `/deadline add|move|cancel`: dated items the Secretariat keeps, in the forum's zone (its description's timeZone). */
export async function changeDeadline(ctx: Ctx, a: DeadlineAction): Promise<Reply> {
  const now = ctx.clock();
  const zone = ctx.settings.timeZone;
  const when = (date: string, time?: string) => `${longDate(ctx, date)}${time ? ` ${time}` : ""} (${zone})`;
  if (a.action === "add") {
    if (a.date < today(ctx)) throw new UserError("cy_due_past", { date: a.date });
    const id = `${a.date}-${slug(a.title)}`;
    if (await ctx.repos.cycle.deadline(id)) return reply(ctx.t("cy_deadline_exists", { id }), [], { status: "info" });
    await ctx.repos.write(author(ctx), async (tx) => {
      await ctx.repos.cycle.createDeadline(tx, { id, kind: a.kind, title: a.title, titleRu: a.title, due: a.date, timeZone: zone, restricted: false, announcedOn: today(ctx), source: `${ctx.actor.platform}:${ctx.actor.userId}`, time: a.time ?? null, createdAt: now });
      return { result: id, audit: [{ action: "add_deadline", entity: "deadline", entityId: id, details: { date: a.date, time: a.time ?? null, kind: a.kind } }] };
    }, now);
    return reply(ctx.t("cy_deadline_added", { id }), [{ type: "text", text: `${a.title} · ${ctx.t(`cy_kind_${a.kind}`)} · ${when(a.date, a.time)}` }]);
  }
  const row = await ctx.repos.cycle.deadline(a.id);
  if (!row || row.cancelledAt) throw new UserError("cy_deadline_not_found", { id: a.id });
  if (a.action === "move") {
    if (a.date < today(ctx)) throw new UserError("cy_due_past", { date: a.date });
    await ctx.repos.write(author(ctx), async (tx) => {
      await ctx.repos.cycle.moveDeadline(tx, a.id, a.date, a.time);
      return { result: 1, audit: [{ action: "move_deadline", entity: "deadline", entityId: a.id, details: { from: row.due, to: a.date, time: a.time ?? null } }] };
    }, now);
    return reply(ctx.t("cy_deadline_moved", { id: a.id }), [{ type: "text", text: `${row.title}: ${longDate(ctx, row.due)} → ${when(a.date, a.time ?? row.time ?? undefined)}` }]);
  }
  await ctx.repos.write(author(ctx), async (tx) => {
    const r = await ctx.repos.cycle.cancelDeadline(tx, a.id, now);
    return { result: r.count, audit: r.count ? [{ action: "cancel_deadline", entity: "deadline", entityId: a.id }] : [] };
  }, now);
  return reply(ctx.t("cy_deadline_cancelled", { id: a.id }), [{ type: "text", text: `${row.title} · ${longDate(ctx, row.due)}` }]);
}
