import type { Ctx } from "./context.ts";
import type { AreaRow, DocumentRow, StateRow } from "../domain/types.ts";

/** Display names in the reader's language. */
export async function namer(ctx: Ctx) {
  const ref = await ctx.repos.refData();
  const states = new Map(ref.states.map((s) => [s.code, s]));
  const areas = new Map(ref.areas.map((a) => [a.id, a]));
  const dims = new Map(ref.dimensions.map((d) => [d.id, d]));
  const ru = ctx.lang === "ru";
  return {
    state: (code: string | null | undefined) => {
      if (!code) return "—";
      const s = states.get(code);
      return s ? (ru ? s.nameRu : s.nameEn) : code;
    },
    area: (id: string | null | undefined) => {
      if (!id) return "—";
      const a = areas.get(id);
      return a ? (ru ? a.nameRu : a.nameEn) : id;
    },
    dimension: (id: string) => {
      const d = dims.get(id);
      return d ? (ru ? d.nameRu : d.nameEn) : id;
    },
    docTitle: (d: DocumentRow) => (ru && d.titleRu ? d.titleRu : d.title),
    stateRow: (code: string): StateRow | undefined => states.get(code),
    areaRow: (id: string): AreaRow | undefined => areas.get(id),
    ref,
  };
}
export type Namer = Awaited<ReturnType<typeof namer>>;
