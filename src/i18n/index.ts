import { en, type Messages } from "./en.ts";
import { ru } from "./ru.ts";
import type { Lang } from "../domain/types.ts";
import { forumTerms, type Forum } from "../domain/forum.ts";

export type { Messages };
export type MessageKey = keyof Messages;
export type Params = Record<string, string | number>;
export type Translator = (key: MessageKey, params?: Params) => string;

export const catalogues: Record<Lang, Messages> = { en, ru };

/**
 * One message catalogue for every user-facing string; `{name}` placeholders are filled from params, and the
 * forum's own words ({forum}, {measure} … from its description) wherever a message names the forum.
 */
export function translator(lang: Lang, forum?: Pick<Forum, "acronym" | "wording" | "rules">): Translator {
  const cat = catalogues[lang] ?? en;
  const terms = forum ? forumTerms(forum, catalogues[lang] ? lang : "en") : {};
  const fill = (key: keyof Messages, given: Record<string, unknown>) => {
    const params = { ...terms, ...given };
    return (cat[key] ?? en[key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
  };
  // Russian dates end in "г." ("15 июля 2023 г."): at the end of a sentence that point is the full stop too.
  return lang === "ru" ? (key, params = {}) => fill(key, params).replace(/ г\.\./g, " г.") : (key, params = {}) => fill(key, params);
}

export function langFrom(locale: string | undefined, fallback: Lang = "en"): Lang {
  if (!locale) return fallback;
  return locale.toLowerCase().startsWith("ru") ? "ru" : "en";
}
