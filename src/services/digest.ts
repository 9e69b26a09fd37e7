import type { Ctx } from "./context.ts";
import { today } from "./context.ts";
import { reply, type Block, type Reply } from "./reply.ts";
import { lateTag } from "./drafts.ts";
import { targetDescriber, stanceLabel, kindLabel, longDate } from "./describe.ts";
import { datedItems } from "./dated.ts";
import { dueLine } from "./deadlines.ts";
import { nominationsSection, notRespondedSection } from "./digest-due.ts";
import { addDays, calendarDate, zonedTime } from "../domain/dates.ts";
import { blocks as isBlocking, tally } from "../domain/rules.ts";
import { shorten } from "../domain/text.ts";
import type { PositionRow } from "../domain/types.ts";
import { cycleSections } from "./digest-cycle.ts";
import { groupBy } from "../domain/group.ts";
import { readOnce } from "../db/read-once.ts";
import type { BlockingRow } from "../db/positions.ts";

export const DIGEST_DEADLINE_DAYS = 14;
/** Tenures are announced further ahead: a successor has to be found and approved by the SOC. */
export const DIGEST_TENURE_DAYS = 90;
export const DIGEST_COMMENT_CHARS = 200;

export type DigestSection = { key: "objections" | "silence" | "offers" | "comments" | "deadlines" | "events" | "blocked" | "nominations" | "responded" | "cycle_offers" | "cycle_documents" | "cycle_decisions"; title: string; items: string[] };
export type Digest = { day: string; since: Date; until: Date; headline: string; top: string[]; sections: DigestSection[]; empty: boolean };

/** The window a digest for `day` covers: from the previous morning's send time to this morning's. */
export function digestWindow(day: string, time: string, tz: string): { since: Date; until: Date } {
  return { since: zonedTime(addDays(day, -1), time, tz), until: zonedTime(day, time, tz) };
}

/**
 * The Chair's digest: what changed in [since, until), what is blocked and by whom, what falls due in 14 days.
 * Sections come in a fixed order and only non-empty ones appear.
 */
export async function buildDigest(outer: Ctx, since: Date, until: Date): Promise<Digest> {
  // Its parts share reads (silence procedures, nominations, positions on the same refs): each goes to the database once.
  const ctx: Ctx = { ...outer, repos: readOnce(outer.repos) };
  const t = ctx.t;
  const day = calendarDate(until, ctx.settings.timeZone);
  // Every read starts here, before any line is written, so the database works while this thread formats
  // (issue 15: a year's window). The later sections' promises are awaited in their place below.
  // The two comment reads are the largest; on SQLite they run on a second connection (raw-reads.ts, bulk),
  // beside the reader thread, which answers the rest in the order asked: names and positions first.
  const countsP = ctx.repos.digestReads.commentCounts(since, until);
  const printedP = ctx.repos.digestReads.firstComments(since, until, 5);
  const describerP = targetDescriber(ctx);
  const changedP = ctx.repos.positions.changedBetween(since, until);
  const paraRefsP = countsP.then((cc) => ctx.repos.documents.paragraphRefs([...new Set(cc.map((c) => c.documentId))]));
  const silencesP = ctx.repos.silence.all();
  const blockingP = ctx.repos.positions.blockingBefore(until);
  const dueP = datedItems(ctx, day, addDays(day, DIGEST_TENURE_DAYS)).then((all) =>
    all.filter((i) => i.due <= addDays(day, DIGEST_DEADLINE_DAYS) || i.kind === "tenure_end"));
  const proposalsP = ctx.repos.events.submittedBetween(since, until);
  const docsP = ctx.repos.refData().then((r) => r.documents);
  const cycleP = describerP.then((d) => cycleSections(ctx, since, until, d));
  const lateP = Promise.all([nominationsSection(ctx, since, until), notRespondedSection(ctx, day, until)]);
  // Each is awaited in its place below; if an earlier one fails, the later ones' failures are not unhandled.
  for (const x of [countsP, printedP, paraRefsP, silencesP, blockingP, dueP, proposalsP, docsP, cycleP, lateP]) x.catch(() => {});
  const [changed, d] = await Promise.all([changedP, describerP]);
  const inWindow = (x: Date | null) => !!x && x >= since && x < until;
  const sections: DigestSection[] = [];
  const who = (p: Pick<PositionRow, "stateCode">) => d.n.state(p.stateCode);

  // 1. Objections and reservations (and "needs more time"), new and withdrawn, on anything: documents,
  // paragraphs, offers, nominations, silence procedures. Offers also get their tally in section 3.
  // Objections and reservations that block a whole document or a nomination outrank those on offers,
  // which outrank a request for more time; the "most important" list below uses the same order.
  const weight = (p: PositionRow) => (p.targetType === "offer" ? 2 : 0) + (p.stance === "needs_more_time" ? 1 : 0);
  const objItems: string[] = [];
  for (const p of changed.filter((x) => x.stance !== "support").sort((a, b) => weight(a) - weight(b))) {
    const where = d.target(p.targetType, p.targetRef, p.paragraphRef);
    if (inWindow(p.createdAt)) objItems.push(t("dg_new_position", { id: p.id, state: who(p), stance: stanceLabel(ctx, p.stance), target: where }) + (p.reason ? `: “${shorten(p.reason, DIGEST_COMMENT_CHARS)}”` : ""));
    if (inWindow(p.withdrawnAt)) objItems.push(t("dg_withdrawn_position", { id: p.id, state: who(p), stance: stanceLabel(ctx, p.stance), target: where }));
  }
  if (objItems.length) sections.push({ key: "objections", title: t("dg_objections"), items: objItems });

  // 2. Silence procedures: broken, concluded, or expiring within 48 hours.
  const silItems: string[] = [];
  const subject = (s: { subject: string; subjectRu: string | null }) => (ctx.lang === "ru" && s.subjectRu ? s.subjectRu : s.subject);
  // From the dated facts (when it was broken, when concluded), not the stored outcome: a digest for an earlier
  // morning (until) shows a procedure as running that was broken or concluded only later.
  for (const s of await silencesP) {
    if (s.brokenAt && inWindow(s.brokenAt)) silItems.push(t("dg_silence_broken", { subject: subject(s), state: d.n.state(s.brokenBy) }));
    else if (s.concludedAt && inWindow(s.concludedAt)) silItems.push(t("dg_silence_concluded", { subject: subject(s) }));
    else if (!(s.brokenAt && s.brokenAt < until) && !(s.concludedAt && s.concludedAt < until) && s.startsOn <= day && s.expiresOn <= addDays(day, 2) && s.expiresOn >= day)
      silItems.push(t("dg_silence_expiring", { subject: subject(s), date: longDate(ctx, s.expiresOn) }));
  }
  if (silItems.length) sections.push({ key: "silence", title: t("dg_silence"), items: silItems });

  // 3. Offers: new support and objections, with the current tally per offer.
  const offerChanges = changed.filter((p) => p.targetType === "offer" && (inWindow(p.createdAt) || inWindow(p.withdrawnAt)));
  if (offerChanges.length) {
    const offerIds = [...new Set(offerChanges.map((p) => p.targetRef))];
    const tallies = await ctx.repos.positions.onTargets("offer", offerIds);
    // Grouped once: a year's window holds many offers, and filtering per offer made this quadratic.
    const changesOn = groupBy(offerChanges, (p) => p.targetRef);
    const openOn = groupBy(tallies.filter((p) => p.createdAt < until), (p) => p.targetRef);
    const items = offerIds.map((id) => {
      const news = (changesOn.get(id) ?? []).map((p) => (inWindow(p.withdrawnAt) ? t("dg_offer_withdrawn", { state: who(p), stance: stanceLabel(ctx, p.stance) }) : `${who(p)}: ${stanceLabel(ctx, p.stance)}`));
      // As of the digest's morning: a digest printed later for an old day ignores what came after it.
      const open = openOn.get(id) ?? [];
      return t("dg_offer_line", {
        offer: d.target("offer", id, null), news: news.join("; "),
        ...tally(open.map((p) => p.stance)),
      });
    });
    sections.push({ key: "offers", title: t("dg_offers"), items });
  }

  // 4. New comments grouped by document and paragraph, with counts per delegation. The database counts
  // (GROUP BY) and hands over only the five comments per group that are printed.
  const [commentCounts, docs] = await Promise.all([countsP, docsP]);
  if (commentCounts.length) {
    const docById = new Map(docs.map((x) => [x.id, x]));
    const paraRefs = new Map<number, string>();
    for (const p of await paraRefsP) paraRefs.set(p.id, p.ref);
    const printed = await printedP;
    const keyOf = (c: { documentId: number; paragraphId: number | null }) => `${docById.get(c.documentId)?.symbol ?? c.documentId}|${c.paragraphId ? paraRefs.get(c.paragraphId) ?? "" : ""}`;
    // Groups and delegations within them in the order of their first comment, as a time-ordered scan would meet them.
    // (commentCounts comes in that order from the database.)
    const groups = new Map<string, { n: number; perState: Map<string, number>; shown: typeof printed }>();
    for (const c of commentCounts) {
      const key = keyOf(c);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { n: 0, perState: new Map(), shown: [] }));
      g.n += c.n;
      g.perState.set(c.stateCode, (g.perState.get(c.stateCode) ?? 0) + c.n);
    }
    for (const c of printed) groups.get(keyOf(c))?.shown.push(c);
    const items: string[] = [];
    const kinds = new Map<string, string>();
    const kindOf = (k: string) => kinds.get(k) ?? kinds.set(k, kindLabel(ctx, k)).get(k)!;
    for (const [key, g] of groups) {
      const [symbol, para] = key.split("|") as [string, string];
      const counts = [...g.perState].map(([s, k]) => `${d.n.state(s)} ${k}`).join(", ");
      items.push(`${para ? t("doc_para", { document: symbol, para }) : symbol} — ${t("n_comments", { n: g.n })} (${counts})`);
      const cmd = `/drafts ${symbol}${para ? ` para ${para}` : ""}`;
      let readFull: string | undefined;
      for (const c of g.shown.slice(0, 5)) {
        const long = c.text.length > DIGEST_COMMENT_CHARS ? ` ${(readFull ??= t("dg_read_full", { cmd }))}` : "";
        items.push(`   #${c.id} ${d.n.state(c.stateCode)} (${kindOf(c.kind)})${lateTag(ctx, docById.get(c.documentId), c)}: ${shorten(c.text, DIGEST_COMMENT_CHARS)}${long}`);
      }
      if (g.n > 5) items.push(`   ${t("dg_more_comments", { n: g.n - 5, cmd })}`);
    }
    sections.push({ key: "comments", title: t("dg_comments"), items });
  }

  // 5. Deadlines in the next 14 days.
  const due = await dueP;
  const soon = due.filter((i) => i.due <= addDays(day, DIGEST_DEADLINE_DAYS));
  const title = soon.length < due.length ? t("dg_deadlines_tenures", { n: DIGEST_DEADLINE_DAYS, m: DIGEST_TENURE_DAYS }) : t("dg_deadlines", { n: DIGEST_DEADLINE_DAYS });
  if (due.length) sections.push({ key: "deadlines", title, items: due.map((i) => dueLine(ctx, i)) });

  // 6. Event proposals received, late ones flagged.
  const proposals = await proposalsP;
  if (proposals.length)
    sections.push({
      key: "events",
      title: t("dg_events"),
      items: proposals.map((e) => `${e.title} · ${e.organisers.split("|").map((o) => d.n.state(o)).join(", ")} · ${e.year}${e.late ? ` — ${t("late_flag")}` : ""}`),
    });

  sections.push(...(await cycleP));

  // 7. Still blocked: every item with open objections or reservations, and who holds them.
  const byTarget: Map<string, BlockingRow[]> = groupBy((await blockingP).filter((x) => isBlocking(x.stance)), (p) => `${p.targetType}|${p.targetRef}|${p.paragraphRef ?? ""}`);
  const blockedItems = [...byTarget.values()].map((ps) => {
    const p0 = ps[0]!;
    return `${d.target(p0.targetType, p0.targetRef, p0.paragraphRef)} — ${ps.map((p) => `${who(p)} (${stanceLabel(ctx, p.stance)}, ${t("since_date", { date: longDate(ctx, calendarDate(p.createdAt, ctx.settings.timeZone)) })})`).join("; ")}`;
  });
  if (blockedItems.length) sections.push({ key: "blocked", title: t("dg_blocked"), items: blockedItems });
  // Issue 12: nominations with their tally, and who has not yet responded to what falls due.
  for (const s of await lateP) if (s) sections.push(s);

  const newObjections = changed.filter((p) => p.stance !== "support" && inWindow(p.createdAt)).length;
  const headline = t("dg_headline", {
    objections: newObjections,
    comments: commentCounts.reduce((n, c) => n + c.n, 0),
    blocked: byTarget.size,
    due: soon.length,
  });
  const top: string[] = [];
  const push = (s: string | undefined) => { if (s && top.length < 3 && !top.includes(s)) top.push(s); };
  for (const s of silItems.filter((x) => x.includes("⚠"))) push(s);
  const ranked = changed.filter((p) => p.stance !== "support" && inWindow(p.createdAt)).sort((a, b) => weight(a) - weight(b));
  // The line's head is built once per position, and the loop ends when the top is full: a year of
  // objections made this quadratic (seconds, see bench/).
  for (const p of ranked) {
    if (top.length >= 3) break;
    const head = t("dg_new_position", { id: p.id, state: who(p), stance: stanceLabel(ctx, p.stance), target: d.target(p.targetType, p.targetRef, p.paragraphRef) });
    push(objItems.find((s) => s.startsWith(head)));
  }
  push(due.find((i) => i.daysLeft <= 7) && dueLine(ctx, due.find((i) => i.daysLeft <= 7)!));
  for (const s of blockedItems) push(s);
  return { day, since, until, headline, top, sections, empty: sections.length === 0 };
}

export function digestReply(ctx: Ctx, dg: Digest): Reply {
  const blocks: Block[] = [{ type: "text", text: dg.headline }];
  if (dg.top.length) blocks.push({ type: "header", text: ctx.t("dg_top") }, { type: "list", items: dg.top });
  for (const s of dg.sections) blocks.push({ type: "header", text: s.title }, { type: "list", items: s.items });
  if (dg.empty) blocks.push({ type: "context", text: ctx.t("dg_quiet") });
  return reply(ctx.t("dg_title", { date: longDate(ctx, dg.day) }), blocks);
}

/** `/digest [date]`: a preview for a day (that morning's window), or the last 24 hours up to now. */
export async function previewDigest(ctx: Ctx, date: string | undefined, sendTime: string): Promise<Reply> {
  if (date) {
    const w = digestWindow(date, sendTime, ctx.settings.timeZone);
    return digestReply(ctx, await buildDigest(ctx, w.since, w.until));
  }
  // +1 ms: a position recorded in this very instant (a fixed test clock) belongs to the preview.
  const until = new Date(ctx.clock().getTime() + 1);
  const dg = await buildDigest(ctx, new Date(until.getTime() - 86_400_000), until);
  dg.day = today(ctx);
  return digestReply(ctx, dg);
}
