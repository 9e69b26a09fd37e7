import { createHash } from "node:crypto";
import type { Ctx } from "./context.ts";
import { UserError, author, today } from "./context.ts";
import { reply, type Block, type Reply } from "./reply.ts";
import { namer, type Namer } from "./names.ts";
import { longDate } from "./describe.ts";
import { textOfFile, type FileInput } from "./extract.ts";
import { splitParagraphs, type SplitParagraph, type SplitProblem } from "../domain/paragraphs.ts";
import { parseBrackets, type Mark } from "../domain/brackets.ts";
import { nextRevisionSymbol, predecessorSymbol, revisionOf } from "../domain/revision.ts";
import { normalise, shorten } from "../domain/text.ts";
import type { DomainEvent } from "./positions.ts";

export type CirculateInput = {
  symbol?: string; revOf?: string; due?: string; restricted: boolean; title?: string; text?: string; file?: FileInput; confirm?: string;
};
type Payload = { symbol: string; title: string; due: string | null; restricted: boolean; revisionOf: string | null; body: string; paragraphs: SplitParagraph[]; problems: SplitProblem[] };

/** A bracket mark with the state's name: "IRAN" → "Iran (Islamic Republic of)"; "SEC" → the Secretariat. */
export function markParty(ctx: Ctx, n: Namer, party: string): string {
  if (party === "SEC") return ctx.t("cy_secretariat");
  const p = normalise(party);
  const s = n.ref.states.find((x) => x.code.toLowerCase() === p || x.aliases.includes(p));
  return s ? n.state(s.code) : party;
}
export const markText = (ctx: Ctx, n: Namer, m: Mark) => ctx.t(`mark_${m.kind}`, { party: markParty(ctx, n, m.party) });

async function symbolFor(ctx: Ctx, input: CirculateInput): Promise<{ symbol: string; revisionOf: string | null }> {
  const { documents } = await ctx.repos.refData();
  if (input.revOf) {
    const base = revisionOf(input.revOf.trim()).base;
    const family = documents.filter((d) => d.symbol.toUpperCase() === base.toUpperCase() || revisionOf(d.symbol).base.toUpperCase() === base.toUpperCase());
    if (!family.length) throw new UserError("doc_not_found", { query: input.revOf });
    const latest = family.sort((a, b) => revisionOf(b.symbol).revision - revisionOf(a.symbol).revision)[0]!;
    return { symbol: nextRevisionSymbol(latest.symbol), revisionOf: latest.symbol };
  }
  const symbol = input.symbol!.trim();
  const prev = predecessorSymbol(symbol);
  if (prev) {
    const found = documents.find((d) => d.symbol.toUpperCase() === prev.toUpperCase());
    if (!found) throw new UserError("cy_no_predecessor", { symbol, previous: prev });
    return { symbol: `${revisionOf(found.symbol).base}/Rev.${revisionOf(symbol).revision}`, revisionOf: found.symbol };
  }
  return { symbol, revisionOf: null };
}

/** `/circulate …` without confirm: parse the text and show what would be circulated. Nothing is announced yet. */
export async function previewCirculation(ctx: Ctx, input: CirculateInput): Promise<Reply> {
  const body = input.file ? await textOfFile(input.file) : (input.text ?? "");
  if (!body.trim()) throw new UserError("cy_needs_text");
  const { symbol, revisionOf: prev } = await symbolFor(ctx, input);
  const { documents } = await ctx.repos.refData();
  if (documents.some((d) => d.symbol.toUpperCase() === symbol.toUpperCase())) throw new UserError("cy_doc_exists", { symbol });
  if (input.due && input.due < today(ctx)) throw new UserError("cy_due_past", { date: input.due });
  const split = splitParagraphs(body);
  if (!split.paragraphs.some((p) => p.kind !== "heading")) throw new UserError("cy_no_paragraphs");
  const bracketed = split.paragraphs.filter((p) => !parseBrackets(p.text).agreed);
  const earlier = prev ? documents.find((d) => d.symbol === prev) : undefined;
  const title = input.title?.trim() || earlier?.title || split.paragraphs.find((p) => p.kind === "heading")?.text || symbol;
  // Bracketed text is a negotiation text: restricted from observers even if the flag was forgotten.
  const restricted = input.restricted || bracketed.length > 0;
  const payload: Payload = { symbol, title, due: input.due ?? null, restricted, revisionOf: prev, body, paragraphs: split.paragraphs, problems: split.problems };
  const json = JSON.stringify(payload);
  const token = createHash("sha256").update(json).digest("hex").slice(0, 8);
  await ctx.repos.cycle.savePreview(token, json, `${ctx.actor.platform}:${ctx.actor.userId}`, ctx.clock());
  const n = await namer(ctx);
  const count = split.paragraphs.filter((p) => p.kind !== "heading").length;
  const blocks: Block[] = [
    { type: "header", text: `${symbol} — ${title}` },
    {
      type: "fields",
      fields: [
        { label: ctx.t("cy_paragraphs"), value: String(count) },
        { label: ctx.t("cy_bracketed"), value: String(bracketed.length) },
        { label: ctx.t("field_comments_due"), value: input.due ? longDate(ctx, input.due) : "—" },
        { label: ctx.t("cy_restricted"), value: ctx.t(restricted ? "cy_yes" : "cy_no") },
        ...(prev ? [{ label: ctx.t("cy_revision_of"), value: prev }] : []),
      ],
    },
    { type: "list", items: split.paragraphs.map((p) => (p.kind === "heading" ? `— ${shorten(p.text, 80)} —` : `${p.ref}: ${shorten(p.text, 80)}`)) },
  ];
  if (bracketed.length)
    blocks.push({ type: "header", text: ctx.t("cy_bracketed") }, {
      type: "list",
      items: bracketed.map((p) => `${p.ref}: ${parseBrackets(p.text).brackets.map((b) => `[${shorten(b.text, 50)}] ${b.marks.map((m) => markText(ctx, n, m)).join("; ") || ctx.t("mark_none")}`).join(" · ")}`),
    });
  if (split.problems.length)
    blocks.push({ type: "header", text: ctx.t("cy_problems") }, { type: "list", items: split.problems.map((p) => ctx.t(`cy_problem_${p.kind}`, { ref: p.ref, detail: p.detail })) });
  blocks.push({ type: "context", text: ctx.t("cy_confirm_hint", { token }) });
  return reply(ctx.t("cy_preview", { symbol, count, bracketed: bracketed.length }), blocks, {
    status: "info",
    actions: [{ kind: "choose", command: "circulate", text: `confirm ${token}`, label: ctx.t("cy_btn_confirm") }],
  });
}

/** `/circulate confirm <token>`: records the document and its paragraphs, then the announcement goes out. */
export async function confirmCirculation(ctx: Ctx, token: string, emit: (e: DomainEvent) => void): Promise<Reply> {
  const row = await ctx.repos.cycle.preview(token.trim().toLowerCase());
  const n = await namer(ctx);
  if (!row) throw new UserError("cy_preview_not_found", { token });
  const p = JSON.parse(row.payload) as Payload;
  const existing = await ctx.repos.cycle.documentBySymbol(p.symbol);
  if (existing) return reply(ctx.t("cy_already_circulated", { symbol: existing.symbol }), [], { status: "info" });
  const now = ctx.clock();
  const day = today(ctx);
  const rev = revisionOf(p.symbol).revision;
  await ctx.repos.write(author(ctx), async (tx) => {
    const doc = await ctx.repos.cycle.createDocument(tx, {
      symbol: p.symbol, title: p.title, date: day, revision: rev, status: "under_negotiation", restricted: p.restricted, commentsDue: p.due,
      body: p.body, revisionOf: p.revisionOf, circulatedAt: now, source: `circulated by ${ctx.actor.platform}:${ctx.actor.userId}`,
    }, p.paragraphs.map((x) => ({ ref: x.ref, text: x.text })));
    if (p.revisionOf) await ctx.repos.cycle.setDocumentStatus(tx, p.revisionOf, "superseded");
    // The preview stays: confirming it again (a retried request, a second click) answers "already circulated".
    return { result: doc, audit: [{ action: "circulate", entity: "document", entityId: p.symbol, details: { revisionOf: p.revisionOf, due: p.due, paragraphs: p.paragraphs.length, restricted: p.restricted } }] };
  }, now);
  ctx.repos.invalidate();
  emit({ type: "document_circulated", symbol: p.symbol, platform: ctx.actor.platform });
  void n;
  return reply(ctx.t("cy_circulated", { symbol: p.symbol }), [
    { type: "text", text: `${p.symbol} — ${p.title}` },
    ...(p.due ? [{ type: "context" as const, text: ctx.t("cy_due_line", { date: longDate(ctx, p.due) }) }] : []),
    { type: "context", text: ctx.t("cy_announced", { platform: ctx.actor.platform }) },
  ]);
}
