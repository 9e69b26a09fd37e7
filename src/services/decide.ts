import type { Ctx } from "./context.ts";
import { UserError, author, today } from "./context.ts";
import { errorReply, reply, type Reply } from "./reply.ts";
import { resolveDocument, resolveNomination, resolveOffer, splitTarget } from "./resolve.ts";
import { targetDescriber, stanceLabel, longDate } from "./describe.ts";
import { resolveArea } from "./offers.ts";
import { tokenise } from "../core/command.ts";
import { blocks as isBlocking } from "../domain/rules.ts";
import { OUTCOMES, TERM_CHANGE_RULE, bodyOf, needsConsensus, tenureDates, type TargetKind } from "../domain/cycle.ts";
import { isUniqueViolation } from "../db/repos.ts";
import type { AppointmentRow, PositionRow } from "../domain/types.ts";
import type { DecisionRow } from "../db/cycle.ts";
import { compareTexts } from "../domain/revision.ts";

export type DecideInput = { target: string; outcome: string; decision?: string; on?: string; until?: string; override?: string; note: string };

type Resolved =
  | { kind: "offer"; ref: string; offer: Awaited<ReturnType<typeof resolveOffer>> }
  | { kind: "document"; ref: string }
  | { kind: "nomination"; ref: string }
  | { kind: "appointment"; ref: string; appointment: AppointmentRow };

async function resolveAppointment(ctx: Ctx, q: string): Promise<AppointmentRow> {
  const all = await ctx.repos.coordination.appointments();
  const byId = all.find((a) => a.id === q.toLowerCase());
  if (byId) return byId;
  const [who, ...words] = q.split(/[/:]/);
  const area = words.length ? await resolveArea(ctx, words.join(" ")) : undefined;
  const hits = all.filter((a) => a.stateCode.toLowerCase() === (who ?? "").toLowerCase() && (!area || a.areaId === area.id) && (!a.untilDate || a.untilDate >= today(ctx)));
  if (hits.length === 1) return hits[0]!;
  throw new UserError("cy_appointment_not_found", { query: q }, (hits.length ? hits : all.filter((a) => a.stateCode.toLowerCase() === (who ?? "").toLowerCase())).slice(0, 8).map((a) => `appointment:${a.id}`));
}

export async function resolveDecisionTarget(ctx: Ctx, raw: string): Promise<Resolved> {
  const m = /^(appointment|appt):(.+)$/i.exec(raw.trim());
  if (m) {
    const a = await resolveAppointment(ctx, m[2]!);
    return { kind: "appointment", ref: a.id, appointment: a };
  }
  const t = splitTarget(tokenise(raw));
  if (!t) throw new UserError("cy_target_missing");
  if (t.kind === "offer") {
    const offer = await resolveOffer(ctx, t.ref);
    return { kind: "offer", ref: offer.id, offer };
  }
  if (t.kind === "nomination") return { kind: "nomination", ref: (await resolveNomination(ctx, t.ref)).id };
  if (t.kind === "silence") throw new UserError("cy_target_silence");
  return { kind: "document", ref: (await resolveDocument(ctx, t.ref)).symbol };
}

/**
 * Open objections and reservations on the target. On a revision they include those filed on the earlier
 * text against paragraphs the revision left unchanged: they still stand on the same words.
 */
async function blockers(ctx: Ctx, r: Resolved): Promise<PositionRow[]> {
  if (r.kind === "appointment") return [];
  const types = r.kind === "document" ? ["document", "paragraph"] : [r.kind];
  const own = (await ctx.repos.positions.onTarget(types, r.ref)).filter((p) => isBlocking(p.stance));
  if (r.kind !== "document") return own;
  const row = await ctx.repos.cycle.documentBySymbol(r.ref);
  const prev = row?.revisionOf ? await ctx.repos.cycle.documentBySymbol(row.revisionOf) : null;
  if (!row || !prev) return own;
  const [before, after, earlier] = await Promise.all([
    ctx.repos.documents.paragraphs(prev.id), ctx.repos.documents.paragraphs(row.id), ctx.repos.positions.onTarget("paragraph", prev.symbol),
  ]);
  const unchanged = new Set(compareTexts(before, after).filter((c) => c.kind === "unchanged").map((c) => c.ref));
  return [...own, ...earlier.filter((p) => isBlocking(p.stance) && p.paragraphRef && unchanged.has(p.paragraphRef))];
}

function recorded(ctx: Ctx, d: DecisionRow, what: string, already: boolean, extra: string[] = []): Reply {
  const blocks: Reply["blocks"] = [{ type: "text", text: decisionLine(ctx, d, what) }];
  if (d.override) blocks.push({ type: "context", text: `⚠ ${ctx.t("cy_override_note", { reason: d.override })}` });
  for (const e of extra) blocks.push({ type: "context", text: e });
  return reply(ctx.t(already ? "cy_decision_already" : "cy_decision_recorded", { id: d.id }), blocks, { status: already ? "info" : "ok" });
}

export function decisionLine(ctx: Ctx, d: DecisionRow, what: string): string {
  return `${d.symbol ?? ctx.t("cy_no_symbol")} · ${longDate(ctx, d.decidedOn)} · ${what}: ${ctx.t(`cy_outcome_${d.outcome}` as never)}${d.note ? ` — ${d.note}` : ""}`;
}

/** `/decide <target> <outcome> …`: records what a body decided; standing objections refuse it unless overridden. */
export async function decide(ctx: Ctx, input: DecideInput): Promise<Reply> {
  const d = await targetDescriber(ctx);
  if (ctx.requestKey) {
    const again = await ctx.repos.cycle.decisionByKey(ctx.requestKey);
    if (again) return recorded(ctx, again, d.target(again.targetType, again.targetRef, null), true);
  }
  const r = await resolveDecisionTarget(ctx, input.target);
  const outcome = input.outcome.toLowerCase();
  if (!OUTCOMES[r.kind as TargetKind].includes(outcome))
    throw new UserError("cy_bad_outcome", { outcome: input.outcome, kind: r.kind, outcomes: OUTCOMES[r.kind as TargetKind].join(", ") });
  const what = r.kind === "appointment" ? ctx.t("cy_appointment_of", { id: r.ref }) : d.target(r.kind, r.ref, null);
  const on = input.on ?? today(ctx);
  if (on > today(ctx)) throw new UserError("cy_decided_future", { date: on });
  if (r.kind === "offer" && r.offer.status !== "pending") throw new UserError("offer_decided", { status: ctx.t(`offer_status_${r.offer.status}` as never) });
  if (r.kind === "appointment" && outcome === "extended" && !input.until) throw new UserError("cy_extension_until");

  const holding = needsConsensus(outcome) ? await blockers(ctx, r) : [];
  if (holding.length && !input.override) {
    return {
      ...errorReply(ctx.t("cy_consensus_refused", { target: what, n: holding.length }), [
        { type: "list", items: holding.map((p) => `#${p.id} ${d.n.state(p.stateCode)}: ${stanceLabel(ctx, p.stance)}${p.paragraphRef ? ` (${ctx.t("para_short", { para: p.paragraphRef })})` : ""}${p.reason ? ` — ${p.reason}` : ""}`) },
        { type: "context", text: ctx.t("cy_override_hint") },
      ]),
      status: "refused",
    };
  }
  const now = ctx.clock();
  const symbol = input.decision?.trim() || null;
  const extra: string[] = [];
  let row: DecisionRow;
  try {
    row = await ctx.repos.write(author(ctx), async (tx) => {
      const audit: { action: string; entity: string; entityId: string; details?: unknown }[] = [];
      if (r.kind === "offer") {
        const status = outcome === "approved" ? "approved" : outcome === "declined" ? "rejected" : "pending";
        if (status !== "pending") await ctx.repos.cycle.decideOffer(tx, r.ref, status, on, symbol);
        if (status === "approved") {
          const dates = tenureDates(r.offer.tenure);
          const id = `appt-${r.offer.id}`;
          await ctx.repos.cycle.createAppointment(tx, {
            id, areaId: r.offer.areaId, stateCode: r.offer.stateCode, role: r.offer.role, fromDate: dates?.fromDate ?? on, untilDate: dates?.untilDate ?? null,
            tenure: r.offer.tenure, decision: symbol, offerId: r.offer.id, source: `decision ${symbol ?? ""} recorded ${on}`.trim(),
          });
          audit.push({ action: "appoint", entity: "appointment", entityId: id, details: { offer: r.offer.id, ...dates } });
          extra.push(ctx.t("cy_appointment_made", { id, from: longDate(ctx, dates?.fromDate ?? on) }));
        }
      } else if (r.kind === "document") {
        const status = { adopted: "adopted", approved: "agreed", noted: "information", rejected: "rejected" }[outcome];
        if (status) await ctx.repos.cycle.setDocumentStatus(tx, r.ref, status);
      } else if (r.kind === "nomination") {
        if (outcome !== "deferred") await ctx.repos.cycle.setNominationStatus(tx, r.ref, outcome);
      } else {
        const until = outcome === "terminated" ? (input.until ?? on) : input.until!;
        const from = r.appointment.fromDate?.slice(0, 4);
        await ctx.repos.cycle.changeAppointment(tx, r.ref, { untilDate: until, tenure: from ? `${from}-${until.slice(0, 4)}` : r.appointment.tenure, decision: symbol ?? r.appointment.decision });
        extra.push(ctx.t(outcome === "extended" ? "cy_extended" : "cy_terminated", { date: longDate(ctx, until), source: TERM_CHANGE_RULE.source }));
      }
      const created = await ctx.repos.cycle.createDecision(tx, {
        symbol, body: symbol ? bodyOf(symbol) : "", targetType: r.kind, targetRef: r.ref, outcome, decidedOn: on, note: input.note,
        override: holding.length ? input.override! : null, overridden: holding.length ? JSON.stringify(holding.map((p) => ({ id: p.id, state: p.stateCode, stance: p.stance }))) : "",
        recordedAt: now, platform: ctx.actor.platform, userId: ctx.actor.userId, requestKey: ctx.requestKey ?? null, source: "",
      });
      audit.unshift({ action: "decide", entity: "decision", entityId: String(created.id), details: { target: `${r.kind}:${r.ref}`, outcome, symbol, on } });
      if (holding.length) audit.push({ action: "override_consensus", entity: "decision", entityId: String(created.id), details: { reason: input.override, positions: holding.map((p) => p.id) } });
      return { result: created, audit };
    }, now);
  } catch (e) {
    if (ctx.requestKey && isUniqueViolation(e)) {
      const again = await ctx.repos.cycle.decisionByKey(ctx.requestKey);
      if (again) return recorded(ctx, again, what, true);
    }
    throw e;
  }
  ctx.repos.invalidate();
  return recorded(ctx, row, what, false, extra);
}
