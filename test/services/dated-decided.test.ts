/**
 * The day from which each appointment is known (src/services/dated.ts decidedOnOf), on the seeds' appointments:
 * the date of the SOC decision that approved its offer, the term's own start when no offer records the decision,
 * and for a term the seeds record with no dates at all, the date of the document that reports it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";
import { CICA } from "../helpers/forum.ts";
import { decidedOnOf } from "../../src/services/dated.ts";
import type { AppointmentRow, OfferRow } from "../../src/domain/types.ts";

let app: TestApp;
let appts: AppointmentRow[];
let offers: OfferRow[];
beforeAll(async () => {
  app = await testApp();
  [appts, offers] = await Promise.all([app.repos.coordination.appointments(), app.repos.coordination.offers()]);
});
afterAll(async () => app?.close());

const appt = (id: string) => appts.find((a) => a.id === id)!;

describe("decidedOnOf", () => {
  it("Russia's and China's ICT terms for 2024-2025 are known from the SOC decision of 22 August 2023 (seeds/000 6(a)), not from 1 January 2024", () => {
    const on = decidedOnOf(offers, CICA.recordDates);
    expect(on(appt("appt-rus-coord-ict-2024"))).toBe("2023-08-22");
    expect(on(appt("appt-chn-cocoord-ict-2024"))).toBe("2023-08-22");
    expect(on(appt("appt-bgd-cocoord-disaster-2021"))).toBe("2021-06-23");
  });

  it("a decision no offer on file records: the term's own start", () => {
    const on = decidedOnOf(offers, CICA.recordDates);
    expect(on({ ...appt("appt-rus-coord-ict-2024"), decision: "SOC/2025-II/DEC/4", fromDate: "2026-01-01" })).toBe("2026-01-01");
    // An offer that names the decision but not its date does not date it.
    const undated = offers.map((o) => (o.decision === "SOC/2023-II/DEC/1" ? { ...o, decidedOn: null } : o));
    expect(decidedOnOf(undated, CICA.recordDates)(appt("appt-rus-coord-ict-2024"))).toBe("2024-01-01");
  });

  it("Russia as Coordinator of ICT before 2024, reported with no dates by the SG report of 7 December 2022 (seeds/004): known from that report", () => {
    const on = decidedOnOf(offers, CICA.recordDates);
    expect(on(appt("appt-rus-coord-ict-2022"))).toBe("2022-12-07");
    // India's co-coordination of energy security, reported in the minutes of 23 June 2021 (seeds/001).
    expect(on(appt("appt-ind-cocoord-energy"))).toBe("2021-06-23");
  });

  it("a term with dates and no decision on file is known as dated (null), whatever its source", () => {
    const on = decidedOnOf(offers, CICA.recordDates);
    expect(on(appt("appt-tur-cocoord-trade"))).toBeNull(); // "from 2022", seeds/004
    expect(on({ ...appt("appt-rus-coord-ict-2022"), fromDate: "2022-01-01" })).toBeNull();
  });
});
