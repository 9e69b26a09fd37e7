/** Reference data (states, dimensions, areas, documents, appointments, offers), cached: it changes by imports and cycle writes, which invalidate. */
import type { Database } from "./client.ts";
import type { AppointmentRow, AreaRow, DimensionRow, DocumentRow, OfferRow, StateRow } from "../domain/types.ts";

/** Reference data changes rarely (imports); caching it keeps lookups well under 10 ms. */
export type RefData = {
  states: StateRow[];
  dimensions: DimensionRow[];
  areas: AreaRow[];
  documents: DocumentRow[];
  /** Written only by imports (which invalidate), read by every /coordinators and /deadlines. */
  appointments: AppointmentRow[];
  offers: OfferRow[];
  loadedAt: number;
};
const REF_TTL_MS = 30_000;

export function refDataCache(db: Database) {
  const p = db.prisma;
  let ref: RefData | undefined;
  return {
    invalidate: () => { ref = undefined; },
    refData: async (): Promise<RefData> => {
      if (ref && Date.now() - ref.loadedAt < REF_TTL_MS) return ref;
      const [states, aliases, dimensions, areas, documents, appointments, offers] = await Promise.all([
        p.state.findMany({ orderBy: { nameEn: "asc" } }),
        p.stateAlias.findMany(),
        p.dimension.findMany(),
        p.priorityArea.findMany({ orderBy: { nameEn: "asc" } }),
        p.document.findMany({ orderBy: { symbol: "asc" } }),
        p.appointment.findMany({ orderBy: [{ areaId: "asc" }, { role: "asc" }, { id: "asc" }] }), // id: ties in one order on every database
        p.offer.findMany({ orderBy: { id: "asc" } }),
      ]);
      const byState = new Map<string, string[]>();
      for (const a of aliases) {
        const list = byState.get(a.stateCode);
        if (list) list.push(a.alias);
        else byState.set(a.stateCode, [a.alias]);
      }
      ref = {
        states: states.map((s) => ({ ...s, aliases: byState.get(s.code) ?? [] })),
        dimensions,
        areas,
        documents,
        appointments,
        offers,
        loadedAt: Date.now(),
      };
      return ref;
    },
    /** Whether nothing was ever imported. */
    isEmpty: async () => (await p.state.count()) === 0,
  };
}
export type RefDataCache = ReturnType<typeof refDataCache>;
