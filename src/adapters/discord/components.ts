/**
 * Buttons and modals. Custom ids carry what a click needs, so buttons keep working after a restart;
 * the rare id that would exceed 100 characters is kept in memory instead.
 */
import { ButtonStyle, ComponentType, TextInputStyle } from "discord.js";
import type { APIActionRowComponent, APIButtonComponent, APIModalInteractionResponseCallbackData } from "discord.js";
import type { Action, ModalRequest } from "../../services/reply.ts";
import type { Translator } from "../../i18n/index.ts";
import { LIMITS } from "./limits.ts";
import { actionCode, actionFromCode, actionRun } from "../../core/actions.ts";

const SEP = "|";
const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** What a click asks for: a command to run with typed options or a typed line. */
export type ClickRun = { command: string; options?: Record<string, unknown>; text?: string };

export const actionId = (a: Action): string => ["a", ...actionCode(a)].join(SEP);

/** Decodes an action button's custom id; undefined for ids this adapter did not make. */
export function decodeAction(id: string): ClickRun | undefined {
  const [tag, kind, a = "", b = ""] = id.split(SEP);
  if (tag !== "a") return undefined;
  const rest = id.split(SEP).slice(3).join(SEP);
  const action = kind ? actionFromCode(kind, [a, b], rest) : undefined;
  if (!action) return undefined;
  // The command a button runs is the core's decision (src/core/actions.ts); typed options when it has them.
  const run = actionRun(action);
  return run.options ? { command: run.command, options: Object.fromEntries(Object.entries(run.options).filter(([, v]) => v !== undefined && v !== "")) } : { command: run.command, text: run.text };
}

export const pageId = (key: string, page: number) => ["pg", key, page].join(SEP);
export function decodePage(id: string): { key: string; page: number } | undefined {
  const [tag, key, page] = id.split(SEP);
  return tag === "pg" && key && page !== undefined ? { key, page: Number(page) } : undefined;
}

/** The Share button of an answer; the answer itself and who asked for it are kept in the database under `key`. */
export const shareId = (key: string) => ["sh", key].join(SEP);
export const decodeShare = (id: string) => (id.startsWith(`sh${SEP}`) && id.length > 3 ? id.slice(3) : undefined);

export const modalId = (command: string) => ["md", command].join(SEP);
export const decodeModal = (id: string) => (id.startsWith(`md${SEP}`) ? id.slice(3) : undefined);

type Row = APIActionRowComponent<APIButtonComponent>;

/**
 * Rows of buttons: actions first (at most 4 rows of 5), then Previous/Next when there are pages.
 * `stash` keeps an over-long custom id in memory and returns a short one.
 */
export function buttonRows(
  actions: Action[], nav: { key: string; page: number; total: number } | undefined, t: Translator, stash: (id: string) => string, share?: { key: string; label: string },
): Row[] {
  const rows: Row[] = [];
  const room = (LIMITS.rowsPerMessage - (nav || share ? 1 : 0)) * LIMITS.buttonsPerRow;
  const buttons: APIButtonComponent[] = actions.slice(0, room).map((a) => {
    const id = actionId(a);
    return {
      type: ComponentType.Button,
      style: actionRun(a).danger ? ButtonStyle.Danger : ButtonStyle.Secondary,
      label: clip(a.label, LIMITS.buttonLabel),
      custom_id: id.length <= LIMITS.customId ? id : stash(id),
    };
  });
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  const last: APIButtonComponent[] = [];
  if (nav && nav.total > 1)
    last.push(
      { type: ComponentType.Button, style: ButtonStyle.Primary, label: t("dc_prev"), custom_id: pageId(nav.key, nav.page - 1), disabled: nav.page <= 0 },
      { type: ComponentType.Button, style: ButtonStyle.Primary, label: t("dc_next"), custom_id: pageId(nav.key, nav.page + 1), disabled: nav.page >= nav.total - 1 },
    );
  if (share) last.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: clip(share.label, LIMITS.buttonLabel), custom_id: shareId(share.key) });
  if (last.length) rows.push({ type: ComponentType.ActionRow, components: last });
  return rows;
}

/** The id of the text box that collects the fields a modal has no room for. */
export const MORE_FIELD = "more";

/**
 * A Discord modal for a ModalRequest, prefilled with what the user already typed as options.
 * Discord allows 5 components: optional fields beyond that share one "Other information" box,
 * typed as "area: ICT; dates: …" (the same shape as the text form of /events propose).
 */
export function modalJSON(form: ModalRequest, prefill: Record<string, unknown>, t: Translator): APIModalInteractionResponseCallbackData {
  // Files come in as the command's attachment option, never through a form.
  const m = { ...form, fields: form.fields.filter((f) => f.kind !== "file") };
  const max = LIMITS.modalComponents;
  const fits = m.fields.length <= max;
  const shown = fits ? m.fields : [...m.fields.filter((f) => f.required), ...m.fields.filter((f) => !f.required)].slice(0, max - 1);
  const overflow = m.fields.filter((f) => !shown.includes(f));
  const pre = (id: string) => (prefill[id] === undefined || prefill[id] === null ? undefined : String(prefill[id]));
  const components: APIModalInteractionResponseCallbackData["components"] = shown.map((f) => {
    const value = pre(f.id) ?? f.initial;
    if (f.kind === "select" && f.options?.length)
      return {
        type: ComponentType.Label,
        label: clip(f.label, LIMITS.modalLabel),
        component: {
          type: ComponentType.StringSelect,
          custom_id: f.id,
          required: f.required,
          min_values: f.required ? 1 : 0,
          max_values: 1,
          options: f.options.slice(0, LIMITS.optionChoices).map((o) => ({ label: clip(o.label, 100), value: o.value, default: o.value === value })),
        },
      };
    return {
      type: ComponentType.Label,
      label: clip(f.label, LIMITS.modalLabel),
      component: {
        type: ComponentType.TextInput,
        custom_id: f.id,
        style: f.kind === "long_text" ? TextInputStyle.Paragraph : TextInputStyle.Short,
        required: f.required,
        ...(f.maxLength ? { max_length: Math.min(f.maxLength, LIMITS.textInputValue) } : {}),
        ...(f.hint ? { placeholder: clip(f.hint, LIMITS.textInputPlaceholder) } : {}),
        ...(value ? { value: value.slice(0, LIMITS.textInputValue) } : {}),
      },
    };
  });
  if (overflow.length) {
    const example = overflow.map((f) => `${f.id}: ${f.hint ?? f.options?.map((o) => o.value).join("/") ?? "…"}`).join("; ");
    const typed = overflow.filter((f) => pre(f.id)).map((f) => `${f.id}: ${pre(f.id)}`).join("; ");
    components.push({
      type: ComponentType.Label,
      label: clip(t("dc_more_fields"), LIMITS.modalLabel),
      description: clip(overflow.map((f) => f.label).join(" · "), 100),
      component: {
        type: ComponentType.TextInput, custom_id: MORE_FIELD, style: TextInputStyle.Paragraph, required: false,
        placeholder: clip(example, LIMITS.textInputPlaceholder), ...(typed ? { value: typed } : {}),
      },
    });
  }
  return { custom_id: modalId(m.command), title: clip(m.title, LIMITS.modalTitle), components };
}

/** Field values of a submitted modal, with the shared "Other information" box split back into fields. */
export function modalValues(m: ModalRequest | undefined, raw: Record<string, string>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = Object.create(null) as Record<string, string | undefined>;
  for (const [k, v] of Object.entries(raw)) if (k !== MORE_FIELD) out[k] = v.trim() === "" ? undefined : v;
  const more = raw[MORE_FIELD];
  if (more && m) {
    for (const part of more.split(/;|\n/)) {
      const i = part.indexOf(":");
      if (i < 0) continue;
      const key = part.slice(0, i).trim().toLowerCase();
      const value = part.slice(i + 1).trim();
      const f = m.fields.find((x) => x.id === key || x.label.toLowerCase() === key);
      if (!f || !value) continue;
      const opt = f.options?.find((o) => o.value === value.toLowerCase() || o.label.toLowerCase() === value.toLowerCase());
      out[f.id] = opt ? opt.value : value;
    }
  }
  return out;
}
