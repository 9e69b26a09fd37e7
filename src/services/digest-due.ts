/**
 * Open items that ask delegations to act, who has responded, and the Chair's digest parts built on them:
 * "not yet responded" per open item, and nominations with supporters, reservations and a tally.
 */
import type { Ctx } from "./context.ts";
import { datedItems, type DatedItem } from "./dated.ts";
import type { DigestSection } from "./digest.ts";
import { longDate, stanceLabel, targetDescriber } from "./describe.ts";
import { addDays, calendarDate } from "../domain/dates.ts";
import { tally } from "../domain/rules.ts";
import { nominationState } from "../domain/timeline.ts";
import { groupBy } from "../domain/group.ts";

/** How far ahead the digest's "not yet responded" lines and the reminders look. */
export const OPEN_ITEM_DAYS = 14;

export type OpenItem = { item: DatedItem; asked: string[]; responded: Set<string> };

/**
 * Items in [day, day + days] that ask delegations to act, with the Member States asked and those that have
 * answered by `asOf`: commented or took a position on the document, took a position on the procedure or its
 * matter, or submitted a proposal for the plan year. A fixed number of queries, whatever the number of items.
 */
export async function openItems(ctx: Ctx, day: string, days = OPEN_ITEM_DAYS, asOf: Date = ctx.clock()): Promise<OpenItem[]> {
  const [items, ref] = await Promise.all([datedItems(ctx, day, addDays(day, days)), ctx.repos.refData()]);
  const asking = items.filter((i) => i.addressees && i.respond && i.daysLeft >= 0);
  const members = ref.states.filter((s) => s.kind === "member").map((s) => s.code);
  const docs = asking.flatMap((i) => (i.respond?.type === "document" ? [i.respond.ref] : []));
  const docIds = ref.documents.filter((d) => docs.includes(d.symbol)).map((d) => d.id);
  const refs = asking.flatMap((i) => (i.respond?.type === "document" ? [i.respond.ref] : i.respond?.type === "silence" ? [i.respond.ref, i.respond.matter ?? ""] : [])).filter(Boolean);
  const years = asking.flatMap((i) => (i.respond?.type === "plan" ? [i.respond.year] : []));
  const [commenters, positions, proposals] = await Promise.all([
    ctx.repos.time.commenters(docIds),
    ctx.repos.time.positionsOn([...new Set(refs)]),
    ctx.repos.time.planProposals(years),
  ]);
  const before = positions.filter((p) => p.createdAt <= asOf);
  return asking.map((item) => {
    const asked = item.addressees === "members" ? members : item.addressees!;
    const responded = new Set<string>();
    const r = item.respond!;
    if (r.type === "document") {
      const id = ref.documents.find((d) => d.symbol === r.ref)?.id;
      for (const c of commenters) if (c.documentId === id) responded.add(c.stateCode);
      for (const p of before) if (p.targetRef === r.ref) responded.add(p.stateCode);
    } else if (r.type === "silence") {
      for (const p of before) if (p.targetRef === r.ref || (r.matter && p.targetRef === r.matter)) responded.add(p.stateCode);
    } else if (r.type === "plan") {
      for (const e of proposals.filter((x) => x.year === r.year && (!x.submittedAt || x.submittedAt <= asOf))) {
        if (e.submittedBy) responded.add(e.submittedBy);
        for (const o of e.organisers.split("|")) responded.add(o);
      }
    }
    return { item, asked, responded };
  });
}

/** Digest: one line per open item naming the states asked that have said nothing yet. */
export async function notRespondedSection(ctx: Ctx, day: string, until: Date): Promise<DigestSection | undefined> {
  const [open, d] = await Promise.all([openItems(ctx, day, OPEN_ITEM_DAYS, until), targetDescriber(ctx)]);
  if (!open.length) return undefined;
  const items = open.map(({ item, asked, responded }) => {
    const silent = asked.filter((s) => !responded.has(s));
    const head = { item: item.title, date: longDate(ctx, item.due) };
    return silent.length ? ctx.t("dg_not_responded_line", { ...head, states: silent.map((s) => d.n.state(s)).join(", ") }) : ctx.t("dg_all_responded", head);
  });
  return { key: "responded", title: ctx.t("dg_not_responded"), items };
}

/**
 * Digest: nominations under consultation on which a position changed in [since, until), with supporters and
 * reservations by name and the tally, as for offers.
 */
export async function nominationsSection(ctx: Ctx, since: Date, until: Date): Promise<DigestSection | undefined> {
  const [noms, d] = await Promise.all([ctx.repos.nominations.all(), targetDescriber(ctx)]);
  const day = calendarDate(until, ctx.settings.timeZone);
  const decided = await ctx.repos.cycle.decisions({ targetType: "nomination" });
  const decidedOn = groupBy(decided, (c) => c.targetRef);
  const open = noms.filter((x) => nominationState(x, decidedOn.get(x.id) ?? [], day) === "under_consultation");
  if (!open.length) return undefined;
  const all = await ctx.repos.time.positionsOn(open.map((x) => x.id));
  const inWindow = (t: Date | null) => !!t && t >= since && t < until;
  const changed = new Set(all.filter((p) => p.targetType === "nomination" && (inWindow(p.createdAt) || inWindow(p.withdrawnAt))).map((p) => p.targetRef));
  // The tally as of the digest's morning: open then, whatever happened later.
  const ps = all.filter((p) => p.targetType === "nomination" && p.createdAt < until && !(p.withdrawnAt && p.withdrawnAt < until));
  const onNomination = groupBy(ps, (p) => p.targetRef);
  const items = open.filter((x) => changed.has(x.id)).map((x) => {
    const mine = onNomination.get(x.id) ?? [];
    return ctx.t("nomination_tally", {
      nomination: d.target("nomination", x.id, null),
      supporters: mine.map((p) => `${d.n.state(p.stateCode)}: ${stanceLabel(ctx, p.stance)}`).join("; ") || "—",
      ...tally(mine.map((p) => p.stance)),
    });
  });
  return items.length ? { key: "nominations", title: ctx.t("dg_nominations"), items } : undefined;
}
