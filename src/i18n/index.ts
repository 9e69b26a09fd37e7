import { en, type Messages } from "./en.ts";
import { ru } from "./ru.ts";
import type { Lang } from "../domain/types.ts";
import { forumTerms, type Forum } from "../domain/forum.ts";

export type { Messages };
export type MessageKey = keyof Messages;
export type Params = Record<string, string | number>;
export type Translator = (key: MessageKey, params?: Params) => string;

export const catalogues: Record<Lang, Messages> = { en, ru };

/** A message cut at its placeholders: even indexes are literal text, odd ones placeholder names. */
const compiled = new Map<string, string[]>();
const partsOf = (template: string): string[] => {
  let parts = compiled.get(template);
  if (!parts) compiled.set(template, (parts = template.split(/\{(\w+)\}/)));
  return parts;
};

/** Translators are pure functions of (forum, language): built once each, not per command (issue 15). */
const byForum = new WeakMap<object, Map<Lang, Translator>>();
const plain = new Map<Lang, Translator>();

/**
 * One message catalogue for every user-facing string; `{name}` placeholders are filled from params, and the
 * forum's own words ({forum}, {measure} … from its description) wherever a message names the forum.
 * A placeholder with neither a param nor a forum word stays as typed.
 */
export function translator(lang: Lang, forum?: Pick<Forum, "acronym" | "wording" | "rules">): Translator {
  const made = forum ? byForum.get(forum) : plain;
  const hit = made?.get(lang);
  if (hit) return hit;
  const t = makeTranslator(lang, forum);
  if (forum) {
    if (!byForum.has(forum)) byForum.set(forum, new Map());
    byForum.get(forum)!.set(lang, t);
  } else plain.set(lang, t);
  return t;
}

function makeTranslator(lang: Lang, forum?: Pick<Forum, "acronym" | "wording" | "rules">): Translator {
  const cat = catalogues[lang] ?? en;
  const terms: Record<string, unknown> = forum ? forumTerms(forum, catalogues[lang] ? lang : "en") : {};
  const fill = (key: keyof Messages, given: Record<string, unknown> | undefined) => {
    const parts = partsOf(cat[key] ?? en[key] ?? key);
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const k = parts[i]!;
      out += given && k in given ? String(given[k]) : k in terms ? String(terms[k]) : `{${k}}`;
      out += parts[i + 1]!;
    }
    return out;
  };
  // Russian dates end in "г." ("15 июля 2023 г."): at the end of a sentence that point is the full stop too.
  return lang === "ru" ? (key, params) => { const s = fill(key, params); return s.includes(" г..") ? s.replace(/ г\.\./g, " г.") : s; } : (key, params) => fill(key, params);
}

export function langFrom(locale: string | undefined, fallback: Lang = "en"): Lang {
  if (!locale) return fallback;
  return locale.toLowerCase().startsWith("ru") ? "ru" : "en";
}
