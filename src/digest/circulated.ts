/**
 * The announcement of a circulated document or revision to the delegation channels linked on the platform
 * the Secretariat used (issue 11). Sent through the alert ledger: once per channel, even if raised twice.
 * Restricted documents (negotiation texts) are never announced in observers' channels.
 */
import { reply, type Reply } from "../services/reply.ts";
import { longDate } from "../services/describe.ts";
import type { Lang, Platform } from "../domain/types.ts";
import { deliverOnce, digestCtx, type DeliveryResult, type DigestRuntime } from "./deliver.ts";

async function announcement(rt: DigestRuntime, symbol: string, lang: Lang): Promise<Reply> {
  const ctx = digestCtx(rt, lang, rt.clock);
  const doc = await rt.repos.cycle.documentBySymbol(symbol);
  if (!doc) return { ...reply(symbol), status: "info", ephemeral: false };
  const blocks: Reply["blocks"] = [];
  if (doc.commentsDue) blocks.push({ type: "text", text: ctx.t("cy_announce_due", { date: longDate(ctx, doc.commentsDue), symbol }) });
  if (doc.revisionOf) blocks.push({ type: "context", text: ctx.t("cy_announce_revision", { previous: doc.revisionOf, symbol }) });
  return { ...reply(ctx.t("cy_announce", { symbol, title: doc.title }), blocks), status: "info", ephemeral: false };
}

export async function announceCirculated(rt: DigestRuntime, symbol: string, platform: Platform): Promise<DeliveryResult[]> {
  const [links, { states }, doc] = await Promise.all([rt.repos.identities.allChannels(), rt.repos.refData(), rt.repos.cycle.documentBySymbol(symbol)]);
  if (!doc) return [];
  const observer = new Set(states.filter((s) => s.kind === "observer").map((s) => s.code));
  const out: DeliveryResult[] = [];
  for (const l of links.filter((x) => x.platform === platform && !(doc.restricted && observer.has(x.stateCode)))) {
    const [en, ru] = await Promise.all([announcement(rt, symbol, "en"), announcement(rt, symbol, "ru")]);
    const both: Reply = { ...en, blocks: [...en.blocks, { type: "divider" }, { type: "text", text: ru.summary }, ...ru.blocks] };
    out.push(await deliverOnce(rt, `alert/circulated/${symbol}`, { platform, channelId: l.channelId, lang: "en" }, async () => both, "alert"));
  }
  return out;
}
