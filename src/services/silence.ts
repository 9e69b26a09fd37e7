import type { Ctx } from "./context.ts";
import { author, requireSee, today } from "./context.ts";
import { reply, type Reply } from "./reply.ts";
import { longDate } from "./describe.ts";
import { namer } from "./names.ts";
import type { DomainEvent } from "./positions.ts";
import { silenceOn } from "./dated.ts";

export async function listSilence(ctx: Ctx): Promise<Reply> {
  requireSee(ctx, "silence");
  const [on, n] = await Promise.all([silenceOn(ctx, today(ctx)), namer(ctx)]);
  // A procedure that has not started by today is not shown: nothing dated after NOW has happened.
  const all = on.filter((x) => x.status.state !== "scheduled");
  if (!all.length) return reply(ctx.t("no_silence"), [], { status: "info" });
  const items = all.map(({ s, status }) => {
    const subject = ctx.lang === "ru" && s.subjectRu ? s.subjectRu : s.subject;
    const outcome = status.state === "broken"
      ? ctx.t("sp_broken_on", { state: n.state(status.brokenBy), date: longDate(ctx, status.brokenOn!) })
      : status.state === "approved" ? ctx.t("sp_approved", { date: longDate(ctx, s.expiresOn) }) : ctx.t("sp_running_until", { date: longDate(ctx, s.expiresOn) });
    return `silence:${s.id} — ${subject} · ${longDate(ctx, s.startsOn)} – ${longDate(ctx, s.expiresOn)} · ${outcome}`;
  });
  return reply(ctx.t("silence_title", { count: all.length }), [{ type: "list", items }]);
}

/**
 * Marks running procedures whose last day has passed as concluded (no objection broke them).
 * Returns what changed so the caller can tell the Chair and the linked channels.
 */
export async function concludeExpiredSilence(ctx: Ctx, emit: (e: DomainEvent) => void = () => {}): Promise<string[]> {
  // Derived as everywhere (src/domain/timeline.ts): a stored "running" procedure whose last day has passed unbroken.
  const due = (await silenceOn(ctx, today(ctx))).filter((x) => x.s.outcome === "running" && x.status.state === "approved").map((x) => x.s);
  const done: string[] = [];
  for (const s of due) {
    const now = ctx.clock();
    const changed = await ctx.repos.write(author(ctx), async (tx) => {
      const r = await ctx.repos.silence.conclude(tx, s.id, now);
      return { result: r.count, audit: r.count ? [{ action: "conclude_silence", entity: "silence", entityId: s.id }] : [] };
    }, now);
    if (changed) {
      done.push(s.id);
      emit({ type: "silence_concluded", silenceId: s.id });
    }
  }
  return done;
}
