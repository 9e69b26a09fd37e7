/**
 * Reading what a command declares for the adapters (src/core/command.ts): whether its answer only reads,
 * whether it pages, when its form opens and with what prefilled. Every adapter asks these through the desk,
 * so Slack, Discord and any new platform decide the same way and none of them names a command.
 */
import type { CommandDef, Fields } from "./command.ts";

/** The fields of an invocation: typed options when the platform has them, else the parsed line; attached files count. */
export function fieldsOf(def: CommandDef, inv: { text?: string; options?: Record<string, unknown>; files?: Record<string, unknown> }): Fields {
  const base: Fields = inv.options ? { ...inv.options } : def.parseText(inv.text ?? "");
  for (const [k, v] of Object.entries(inv.files ?? {})) if (v) base[k] = v;
  return base;
}

const given = (v: unknown) => v !== undefined && v !== null && v !== "" && v !== false;

export function isReadOnly(def: CommandDef, fields: Fields): boolean {
  return typeof def.readOnly === "function" ? def.readOnly(fields) : def.readOnly === true;
}

export function isPageable(def: CommandDef, fields: Fields): boolean {
  return def.pageable ? def.pageable(fields) || isReadOnly(def, fields) : isReadOnly(def, fields);
}

/** Whether the command's form opens instead of running it (only for commands that have a form). */
export function opensForm(def: CommandDef, fields: Fields): boolean {
  if (!def.modal) return false;
  if (def.formWhen) return def.formWhen(fields);
  if (def.options.some((o) => o.type === "file" && given(fields[o.name]))) return false;
  return def.options.some((o) => o.long && !given(fields[o.name]));
}

/** What the form starts with: the fields already typed, as strings, and the command's fixed values left out. */
export function prefillOf(def: CommandDef, fields: Fields): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(fields)) if (given(v) && (typeof v === "string" || typeof v === "number") && !(def.formFixed && Object.hasOwn(def.formFixed, k))) out[k] = String(v);
  return out;
}

/** A submitted form's values as the command's input: the fixed values first, then what was filled in. */
export const formInput = (def: CommandDef, values: Fields): Fields => ({ ...(def.formFixed ?? {}), ...values });
