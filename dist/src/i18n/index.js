import { en } from "./en.js";
import { ru } from "./ru.js";
export const catalogues = { en, ru };
/** One message catalogue for every user-facing string; `{name}` placeholders are filled from params. */
export function translator(lang) {
    const cat = catalogues[lang] ?? en;
    return (key, params = {}) => (cat[key] ?? en[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => (k in params ? String(params[k]) : `{${k}}`));
}
export function langFrom(locale, fallback = "en") {
    if (!locale)
        return fallback;
    return locale.toLowerCase().startsWith("ru") ? "ru" : "en";
}
//# sourceMappingURL=index.js.map