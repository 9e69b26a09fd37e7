/**
 * The compilation of comments a Secretariat circulates after a comment period: the document's title block,
 * each paragraph in order with every delegation's comments and positions on it, then general comments,
 * then which member states commented and which did not. Platform- and format-neutral: src/papers/ renders it.
 */
import type { Ctx } from "./context.ts";
import { UserError } from "./context.ts";
import { resolveDocument } from "./resolve.ts";
import { namer } from "./names.ts";
import { kindLabel, longDate, stanceLabel } from "./describe.ts";
import { calendarDate } from "../domain/dates.ts";
import type { DocumentRow } from "../domain/types.ts";
import { isLateComment } from "../domain/rules.ts";

export type CompiledEntry = {
  stateCode: string;
  state: string;
  /** "comment" rows carry a comment kind, "position" rows a stance. */
  source: "comment" | "position";
  kind: string;
  /** Calendar date in the forum's zone (YYYY-MM-DD) and as written for the reader. */
  date: string;
  dateText: string;
  text: string;
  late: boolean;
};
export type CompiledParagraph = { ref: string; text: string; entries: CompiledEntry[] };

export type Compilation = {
  lang: Ctx["lang"];
  doc: { symbol: string; title: string; revision: number; date: string | null; due: string | null };
  since?: string;
  paragraphs: CompiledParagraph[];
  general: CompiledEntry[];
  commented: { code: string; name: string }[];
  silent: { code: string; name: string }[];
  /** Headings and labels in the asker's language, so renderers hold no words of their own. */
  l: Record<"title" | "symbol" | "revision" | "date" | "due" | "paragraph" | "general" | "noComments" | "closing" | "commented" | "silent" | "late" | "state" | "kind" | "text" | "since" | "none", string>;
};

/** A document the asker may see, with everything filed on it: what the compilation and the matrix are drawn from. */
export async function documentRecord(ctx: Ctx, query: string) {
  const doc = await resolveDocument(ctx, query);
  const [paras, comments, positions, n] = await Promise.all([
    ctx.repos.documents.paragraphs(doc.id),
    ctx.repos.papers.allComments(doc.id),
    ctx.repos.positions.onTarget(["document", "paragraph"], doc.symbol),
    namer(ctx),
  ]);
  return { doc, paras, comments, positions, n };
}

/** Builds the compilation of `query` (symbol, suffix or title words); `since` keeps comments on or after that date. */
export async function compile(ctx: Ctx, query: string, since?: string): Promise<Compilation> {
  const { doc, paras, comments, positions, n } = await documentRecord(ctx, query);
  const tz = ctx.settings.timeZone;
  const now = ctx.clock();
  const keep = (at: Date) => at <= now && (!since || calendarDate(at, tz) >= since);
  const lateOn = (d: string) => isLateComment(doc.commentsDue, d);
  const entry = (stateCode: string, source: CompiledEntry["source"], kind: string, at: Date, text: string): CompiledEntry => {
    const date = calendarDate(at, tz);
    return { stateCode, state: n.state(stateCode), source, kind, date, dateText: longDate(ctx, date), text, late: source === "comment" && lateOn(date) };
  };
  const byPara = new Map<string, CompiledEntry[]>();
  const general: CompiledEntry[] = [];
  const paraRef = new Map(paras.map((p) => [p.id, p.ref]));
  const add = (ref: string | null | undefined, e: CompiledEntry) => (ref ? byPara.set(ref, [...(byPara.get(ref) ?? []), e]) : general.push(e));
  const rows: { at: Date; ref: string | null | undefined; e: CompiledEntry }[] = [];
  for (const c of comments.filter((x) => keep(x.createdAt)))
    rows.push({ at: c.createdAt, ref: c.paragraphId ? paraRef.get(c.paragraphId) : null, e: entry(c.stateCode, "comment", kindLabel(ctx, c.kind), c.createdAt, c.text) });
  for (const p of positions.filter((x) => keep(x.createdAt)))
    rows.push({ at: p.createdAt, ref: p.targetType === "paragraph" ? p.paragraphRef : null, e: entry(p.stateCode, "position", stanceLabel(ctx, p.stance), p.createdAt, p.reason) });
  rows.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const r of rows) add(r.ref, r.e);

  const spoke = new Set(rows.map((r) => r.e.stateCode));
  const members = n.ref.states.filter((s) => s.kind === "member").map((s) => ({ code: s.code, name: n.state(s.code) }));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, ctx.lang);
  const t = ctx.t;
  return {
    lang: ctx.lang,
    doc: docBlock(ctx, doc),
    since,
    paragraphs: paras.map((p) => ({ ref: p.ref, text: p.text, entries: byPara.get(p.ref) ?? [] })),
    general,
    commented: members.filter((m) => spoke.has(m.code)).sort(byName),
    silent: members.filter((m) => !spoke.has(m.code)).sort(byName),
    l: {
      title: t("cp_title"), symbol: t("cp_symbol"), revision: t("cp_revision"), date: t("cp_date"), due: t("cp_comments_due"),
      paragraph: t("cp_paragraph"), general: t("cp_general"), noComments: t("cp_no_comments"), closing: t("cp_closing"),
      commented: t("cp_commented"), silent: t("cp_silent"), late: t("late_comment"), state: t("cp_state"), kind: t("cp_kind"),
      text: t("cp_text"), since: since ? t("cp_since", { date: longDate(ctx, since) }) : "", none: "—",
    },
  };
}

function docBlock(ctx: Ctx, d: DocumentRow): Compilation["doc"] {
  return { symbol: d.symbol, title: ctx.lang === "ru" && d.titleRu ? d.titleRu : d.title, revision: d.revision, date: d.date, due: d.commentsDue };
}

/** "since 2023-07-01" as typed; anything else is a polite error naming the format. */
export function checkSince(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) throw new UserError("cp_bad_since", { value: v });
  return v;
}

/** A file name safe on every platform: "MC-2023-DRAFT-5-compilation.docx". */
export const fileBase = (symbol: string, what: string) => `${symbol.replace(/[^A-Za-z0-9.]+/g, "-").replace(/^-|-$/g, "")}-${what}`;
