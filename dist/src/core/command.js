export const defineCommand = (def) => def;
/** A table of words users type (aliases, keywords): a Map, so a word like "__proto__" is simply not in it. */
export const wordTable = (o) => new Map(Object.entries(o));
/** Splits a typed line into words, keeping "quoted phrases" together. */
export function tokenise(text) {
    const out = [];
    const re = /"([^"]*)"|“([^”]*)”|«([^»]*)»|(\S+)/g;
    for (let m = re.exec(text); m; m = re.exec(text))
        out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
    return out;
}
/**
 * Pulls keyword options ("para 1.10", "kind drafting", "as reservation") off the front of a word list,
 * in any order; the rest is free text. A keyword only counts when its value is valid, so free text
 * that happens to start with "as" stays text.
 */
export function takeKeywords(words, keys) {
    // User words are looked up in a Map and collected in a null-prototype object: "__proto__",
    // "constructor" or "toString" typed as a word is an ordinary word, never a property of Object.
    const table = wordTable(keys);
    const found = Object.create(null);
    let i = 0;
    while (i < words.length) {
        const w = words[i].toLowerCase().replace(/:$/, "");
        const check = table.get(w);
        const next = words[i + 1];
        if (!check || next === undefined)
            break;
        const v = check(next);
        if (v === undefined)
            break;
        found[w] = v;
        i += 2;
    }
    return { found, rest: words.slice(i) };
}
/** The free text after the first `used` words, with its original spacing and line breaks kept. */
export function restOfLine(text, used) {
    let s = text.trimStart();
    for (let i = 0; i < used; i++) {
        const m = /^("[^"]*"|“[^”]*”|«[^»]*»|\S+)\s*/.exec(s);
        if (!m)
            return "";
        s = s.slice(m[0].length);
    }
    return s.trim();
}
//# sourceMappingURL=command.js.map