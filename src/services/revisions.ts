import type { Ctx } from "./context.ts";
import { UserError, sees } from "./context.ts";
import { reply, type Block, type Reply } from "./reply.ts";
import { resolveDocument } from "./resolve.ts";
import { kindLabel } from "./describe.ts";
import { namer } from "./names.ts";
import { changedCount, compareTexts, revisionOf } from "../domain/revision.ts";
import { shorten } from "../domain/text.ts";
import type { DocumentRow } from "../domain/types.ts";

async function predecessor(ctx: Ctx, doc: DocumentRow & { revisionOf?: string | null }): Promise<DocumentRow | undefined> {
  const row = await ctx.repos.cycle.documentBySymbol(doc.symbol);
  if (!row?.revisionOf) return undefined;
  const { documents } = await ctx.repos.refData();
  return documents.find((d) => d.symbol === row.revisionOf);
}

/** `/drafts <symbol> changes`: paragraph by paragraph what the revision added, removed or changed, and the brackets resolved. */
export async function documentChanges(ctx: Ctx, query: string): Promise<Reply> {
  const doc = await resolveDocument(ctx, query);
  const prev = await predecessor(ctx, doc);
  if (!prev) throw new UserError("cy_not_a_revision", { symbol: doc.symbol });
  const [before, after] = await Promise.all([ctx.repos.documents.paragraphs(prev.id), ctx.repos.documents.paragraphs(doc.id)]);
  const changes = compareTexts(before, after);
  const items: string[] = [];
  for (const c of changes) {
    if (c.kind === "added") items.push(`${c.ref}: ${ctx.t("cy_ch_added")} — ${shorten(c.text, 120)}`);
    else if (c.kind === "removed") items.push(`${c.ref}: ${ctx.t("cy_ch_removed")} — ${shorten(c.text, 120)}`);
    else if (c.kind === "changed") {
      items.push(`${c.ref}: ${ctx.t("cy_ch_changed")} — ${shorten(c.after, 120)}`);
      for (const r of c.resolved) items.push(`   ${ctx.t("cy_ch_resolved", { text: shorten(r, 80) })}`);
    }
  }
  const unchanged = changes.filter((c) => c.kind === "unchanged").length;
  const blocks: Block[] = [{ type: "header", text: `${prev.symbol} → ${doc.symbol}` }, { type: "list", items: items.length ? items : [ctx.t("cy_ch_none")] }, { type: "context", text: ctx.t("cy_ch_unchanged", { n: unchanged }) }];
  return reply(ctx.t("cy_changes", { symbol: doc.symbol, previous: prev.symbol, n: changedCount(changes) }), blocks);
}

/**
 * On a revision, comments and positions filed on the earlier text: those on paragraphs that did not change
 * stay visible, marked "on Rev.N-1"; those on changed or removed paragraphs are listed as "on the earlier text".
 */
export async function carriedOver(ctx: Ctx, doc: DocumentRow): Promise<Block[]> {
  const prev = await predecessor(ctx, doc);
  if (!prev) return [];
  const [before, after, comments, positions, n] = await Promise.all([
    ctx.repos.documents.paragraphs(prev.id), ctx.repos.documents.paragraphs(doc.id), ctx.repos.comments.list(prev.id),
    sees(ctx, "objection") ? ctx.repos.positions.onTarget(["document", "paragraph"], prev.symbol) : Promise.resolve([]), namer(ctx),
  ]);
  const changes = new Map(compareTexts(before, after).map((c) => [c.ref, c.kind]));
  const refOf = new Map(before.map((p) => [p.id, p.ref]));
  const label = ctx.t("cy_on_rev", { rev: revisionOf(prev.symbol).revision });
  const kept: string[] = [];
  const earlier: string[] = [];
  for (const c of comments) {
    const ref = c.paragraphId ? refOf.get(c.paragraphId) : undefined;
    const line = `#${c.id} ${ref ? ctx.t("para_short", { para: ref }) : ctx.t("whole_text")} · ${n.state(c.stateCode)} (${kindLabel(ctx, c.kind)}): ${shorten(c.text, 120)}`;
    (ref && changes.get(ref) === "unchanged" ? kept : earlier).push(`${line} (${label})`);
  }
  for (const p of positions) {
    const line = `#${p.id} ${p.paragraphRef ? ctx.t("para_short", { para: p.paragraphRef }) : ctx.t("whole_text")} · ${n.state(p.stateCode)}: ${ctx.t(`stance_${p.stance}` as never)}`;
    (p.paragraphRef && changes.get(p.paragraphRef) === "unchanged" ? kept : earlier).push(`${line} (${label})`);
  }
  const out: Block[] = [];
  if (kept.length) out.push({ type: "header", text: ctx.t("cy_carried_over", { label }) }, { type: "list", items: kept });
  if (earlier.length) out.push({ type: "header", text: ctx.t("cy_on_earlier_text") }, { type: "list", items: earlier });
  if (out.length) out.push({ type: "context", text: ctx.t("cy_changes_hint", { symbol: doc.symbol }) });
  return out;
}
