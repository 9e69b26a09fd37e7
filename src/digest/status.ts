import type { Ctx } from "../services/context.ts";
import { UserError, author } from "../services/context.ts";
import { reply, type Block, type Reply } from "../services/reply.ts";
import type { Lang } from "../domain/types.ts";
import { SCHEDULE_KEY, addDestination, destinationKey, envDestinationsSeen, parseDestination, removeDestination, storedDestinations } from "./destinations.ts";

/** Formatters per language and time zone, built once (a status lists up to fifteen deliveries). */
const whenFormats = new Map<string, Intl.DateTimeFormat>();
const when = (ctx: Ctx, d: Date | null) => {
  if (!d) return "—";
  const key = `${ctx.lang}|${ctx.settings.timeZone}`;
  let f = whenFormats.get(key);
  if (!f) whenFormats.set(key, (f = new Intl.DateTimeFormat(ctx.lang === "ru" ? "ru-RU" : "en-GB", { timeZone: ctx.settings.timeZone, dateStyle: "medium", timeStyle: "short" })));
  return f.format(d);
};

/** `/digest status`: where the digest goes and what the ledger says about recent deliveries and alerts. */
export async function digestStatus(ctx: Ctx, digestTime: string): Promise<Reply> {
  const [fromEnv, stored, rows, schedule] = await Promise.all([
    envDestinationsSeen(ctx.repos), storedDestinations(ctx.repos), ctx.repos.digests.recent(15), ctx.repos.settings.get(SCHEDULE_KEY),
  ]);
  const { t } = ctx;
  // The running bot records its DIGEST_TIME and DIGEST_TZ; before its first start, show the desk's own.
  const [time, tz] = schedule?.split(" ") ?? [digestTime, ctx.settings.timeZone];
  const blocks: Block[] = [{ type: "text", text: t("dgc_schedule", { time: time ?? digestTime, tz: tz ?? ctx.settings.timeZone }) }, { type: "header", text: t("dgc_destinations") }];
  const dests = [...fromEnv.map((d) => ({ d, src: t("dgc_from_env") })), ...stored.map((d) => ({ d, src: t("dgc_from_command") }))];
  blocks.push(dests.length
    ? { type: "list", items: dests.map(({ d, src }) => `${destinationKey(d)} · ${t(d.lang === "ru" ? "dgc_lang_ru" : "dgc_lang_en")} · ${src}`) }
    : { type: "text", text: t("dgc_no_destinations") });
  blocks.push({ type: "header", text: t("dgc_deliveries") });
  if (!rows.length) blocks.push({ type: "text", text: t("dgc_no_deliveries") });
  else
    blocks.push({
      type: "list",
      items: rows.map((r) => {
        const p = { day: r.day, destination: r.destination, attempts: r.attempts };
        if (r.status === "sent") return t("dgc_row_sent", { ...p, at: when(ctx, r.sentAt) });
        if (r.status === "failed") return t("dgc_row_failed", { ...p, error: r.lastError ?? "?" });
        return t("dgc_row_claimed", { ...p, by: r.claimedBy ?? "?", at: when(ctx, r.claimedAt) });
      }),
    });
  if (rows.some((r) => r.status === "failed")) blocks.push({ type: "context", text: t("dgc_failed_hint") });
  return reply(t("dgc_status_title"), blocks, { status: rows.some((r) => r.status === "failed") ? "error" : "ok" });
}

const onlySecretariat = (ctx: Ctx) => {
  if (ctx.actor.role !== "secretariat") throw new UserError("refused", { who: ctx.t("role_secretariat") });
};

/** `/digest to slack:C123 ru`: the Secretariat adds (or changes the language of) a destination. */
export async function addDigestDestination(ctx: Ctx, raw: string, lang: Lang | undefined): Promise<Reply> {
  onlySecretariat(ctx);
  const d = parseDestination(raw, lang, ctx.settings.platforms?.map((p) => p.name));
  if (!d) throw new UserError("bad_input", { command: "digest", fields: "destination" });
  await addDestination(ctx.repos, author(ctx), ctx.clock(), d);
  return reply(ctx.t("dgc_added", { destination: destinationKey(d), lang: ctx.t(d.lang === "ru" ? "dgc_lang_ru" : "dgc_lang_en") }));
}

export async function removeDigestDestination(ctx: Ctx, raw: string): Promise<Reply> {
  onlySecretariat(ctx);
  const d = parseDestination(raw);
  if (!d) throw new UserError("bad_input", { command: "digest", fields: "destination" });
  const removed = await removeDestination(ctx.repos, author(ctx), ctx.clock(), d);
  return removed
    ? reply(ctx.t("dgc_removed", { destination: destinationKey(d) }))
    : reply(ctx.t("dgc_not_stored", { destination: destinationKey(d) }), [], { status: "info" });
}
