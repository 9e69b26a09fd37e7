/** Coordinators' appointments and offers (read from the cached reference data), nominations. */
import type { Database } from "./client.ts";
import type { AppointmentRow, NominationRow, OfferRow } from "../domain/types.ts";
import type { RefDataCache } from "./ref-data.ts";

export function coordinationRepo(db: Database, ref: RefDataCache) {
  const p = db.prisma;
  return {
    appointments: async (): Promise<AppointmentRow[]> => [...(await ref.refData()).appointments],
    offers: async (): Promise<OfferRow[]> => [...(await ref.refData()).offers],
    offer: (id: string): Promise<OfferRow | null> => p.offer.findUnique({ where: { id } }),
  };
}

export function nominationsRepo(db: Database) {
  const p = db.prisma;
  return {
    all: (): Promise<NominationRow[]> => p.nomination.findMany(),
    byIds: (ids: string[]): Promise<NominationRow[]> => (ids.length ? p.nomination.findMany({ where: { id: { in: ids } } }) : Promise.resolve([])),
  };
}
