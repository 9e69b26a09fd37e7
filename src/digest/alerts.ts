import type { DomainEvent } from "../services/positions.ts";
import { concludeExpiredSilence } from "../services/silence.ts";
import { targetDescriber, longDate } from "../services/describe.ts";
import { reply, type Block, type Reply } from "../services/reply.ts";
import type { Lang, Platform } from "../domain/types.ts";
import { silentLogger } from "../log.ts";
import { deliverOnce, digestCtx, type DeliveryResult, type DigestRuntime } from "./deliver.ts";
import type { Destination } from "./destinations.ts";
import { announceCirculated } from "./circulated.ts";

/**
 * Immediate alerts, not waiting for the morning. Each alert has a ledger key per destination, so it is
 * sent once even when the same event reaches several processes or is raised twice.
 */
async function silenceBrokenAlert(rt: DigestRuntime, e: Extract<DomainEvent, { type: "silence_broken" | "position_under_silence" }>, lang: Lang): Promise<Reply> {
  const ctx = digestCtx(rt, lang, rt.clock);
  const [s, p, d] = await Promise.all([rt.repos.silence.byId(e.silenceId), rt.repos.positions.byId(e.positionId), targetDescriber(ctx)]);
  const subject = s ? (lang === "ru" && s.subjectRu ? s.subjectRu : s.subject) : e.silenceId;
  const blocks: Block[] = [];
  if (p) blocks.push({ type: "text", text: d.position(p) });
  if (p?.reason) blocks.push({ type: "quote", text: p.reason });
  if (s) blocks.push({ type: "context", text: ctx.t("al_silence_period", { id: s.id, from: longDate(ctx, s.startsOn), to: longDate(ctx, s.expiresOn) }) });
  const key = e.type === "silence_broken" ? "al_silence_broken" : "al_under_silence";
  return { ...reply(ctx.t(key, { subject, state: d.n.state(e.by) }), blocks), status: "info", ephemeral: false };
}

async function silenceConcludedAlert(rt: DigestRuntime, silenceId: string, lang: Lang): Promise<Reply> {
  const ctx = digestCtx(rt, lang, rt.clock);
  const s = await rt.repos.silence.byId(silenceId);
  const subject = s ? (lang === "ru" && s.subjectRu ? s.subjectRu : s.subject) : silenceId;
  const blocks: Block[] = s ? [{ type: "context", text: ctx.t("al_silence_period", { id: s.id, from: longDate(ctx, s.startsOn), to: longDate(ctx, s.expiresOn) }) }] : [];
  return { ...reply(ctx.t("al_silence_concluded", { subject }), blocks), status: "info", ephemeral: false };
}

/** State channels have no language of their own: they get both working languages in one message. */
async function bilingual(make: (lang: Lang) => Promise<Reply>): Promise<Reply> {
  const [en, ru] = await Promise.all([make("en"), make("ru")]);
  return { ...en, blocks: [...en.blocks, { type: "divider" }, { type: "text", text: ru.summary }, ...ru.blocks] };
}

/** Linked channels of Member States (never observers: silence procedures are restricted matters). */
async function memberChannels(rt: DigestRuntime): Promise<{ platform: Platform; channelId: string }[]> {
  const [links, { states }] = await Promise.all([rt.repos.identities.allChannels(), rt.repos.refData()]);
  const observer = new Set(states.filter((s) => s.kind === "observer").map((s) => s.code));
  return links.filter((l) => !observer.has(l.stateCode)).map((l) => ({ platform: l.platform as Platform, channelId: l.channelId }));
}

export async function alertFor(rt: DigestRuntime, e: DomainEvent): Promise<DeliveryResult[]> {
  if (e.type === "document_circulated") return announceCirculated(rt, e.symbol, e.platform);
  const chair = await rt.destinations();
  const out: DeliveryResult[] = [];
  if (e.type === "silence_broken" || e.type === "position_under_silence") {
    const key = e.type === "silence_broken" ? `alert/silence_broken/${e.silenceId}` : `alert/under_silence/${e.positionId}`;
    for (const dest of chair) out.push(await deliverOnce(rt, key, dest, () => silenceBrokenAlert(rt, e, dest.lang), "alert"));
  } else if (e.type === "silence_concluded") {
    const key = `alert/silence_concluded/${e.silenceId}`;
    for (const dest of chair) out.push(await deliverOnce(rt, key, dest, () => silenceConcludedAlert(rt, e.silenceId, dest.lang), "alert"));
    const chairKeys = new Set(chair.map((d) => `${d.platform}:${d.channelId}`));
    for (const ch of await memberChannels(rt)) {
      if (chairKeys.has(`${ch.platform}:${ch.channelId}`)) continue;
      const dest: Destination = { ...ch, lang: "en" };
      out.push(await deliverOnce(rt, key, dest, () => bilingual((lang) => silenceConcludedAlert(rt, e.silenceId, lang)), "alert"));
    }
  }
  return out;
}

/**
 * The desk's onEvent hook: starts the alert at once and never throws into the command that raised it.
 * `idle()` waits for alerts under way (tests, shutdown).
 */
export function createAlerter(rt: DigestRuntime) {
  const pending = new Set<Promise<unknown>>();
  const log = rt.log ?? silentLogger;
  function onEvent(e: DomainEvent): void {
    if (e.type === "position_recorded") return;
    const p: Promise<unknown> = alertFor(rt, e)
      .catch((error) => log.error("alert failed", { event: e.type, error }))
      .finally(() => pending.delete(p));
    pending.add(p);
  }
  async function idle(): Promise<void> {
    while (pending.size) await Promise.allSettled([...pending]);
  }
  return { onEvent, idle };
}

/** Concludes silence procedures whose last day has passed and alerts the Chair and the states' channels. */
export async function concludeSilence(rt: DigestRuntime): Promise<string[]> {
  const ctx = digestCtx(rt, "en", rt.clock);
  // The scheduler acts for the Secretariat, whose rule this is (seeds/001 item 3).
  ctx.actor = { ...ctx.actor, userId: "scheduler", role: "secretariat" };
  const events: DomainEvent[] = [];
  const done = await concludeExpiredSilence(ctx, (e) => events.push(e));
  for (const e of events) await alertFor(rt, e);
  await resendRecent(rt);
  return done;
}

/** How far back the hourly sweep looks for alerts a crashed or alert-less process may have missed. */
const SWEEP_MS = 48 * 3_600_000;

/**
 * Re-raises the alerts of silence procedures broken or concluded recently. The ledger turns the ones
 * already delivered into no-ops, so this only fills gaps (a crash between the write and the alert, or
 * a command handled by a process without destinations).
 */
async function resendRecent(rt: DigestRuntime): Promise<void> {
  const now = rt.clock().getTime();
  const recent = (d: Date | null) => !!d && now - d.getTime() < SWEEP_MS && d.getTime() <= now;
  for (const s of await rt.repos.silence.all()) {
    if (s.outcome === "concluded" && recent(s.concludedAt)) await alertFor(rt, { type: "silence_concluded", silenceId: s.id });
    if (s.outcome === "broken" && recent(s.brokenAt) && s.brokenBy) {
      const at = s.brokenAt!;
      const p = (await rt.repos.positions.changedBetween(at, new Date(at.getTime() + 1))).find((x) => x.stateCode === s.brokenBy);
      if (p) await alertFor(rt, { type: "silence_broken", silenceId: s.id, by: s.brokenBy, positionId: p.id });
    }
  }
}
