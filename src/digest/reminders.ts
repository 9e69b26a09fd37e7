/**
 * Reminders of what falls due: N days before a due date (REMINDER_DAYS, default 7 and 1; tenures 90 and 30,
 * src/domain/procedures.ts) a short message to each linked channel of a delegation asked to act that has not
 * yet responded. Exactly once per (item, delegation, offset) and channel: the digest's delivery ledger claims
 * the key `reminder/<item>/<state>/<offset>` for the channel before anything is sent, so restarts and a second
 * process never send it twice.
 */
import type { Platform } from "../domain/types.ts";
import { addDays, calendarDate } from "../domain/dates.ts";
import { DEFAULT_REMINDER_OFFSETS, reminderOffsets } from "../domain/procedures.ts";
import { reply, type Reply } from "../services/reply.ts";
import { openItems, type OpenItem } from "../services/digest-due.ts";
import { datedItems } from "../services/dated.ts";
import { longDate } from "../services/describe.ts";
import { deliverOnce, digestCtx, type DeliveryResult, type DigestRuntime } from "./deliver.ts";

/** The offset whose window we are in: the smallest configured N with days left ≤ N (a missed 7-day reminder is not sent on day 1). */
export function offsetFor(daysLeft: number, offsets: number[]): number | undefined {
  return [...offsets].sort((a, b) => a - b).find((k) => daysLeft >= 0 && daysLeft <= k);
}

function reminderText(rt: DigestRuntime, o: OpenItem, lang: "en" | "ru"): Reply {
  const ctx = digestCtx(rt, lang, rt.clock);
  const { item } = o;
  const left = item.daysLeft === 0 ? ctx.t("due_today") : item.daysLeft === 1 ? ctx.t("due_tomorrow") : ctx.t("days_left", { n: item.daysLeft });
  const r = item.respond!;
  const hint = r.type === "document" ? ctx.t("rm_hint_document", { document: r.ref })
    : r.type === "silence" ? ctx.t("rm_hint_silence", { id: r.ref })
      : r.type === "plan" ? ctx.t("rm_hint_plan") : ctx.t("rm_hint_other");
  return { ...reply(ctx.t("rm_title", { title: item.title }), [{ type: "text", text: ctx.t("rm_due", { date: longDate(ctx, item.due), left }) }, { type: "context", text: hint }]), status: "info", ephemeral: false };
}

/** A channel has no language of its own: English, then Russian, in one message (as the alerts to delegations). */
function bilingual(rt: DigestRuntime, o: OpenItem, ruTitle: string): Reply {
  const en = reminderText(rt, o, "en");
  const ru = reminderText(rt, { ...o, item: { ...o.item, title: ruTitle } }, "ru");
  return { ...en, blocks: [...en.blocks, { type: "divider" }, { type: "text", text: ru.summary }, ...ru.blocks] };
}

/** Sends the reminders due now; returns one result per (item, state, channel) attempted. */
export async function sendReminders(rt: DigestRuntime, offsets: number[] = DEFAULT_REMINDER_OFFSETS): Promise<DeliveryResult[]> {
  const ctx = digestCtx(rt, "en", rt.clock);
  const day = calendarDate(rt.clock(), rt.timeZone);
  const horizon = Math.max(...offsets, 90);
  const [open, links] = await Promise.all([openItems(ctx, day, horizon), rt.repos.identities.allChannels()]);
  const out: DeliveryResult[] = [];
  // Russian titles, read once per run and only if something is to be sent.
  let ru: Promise<Map<string, string>> | undefined;
  const ruTitle = async (id: string, fallback: string) => {
    ru ??= datedItems(digestCtx(rt, "ru", rt.clock), day, addDays(day, horizon)).then((xs) => new Map(xs.map((x) => [x.id, x.title])));
    return (await ru).get(id) ?? fallback;
  };
  for (const o of open) {
    const k = offsetFor(o.item.daysLeft, reminderOffsets(o.item.rule ?? "comments_due", offsets));
    if (k === undefined) continue;
    for (const state of o.asked) {
      if (o.responded.has(state)) continue;
      for (const l of links.filter((x) => x.stateCode === state)) {
        const dest = { platform: l.platform as Platform, channelId: l.channelId, lang: "en" as const };
        out.push(await deliverOnce(rt, `reminder/${o.item.id}/${state}/${k}`, dest, async () => bilingual(rt, o, await ruTitle(o.item.id, o.item.title)), "reminder"));
      }
    }
  }
  return out;
}

/** REMINDER_DAYS="7,1" → [7, 1]; throws naming the bad entry. */
export function parseReminderDays(s: string | undefined): number[] {
  if (!s?.trim()) return DEFAULT_REMINDER_OFFSETS;
  return s.split(/[,\s]+/).filter(Boolean).map((x) => {
    const n = Number(x);
    if (!Number.isInteger(n) || n < 0 || n > 365) throw new Error(`bad REMINDER_DAYS entry "${x}": use whole days, e.g. REMINDER_DAYS=7,1`);
    return n;
  });
}
