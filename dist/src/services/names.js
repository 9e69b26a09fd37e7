/** Display names in the reader's language. */
export async function namer(ctx) {
    const ref = await ctx.repos.refData();
    const states = new Map(ref.states.map((s) => [s.code, s]));
    const areas = new Map(ref.areas.map((a) => [a.id, a]));
    const dims = new Map(ref.dimensions.map((d) => [d.id, d]));
    const ru = ctx.lang === "ru";
    return {
        state: (code) => {
            if (!code)
                return "—";
            const s = states.get(code);
            return s ? (ru ? s.nameRu : s.nameEn) : code;
        },
        area: (id) => {
            if (!id)
                return "—";
            const a = areas.get(id);
            return a ? (ru ? a.nameRu : a.nameEn) : id;
        },
        dimension: (id) => {
            const d = dims.get(id);
            return d ? (ru ? d.nameRu : d.nameEn) : id;
        },
        docTitle: (d) => (ru && d.titleRu ? d.titleRu : d.title),
        stateRow: (code) => states.get(code),
        areaRow: (id) => areas.get(id),
        ref,
    };
}
//# sourceMappingURL=names.js.map