import type { Ctx } from "./context.ts";
import { sees, today } from "./context.ts";
import { reply, type Reply } from "./reply.ts";
import { datedItems, windowEnd, type DatedItem } from "./dated.ts";
import { longDate } from "./describe.ts";
import { RULES } from "../domain/procedures.ts";

export const DEFAULT_DEADLINE_DAYS = 60;

export function dueLine(ctx: Ctx, i: DatedItem): string {
  const left = i.daysLeft === 0 ? ctx.t("due_today") : i.daysLeft === 1 ? ctx.t("due_tomorrow") : i.daysLeft < 0 ? ctx.t("days_ago", { n: -i.daysLeft }) : ctx.t("days_left", { n: i.daysLeft });
  return `${longDate(ctx, i.due)} — ${i.title} · ${ctx.t(`dl_${i.kind}` as never)} · ${left}${ruleTag(ctx, i)}`;
}

/**
 * The negotiation text that holds the rules on modalities, as this reader may see it: observers never see a
 * restricted draft's symbol (issue 9, item 8), so they are told of "the draft rules" without it.
 */
export function modalitiesSource(ctx: Ctx): string {
  return sees(ctx, "negotiation_text") ? ctx.settings.forum.rules.modalitiesDocument : ctx.t("modalities_unnamed");
}

/** "(draft rule: MC/2023/DRAFT/4 para 2.7 (not adopted))": where an obligation comes from, and whether that text is in force. */
export function ruleTag(ctx: Ctx, i: DatedItem): string {
  const cite = i.rule ? ctx.settings.forum.rules.citations[i.rule] : undefined;
  if (!i.rule || !cite?.para) return "";
  const source = RULES[i.rule].modalities ? `${modalitiesSource(ctx)} ${ctx.t(cite.para.includes(",") ? "paras_short" : "para_short", { para: cite.para })}` : `${cite.in ?? ""} ${cite.para}`.trim();
  return ` (${ctx.t(i.draft ? "draft_rule_tag" : "rule_tag", { source })})`;
}

/** Upcoming dated items in date order with days left; `days` = window, "all" = everything still ahead. */
export async function listDeadlines(ctx: Ctx, window: number | "all" = DEFAULT_DEADLINE_DAYS): Promise<Reply> {
  const from = today(ctx);
  const items = await datedItems(ctx, from, window === "all" ? undefined : windowEnd(ctx, window));
  const scope = window === "all" ? ctx.t("all_upcoming") : ctx.t("next_n_days", { n: window });
  if (!items.length) return reply(ctx.t("no_deadlines", { scope }), [{ type: "context", text: ctx.t("deadlines_hint") }], { status: "info" });
  return reply(ctx.t("deadlines_title", { scope, count: items.length }), [{ type: "list", items: items.map((i) => dueLine(ctx, i)) }]);
}
