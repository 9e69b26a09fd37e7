import type { Ctx } from "./context.ts";
import { UserError, author, sees, today } from "./context.ts";
import { reply, type Reply, type Action } from "./reply.ts";
import { targetRef, type Target } from "./resolve.ts";
import { targetDescriber, stanceLabel } from "./describe.ts";
import type { PositionRow, Stance } from "../domain/types.ts";
import { silenceOn } from "./dated.ts";
import { breaksSilence, concernsSilence, nominationState } from "../domain/timeline.ts";
import { isUniqueViolation } from "../db/repos.ts";

export type DomainEvent =
  | { type: "silence_broken"; silenceId: string; by: string; positionId: number }
  | { type: "position_under_silence"; silenceId: string; by: string; positionId: number }
  | { type: "position_recorded"; positionId: number }
  | { type: "silence_concluded"; silenceId: string }
  | { type: "document_circulated"; symbol: string; platform: import("../domain/types.ts").Platform };

export type PositionInput = { target: Target; stance: Stance; reason: string };

/** Records an objection, reservation, "needs more time" or support for the actor's own delegation. */
export async function recordPosition(ctx: Ctx, input: PositionInput, emit: (e: DomainEvent) => void = () => {}): Promise<Reply> {
  const state = ctx.actor.stateCode;
  if (!state) throw new UserError("needs_delegation");
  const { target, stance } = input;
  const where = targetRef(target);
  const d = await targetDescriber(ctx, [where]);

  if (ctx.requestKey) {
    const again = await ctx.repos.positions.byKey(ctx.requestKey);
    if (again) return recordedReply(ctx, again, d.position(again), true);
  }
  if (target.type === "offer" && target.offer.status !== "pending")
    throw new UserError("offer_decided", { status: ctx.t(`offer_status_${target.offer.status}` as never) });
  if (target.type === "nomination" && nominationState(target.nomination, await ctx.repos.cycle.decisions({ targetType: "nomination", targetRef: target.nomination.id }), today(ctx)) !== "under_consultation")
    throw new UserError("nomination_closed");
  // The procedure's state on today's date, derived (a replayed date may fall inside a procedure since concluded).
  if (target.type === "silence" && (await silenceOn(ctx, today(ctx), [target.silence.id])).find((x) => x.s.id === target.silence.id)?.status.state !== "running")
    throw new UserError("silence_closed", { id: target.silence.id });

  const open = (await ctx.repos.positions.onTarget(where.targetType, where.targetRef)).filter(
    (p) => p.stateCode === state && (p.paragraphRef ?? null) === where.paragraphRef,
  );
  const same = open.find((p) => p.stance === stance);
  if (same) return recordedReply(ctx, same, d.position(same), true);
  // A state cannot both support and object: the new position replaces the opposite one, history stays.
  const replaced = open.filter((p) => (stance === "support") !== (p.stance === "support"));

  const silences = stance === "support" ? [] : await silencesCovering(ctx, target, stance, state);
  const now = ctx.clock();
  let created: PositionRow;
  try {
    created = await ctx.repos.write(author(ctx), async (tx) => {
      if (replaced.length) await ctx.repos.positions.withdraw(tx, replaced.map((r) => r.id), now, `${ctx.actor.platform}:${ctx.actor.userId}`);
      const row = await ctx.repos.positions.create(tx, {
        stateCode: state, stance, ...where, reason: input.reason, createdAt: now,
        platform: ctx.actor.platform, userId: ctx.actor.userId, requestKey: ctx.requestKey ?? null, source: "",
      });
      const audit = [
        ...replaced.map((r) => ({ action: "withdraw", entity: "position", entityId: String(r.id), details: { replacedBy: row.id } })),
        { action: `record_${stance}`, entity: "position", entityId: String(row.id), details: { ...where, reason: input.reason } },
      ];
      for (const s of silences) {
        if (s.kind === "broken") {
          await ctx.repos.silence.breakBy(tx, s.id, state, now);
          audit.push({ action: "break_silence", entity: "silence", entityId: s.id, details: { by: state, positionId: row.id } as never });
        }
      }
      return { result: row, audit };
    }, now);
  } catch (e) {
    if (ctx.requestKey && isUniqueViolation(e)) {
      const again = await ctx.repos.positions.byKey(ctx.requestKey);
      if (again) return recordedReply(ctx, again, d.position(again), true);
    }
    throw e;
  }
  for (const s of silences)
    emit({ type: s.kind === "broken" ? "silence_broken" : "position_under_silence", silenceId: s.id, by: state, positionId: created.id });
  emit({ type: "position_recorded", positionId: created.id });
  const r = recordedReply(ctx, created, d.position(created), false);
  if (replaced.length) r.blocks.push({ type: "context", text: ctx.t("replaced_positions", { ids: replaced.map((p) => `#${p.id}`).join(", ") }) });
  if (silences.some((s) => s.kind === "broken")) r.blocks.push({ type: "context", text: ctx.t("silence_broken_note") });
  return r;
}

/**
 * Running silence procedures this position concerns (src/domain/timeline.ts): an objection breaks them, any other
 * stance against is recorded under silence and reported. Only procedures on this target or its matter count.
 */
async function silencesCovering(ctx: Ctx, target: Target, stance: Stance, stateCode: string): Promise<{ id: string; kind: "broken" | "under" }[]> {
  const day = today(ctx);
  const p = { ...targetRef(target), stance, stateCode, on: day };
  // Only the procedures on this target or its matter are read (a targeted query, not every procedure).
  return (await silenceOn(ctx, day, [p.targetRef]))
    .filter((x) => x.status.state === "running" && concernsSilence(x.s, p))
    .map((x) => ({ id: x.s.id, kind: breaksSilence(x.s, p) ? ("broken" as const) : ("under" as const) }));
}

function recordedReply(ctx: Ctx, p: PositionRow, line: string, already: boolean): Reply {
  const actions: Action[] = [{ kind: "withdraw", positionId: p.id, label: ctx.t("btn_withdraw", { id: p.id }) }];
  if (p.paragraphRef)
    actions.push({ kind: "show_paragraph", document: p.targetRef, paragraph: p.paragraphRef, label: ctx.t("btn_show_paragraph", { para: p.paragraphRef }) });
  const blocks: Reply["blocks"] = [{ type: "text", text: line }];
  if (p.reason) blocks.push({ type: "quote", text: p.reason });
  return reply(ctx.t(already ? "position_already" : "position_recorded", { id: p.id, stance: stanceLabel(ctx, p.stance) }), blocks, {
    actions,
    status: already ? "info" : "ok",
  });
}

/** Withdraws one of the delegation's own open positions; the row and its history stay. */
export async function withdrawPosition(ctx: Ctx, id: number): Promise<Reply> {
  const state = ctx.actor.stateCode;
  if (!state) throw new UserError("needs_delegation");
  const p = await ctx.repos.positions.byId(id);
  if (!p || (p.stateCode !== state && !sees(ctx, "objection"))) throw new UserError("position_not_found", { id });
  if (p.stateCode !== state) throw new UserError("not_your_position", { id });
  const d = await targetDescriber(ctx);
  // An already withdrawn position changes no row (the write only touches open ones): the reply below says so.
  const now = ctx.clock();
  const changed = await ctx.repos.write(author(ctx), async (tx) => {
    const r = await ctx.repos.positions.withdraw(tx, [id], now, `${ctx.actor.platform}:${ctx.actor.userId}`);
    return { result: r.count, audit: r.count ? [{ action: "withdraw", entity: "position", entityId: String(id), details: {} }] : [] };
  }, now);
  if (!changed) return reply(ctx.t("position_already_withdrawn", { id }), [{ type: "text", text: d.position(p) }], { status: "info" });
  return reply(ctx.t("position_withdrawn", { id, stance: stanceLabel(ctx, p.stance) }), [{ type: "text", text: d.position(p) }]);
}

/** The delegation's open positions, for /withdraw with no id and for autocomplete. */
export async function myPositions(ctx: Ctx): Promise<Reply> {
  const state = ctx.actor.stateCode;
  if (!state) throw new UserError("needs_delegation");
  const [open, d] = await Promise.all([ctx.repos.positions.openOf(state), targetDescriber(ctx)]);
  if (!open.length) return reply(ctx.t("no_open_positions", { state: d.n.state(state) }), [], { status: "info" });
  return reply(ctx.t("open_positions", { state: d.n.state(state), count: open.length }), [{ type: "list", items: open.map(d.position) }], {
    actions: open.slice(0, 5).map((p) => ({ kind: "withdraw" as const, positionId: p.id, label: ctx.t("btn_withdraw", { id: p.id }) })),
  });
}
