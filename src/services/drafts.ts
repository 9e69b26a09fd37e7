import type { Ctx } from "./context.ts";
import { requireSee, sees, seesParagraph, today } from "./context.ts";
import { matterOfParagraph } from "../policy/matters.ts";
import { reply, type Block, type Reply } from "./reply.ts";
import { resolveDocument, resolveParagraph, visibleDocuments } from "./resolve.ts";
import { kindLabel, longDate, stanceLabel } from "./describe.ts";
import { namer } from "./names.ts";
import { carriedOver } from "./revisions.ts";
import { parseBrackets } from "../domain/brackets.ts";
import { calendarDate, daysBetween } from "../domain/dates.ts";
import { shorten } from "../domain/text.ts";
import { isLateComment } from "../domain/rules.ts";
import { documentStatus, type DocumentStatus } from "../domain/timeline.ts";
import type { CommentRow, DocumentRow } from "../domain/types.ts";

/** Lateness is derived, not stored: a comment filed after the document's due date (the forum's calendar). */
export function lateTag(ctx: Ctx, doc: DocumentRow | undefined, c: CommentRow): string {
  return isLateComment(doc?.commentsDue, calendarDate(c.createdAt, ctx.settings.timeZone)) ? ` [${ctx.t("late_comment")}]` : "";
}

export async function listDrafts(ctx: Ctx): Promise<Reply> {
  const docs = await visibleDocuments(ctx);
  if (!docs.length) return reply(ctx.t("no_documents"), [], { status: "info" });
  const [n, paras] = await Promise.all([namer(ctx), ctx.repos.time.paragraphsOf(docs.map((d) => d.id))]);
  const day = today(ctx);
  const items = docs.map((d) => `${d.symbol} — ${n.docTitle(d)} · ${statusText(ctx, documentStatus(d, paras.filter((p) => p.documentId === d.id), day, docs))}${dueNote(ctx, d)}`);
  return reply(ctx.t("documents_count", { count: docs.length }), [{ type: "list", items }, { type: "context", text: ctx.t("drafts_hint") }]);
}

function statusLabel(ctx: Ctx, status: string): string {
  return ctx.t(`doc_status_${status}` as never) || status;
}

/** The status as its text bears it out: never a bare "agreed" while paragraphs remain in brackets. */
export function statusText(ctx: Ctx, st: DocumentStatus): string {
  const paras = st.bracketed.join(", ");
  if (st.supersededBy) return ctx.t("doc_status_superseded_by", { symbol: st.supersededBy.symbol, date: longDate(ctx, st.supersededBy.on) });
  if (st.state === "agreed_except") return ctx.t("doc_status_agreed_except", { paras });
  if (st.state === "under_negotiation" && st.bracketed.length) return ctx.t("doc_status_under_negotiation_paras", { paras });
  return statusLabel(ctx, st.state);
}

function dueNote(ctx: Ctx, d: DocumentRow): string {
  if (!d.commentsDue) return "";
  const left = daysBetween(today(ctx), d.commentsDue);
  return ` · ${ctx.t(left >= 0 ? "comments_due_in" : "comments_were_due", { date: longDate(ctx, d.commentsDue), days: Math.abs(left) })}`;
}

/** One document: status, due date, and per paragraph its bracket state and the counts of comments and open positions. */
export async function showDraft(ctx: Ctx, query: string, para?: string): Promise<Reply> {
  const doc = await resolveDocument(ctx, query);
  if (para) return showParagraph(ctx, doc, para);
  const n = await namer(ctx);
  const [paras, counts] = await Promise.all([ctx.repos.documents.paragraphs(doc.id), ctx.repos.documents.counts(doc)]);
  const comments = new Map(counts.comments.map((c) => [c.paragraphId, c.n]));
  const restrictedOk = sees(ctx, "objection");
  const st = documentStatus(doc, paras, today(ctx), await visibleDocuments(ctx));
  const meeting = doc.meeting ? (await ctx.repos.deadlines.between("0000-01-01", undefined)).find((r) => r.id === doc.meeting) : undefined;
  const openOn = (ref: string | null) => counts.positions.filter((p) => p.paragraphRef === ref && p.stance !== "support").reduce((s, p) => s + p.n, 0);
  const blocks: Block[] = [
    { type: "header", text: `${doc.symbol} — ${n.docTitle(doc)}` },
    {
      type: "fields",
      fields: [
        { label: ctx.t("field_status"), value: statusText(ctx, st) },
        ...(doc.date ? [{ label: ctx.t("field_version"), value: ctx.t("field_version_value", { version: st.version, date: longDate(ctx, doc.date) }) }] : []),
        ...(doc.body ? [{ label: ctx.t("field_body"), value: doc.body }] : []),
        ...(meeting ? [{ label: ctx.t("field_meeting"), value: `${ctx.lang === "ru" ? meeting.titleRu : meeting.title} (${longDate(ctx, meeting.due)})` }] : []),
        ...(doc.commentsDue ? [{ label: ctx.t("field_comments_due"), value: dueNote(ctx, doc).replace(/^ · /, "") }] : []),
        { label: ctx.t("field_comments"), value: String([...comments.values()].reduce((a, b) => a + b, 0)) },
        ...(restrictedOk ? [{ label: ctx.t("field_open_objections"), value: String(counts.positions.filter((p) => p.stance !== "support").reduce((s, p) => s + p.n, 0)) }] : []),
      ],
    },
  ];
  if (restrictedOk) {
    const whole = await ctx.repos.positions.onTarget("document", doc.symbol);
    if (whole.length)
      blocks.push({ type: "list", matter: "objection", items: whole.map((p) => `#${p.id} ${n.state(p.stateCode)}: ${stanceLabel(ctx, p.stance)} ${ctx.t("on_whole_document")}`) });
  }
  const bracketed = paras.filter((p) => !parseBrackets(p.text).agreed).length;
  if (paras.length) {
    blocks.push({ type: "context", text: ctx.t("paragraph_summary", { count: paras.length, bracketed }) });
    blocks.push({
      type: "list",
      items: paras.map((p) => {
        if (!seesParagraph(ctx, p)) return `${p.ref}: ${ctx.t("sec_paragraph_restricted")}`;
        const b = parseBrackets(p.text);
        const marks = b.agreed ? "" : ` [${b.parties.join(" ") || "…"}]`;
        const c = comments.get(p.id) ?? 0;
        const o = restrictedOk ? openOn(p.ref) : 0;
        const tally = [c ? ctx.t("n_comments", { n: c }) : "", o ? ctx.t("n_objections", { n: o }) : ""].filter(Boolean).join(", ");
        return `${p.ref}${marks}${tally ? ` (${tally})` : ""}: ${shorten(p.text, 90)}`;
      }),
    });
  }
  blocks.push(...(await carriedOver(ctx, doc)));
  blocks.push({ type: "context", text: ctx.t("show_para_hint", { symbol: doc.symbol }) });
  return reply(`${doc.symbol} — ${n.docTitle(doc)}`, blocks, {
    actions: [{ kind: "list_comments", document: doc.symbol, label: ctx.t("btn_list_comments") }],
  });
}

/** A paragraph in full, its brackets explained, and the comments and positions on it. */
async function showParagraph(ctx: Ctx, doc: DocumentRow, ref: string): Promise<Reply> {
  const p = await resolveParagraph(ctx, doc, ref);
  const quoted = matterOfParagraph(p);
  if (quoted) requireSee(ctx, quoted);
  const n = await namer(ctx);
  const b = parseBrackets(p.text);
  const [comments, positions] = await Promise.all([
    ctx.repos.comments.list(doc.id, p.id),
    sees(ctx, "objection") ? ctx.repos.positions.onTarget("paragraph", doc.symbol) : Promise.resolve([]),
  ]);
  const blocks: Block[] = [{ type: "header", text: ctx.t("doc_para", { document: doc.symbol, para: p.ref }) }, { type: "quote", text: p.text }];
  blocks.push({ type: "context", text: b.agreed ? ctx.t("para_agreed") : ctx.t("para_bracketed", { count: b.brackets.length }) });
  if (!b.agreed)
    blocks.push({
      type: "list",
      items: b.brackets.map((x) => `[${shorten(x.text, 70)}] — ${x.marks.map((m) => ctx.t(`mark_${m.kind}` as never, { party: m.party })).join("; ") || ctx.t("mark_none")}`),
    });
  const mine = positions.filter((x) => x.paragraphRef === p.ref);
  if (mine.length) blocks.push({ type: "header", matter: "objection", text: ctx.t("positions_header") }, { type: "list", matter: "objection", items: mine.map((x) => `#${x.id} ${n.state(x.stateCode)}: ${stanceLabel(ctx, x.stance)}${x.reason ? ` — ${shorten(x.reason, 120)}` : ""}`) });
  if (comments.length)
    blocks.push(
      { type: "header", text: ctx.t("comments_header", { count: comments.length }) },
      { type: "list", items: comments.map((c) => `#${c.id} ${n.state(c.stateCode)} (${kindLabel(ctx, c.kind)})${lateTag(ctx, doc, c)}: ${c.text}`) },
    );
  else blocks.push({ type: "context", text: ctx.t("no_comments_yet") });
  return reply(ctx.t("doc_para", { document: doc.symbol, para: p.ref }), blocks);
}

/** All comments on a document, grouped by paragraph. */
export async function listComments(ctx: Ctx, query: string, para?: string): Promise<Reply> {
  const doc = await resolveDocument(ctx, query);
  if (para) return showParagraph(ctx, doc, para);
  const [paras, all, n] = await Promise.all([ctx.repos.documents.paragraphs(doc.id), ctx.repos.comments.list(doc.id), namer(ctx)]);
  const hidden = new Set(paras.filter((p) => !seesParagraph(ctx, p)).map((p) => p.id));
  const comments = all.filter((c) => c.paragraphId === null || !hidden.has(c.paragraphId));
  if (!comments.length) return reply(ctx.t("no_comments_on", { document: doc.symbol }), [], { status: "info" });
  const refOf = new Map(paras.map((p) => [p.id, p.ref]));
  const items = comments.map((c) => `#${c.id} ${c.paragraphId ? ctx.t("para_short", { para: refOf.get(c.paragraphId) ?? "?" }) : ctx.t("whole_text")} · ${n.state(c.stateCode)} (${kindLabel(ctx, c.kind)})${lateTag(ctx, doc, c)}: ${c.text}`);
  return reply(ctx.t("comments_on", { document: doc.symbol, count: comments.length }), [{ type: "list", items }]);
}
