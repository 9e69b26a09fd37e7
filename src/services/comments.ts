import type { Ctx } from "./context.ts";
import { UserError, author, today } from "./context.ts";
import { reply, type Reply } from "./reply.ts";
import { resolveDocument, resolveParagraph } from "./resolve.ts";
import { kindLabel, longDate } from "./describe.ts";
import { namer } from "./names.ts";
import type { CommentKind, CommentRow } from "../domain/types.ts";
import { isUniqueViolation } from "../db/repos.ts";
import { oncePerRequest } from "./once.ts";
import { isLateComment } from "../domain/rules.ts";

/** Slack modals accept 3000 characters in one input; the same limit everywhere keeps behaviour alike. */
export const COMMENT_MAX = 3000;

export type CommentInput = { document: string; para?: string; kind: CommentKind; text: string };

export async function fileComment(ctx: Ctx, input: CommentInput): Promise<Reply> {
  const state = ctx.actor.stateCode;
  if (!state) throw new UserError("needs_delegation");
  if (input.text.length > COMMENT_MAX) throw new UserError("text_too_long", { max: COMMENT_MAX, length: input.text.length });
  const doc = await resolveDocument(ctx, input.document);
  const para = input.para ? await resolveParagraph(ctx, doc, input.para) : undefined;
  if (ctx.requestKey) {
    const again = await ctx.repos.comments.byKey(ctx.requestKey);
    if (again) return commentReply(ctx, again, doc.symbol, para?.ref, true);
  }
  const now = ctx.clock();
  let row: CommentRow;
  try {
    row = await ctx.repos.write(author(ctx), async (tx) => {
      const c = await ctx.repos.comments.create(tx, {
        documentId: doc.id, paragraphId: para?.id ?? null, stateCode: state, kind: input.kind, text: input.text,
        createdAt: now, updatedAt: now, platform: ctx.actor.platform, userId: ctx.actor.userId, requestKey: ctx.requestKey ?? null,
      });
      return { result: c, audit: [{ action: "comment", entity: "comment", entityId: String(c.id), details: { document: doc.symbol, para: para?.ref, kind: input.kind } }] };
    }, now);
  } catch (e) {
    const again = ctx.requestKey && isUniqueViolation(e) ? await ctx.repos.comments.byKey(ctx.requestKey) : null;
    if (again) return commentReply(ctx, again, doc.symbol, para?.ref, true);
    throw e;
  }
  const r = await commentReply(ctx, row, doc.symbol, para?.ref, false);
  if (isLateComment(doc.commentsDue, today(ctx))) r.blocks.push({ type: "context", text: ctx.t("comment_late", { date: longDate(ctx, doc.commentsDue!) }) });
  return r;
}

async function commentReply(ctx: Ctx, c: CommentRow, symbol: string, para: string | undefined, already: boolean): Promise<Reply> {
  const n = await namer(ctx);
  const where = para ? ctx.t("doc_para", { document: symbol, para }) : symbol;
  const r = reply(
    ctx.t(already ? "comment_already" : "comment_filed", { id: c.id, state: n.state(c.stateCode), where, kind: kindLabel(ctx, c.kind) }),
    [{ type: "quote", text: c.text }],
    { status: already ? "info" : "ok", actions: [] },
  );
  if (para) {
    r.actions!.push({ kind: "show_paragraph", document: symbol, paragraph: para, label: ctx.t("btn_show_paragraph", { para }) });
    r.actions!.push({ kind: "list_comments", document: symbol, paragraph: para, label: ctx.t("btn_list_comments") });
  } else r.actions!.push({ kind: "list_comments", document: symbol, label: ctx.t("btn_list_comments") });
  return r;
}

/** Replaces the text of one of the delegation's comments; the earlier text is kept as a version. */
export async function editComment(ctx: Ctx, input: { id: number; text: string; kind?: CommentKind }): Promise<Reply> {
  const state = ctx.actor.stateCode;
  if (!state) throw new UserError("needs_delegation");
  if (input.text.length > COMMENT_MAX) throw new UserError("text_too_long", { max: COMMENT_MAX, length: input.text.length });
  const c = await ctx.repos.comments.byId(input.id);
  if (!c) throw new UserError("comment_not_found", { id: input.id });
  if (c.stateCode !== state) throw new UserError("not_your_comment", { id: input.id });
  const now = ctx.clock();
  const edited = async (status: "ok" | "info") => {
    const [current, versions] = await Promise.all([ctx.repos.comments.byId(c.id), ctx.repos.comments.versions(c.id)]);
    return reply(ctx.t("comment_edited", { id: c.id, versions: versions.length }), [{ type: "quote", text: current?.text ?? input.text }], { status });
  };
  return oncePerRequest(ctx, "edit_comment", String(c.id), async (mark) => {
    await ctx.repos.write(author(ctx), async (tx) => {
      await mark(tx);
      const u = await ctx.repos.comments.edit(tx, c, input.text, input.kind ?? c.kind, now);
      return { result: u, audit: [{ action: "edit_comment", entity: "comment", entityId: String(c.id), details: { previous: c.text } }] };
    }, now);
    return edited("ok");
  }, () => edited("info"));
}
