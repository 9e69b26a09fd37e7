import type { Ctx } from "./context.ts";
import { namer, type Namer } from "./names.ts";
import type { PositionRow } from "../domain/types.ts";
import { calendarDate } from "../domain/dates.ts";

/**
 * Loads what is needed to name any position target, once per reply (no query per row). Given `only`
 * (the targets the reply names, e.g. the one a new position is on), it reads just those nominations and
 * silence procedures instead of all of them.
 */
export async function targetDescriber(ctx: Ctx, only?: { targetType: string; targetRef: string }[]) {
  const refsOf = (type: string) => [...new Set(only!.filter((x) => x.targetType === type).map((x) => x.targetRef))];
  const [n, offers, nominations, silences] = await Promise.all([
    namer(ctx),
    ctx.repos.coordination.offers(),
    only ? ctx.repos.nominations.byIds(refsOf("nomination")) : ctx.repos.nominations.all(),
    only ? ctx.repos.silence.about(refsOf("silence")).then((xs) => xs.filter((x) => refsOf("silence").includes(x.id))) : ctx.repos.silence.all(),
  ]);
  const offerById = new Map(offers.map((o) => [o.id, o]));
  const nomById = new Map(nominations.map((x) => [x.id, x]));
  const silById = new Map(silences.map((x) => [x.id, x]));
  const { t } = ctx;
  const target = (type: string, ref: string, para: string | null): string => {
    switch (type) {
      case "document":
        return ref;
      case "paragraph":
        return t("doc_para", { document: ref, para: para ?? "?" });
      case "offer": {
        const o = offerById.get(ref);
        return o ? t("offer_of", { state: n.state(o.stateCode), role: t(o.role === "coordinator" ? "role_coordinator" : "role_co_coordinator"), area: n.area(o.areaId) }) : ref;
      }
      case "nomination": {
        const x = nomById.get(ref);
        return x ? t("nomination_of", { candidate: x.candidate, post: x.post }) : ref;
      }
      case "silence": {
        const x = silById.get(ref);
        return x ? t("silence_on", { subject: ctx.lang === "ru" && x.subjectRu ? x.subjectRu : x.subject }) : ref;
      }
      default:
        return ref;
    }
  };
  return {
    n,
    target,
    position: (p: PositionRow) =>
      t("position_line", {
        id: p.id,
        state: n.state(p.stateCode),
        stance: stanceLabel(ctx, p.stance),
        target: target(p.targetType, p.targetRef, p.paragraphRef),
        date: calendarDate(p.createdAt, ctx.settings.timeZone),
      }),
    offers: offerById,
  };
}
export type Describer = Awaited<ReturnType<typeof targetDescriber>>;
export type { Namer };

export function stanceLabel(ctx: Ctx, stance: string): string {
  switch (stance) {
    case "objection": return ctx.t("stance_objection");
    case "reservation": return ctx.t("stance_reservation");
    case "needs_more_time": return ctx.t("stance_needs_more_time");
    case "support": return ctx.t("stance_support");
    default: return stance;
  }
}

export function kindLabel(ctx: Ctx, kind: string): string {
  switch (kind) {
    case "drafting": return ctx.t("kind_drafting");
    case "question": return ctx.t("kind_question");
    default: return ctx.t("kind_general");
  }
}

/** "15 July 2023" / "15 июля 2023 г." — dates as diplomats write them. */
export function longDate(ctx: Ctx, iso: string): string {
  const memo = ctx.lang === "ru" ? longRuMemo : longEnMemo;
  let s = memo.get(iso);
  if (s === undefined) {
    s = (ctx.lang === "ru" ? longRu : longEn).format(new Date(`${iso}T12:00:00Z`));
    if (memo.size > 20_000) memo.clear();
    memo.set(iso, s);
  }
  return s;
}
/** A digest prints the same few hundred dates thousands of times. */
const longEnMemo = new Map<string, string>();
const longRuMemo = new Map<string, string>();
// Built once: constructing a formatter per date dominated the digest over a year of positions.
const longEn = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const longRu = new Intl.DateTimeFormat("ru-RU", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
