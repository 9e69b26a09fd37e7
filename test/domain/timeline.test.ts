/** What is true on a day, derived from dated facts (src/domain/timeline.ts, cycle.ts). */
import { describe, expect, it } from "vitest";
import {
  appointmentState, conceptPaperAsOf, documentStatus, eventState, happenedBy, nominationState, offerState, recordedOn, successorOf, termOf, versionOf,
} from "../../src/domain/timeline.ts";
import { OUTCOMES, appointmentInForce, bodyOf, isDecisionSymbol, needsConsensus, tenureDates } from "../../src/domain/cycle.ts";
import { CICA } from "../helpers/forum.ts";
const RECORD_DATES = CICA.recordDates;
import type { AppointmentRow, DocumentRow, EventRow, OfferRow } from "../../src/domain/types.ts";

const appt = (o: Partial<AppointmentRow>): AppointmentRow => ({ id: "a", areaId: "ict", stateCode: "RUS", role: "coordinator", fromDate: null, untilDate: null, tenure: null, decision: null, source: "", ...o });

describe("terms of office", () => {
  it("reads a tenure or dates, the dated fields winning", () => {
    expect(termOf(appt({ tenure: "2024-2025" }))).toEqual({ from: "2024-01-01", until: "2025-12-31" });
    expect(termOf(appt({ tenure: " 2024 – 2025 " }))).toEqual({ from: "2024-01-01", until: "2025-12-31" });
    expect(termOf(appt({ tenure: "from 2022" }))).toEqual({ from: "2022-01-01", until: null });
    expect(termOf(appt({ tenure: "From 2022" }))).toEqual({ from: "2022-01-01", until: null });
    expect(termOf(appt({ tenure: "2024-2025", fromDate: "2024-03-01", untilDate: "2025-06-30" }))).toEqual({ from: "2024-03-01", until: "2025-06-30" });
    expect(termOf(appt({ tenure: "some years" }))).toEqual({ from: null, until: null });
    expect(termOf(appt({}))).toEqual({ from: null, until: null });
  });
  it("is unknown before its decision, upcoming before its start, in force to its last day, ended after", () => {
    const a = appt({ tenure: "2024-2025" });
    expect(appointmentState(a, [a], "2023-08-21", "2023-08-22")).toBe("unknown_yet");
    expect(appointmentState(a, [a], "2023-08-22", "2023-08-22")).toBe("upcoming");
    expect(appointmentState(a, [a], "2023-12-31", "2023-08-22")).toBe("upcoming");
    expect(appointmentState(a, [a], "2024-01-01", "2023-08-22")).toBe("in_force");
    expect(appointmentState(a, [a], "2025-12-31", "2023-08-22")).toBe("in_force");
    expect(appointmentState(a, [a], "2026-01-01", "2023-08-22")).toBe("ended");
    expect(appointmentState(a, [a], "2026-01-01")).toBe("ended");
  });
  it("an open term continues until a later term of the same state, area and role starts", () => {
    const open = appt({ id: "open", fromDate: "2021-06-23" });
    const next = appt({ id: "next", tenure: "2024-2025" });
    const other = appt({ id: "other", stateCode: "CHN", tenure: "2024-2025" });
    const elsewhere = appt({ id: "elsewhere", areaId: "tourism", tenure: "2024-2025" });
    const co = appt({ id: "co", role: "co_coordinator", tenure: "2024-2025" });
    const all = [open, next, other, elsewhere, co];
    expect(appointmentState(open, all, "2023-12-31")).toBe("in_force");
    expect(appointmentState(open, all, "2024-01-01")).toBe("ended");
    expect(appointmentState(open, [open, other, elsewhere, co], "2024-06-01")).toBe("in_force");
    // An undated open term is succeeded by any dated later term of the same state and role.
    const undated = appt({ id: "undated" });
    expect(appointmentState(undated, [undated, next], "2023-12-31")).toBe("in_force");
    expect(appointmentState(undated, [undated, next], "2024-01-01")).toBe("ended");
    // An earlier term is not a successor.
    const earlier = appt({ id: "earlier", fromDate: "2019-01-01", untilDate: "2020-12-31" });
    expect(appointmentState(open, [open, earlier], "2022-01-01")).toBe("in_force");
  });
  it("cycle rules: a term in force from its first to its last day; tenures as calendar dates; what can be decided", () => {
    expect(appointmentInForce({ fromDate: "2024-01-01", untilDate: "2025-12-31" }, "2023-12-31")).toBe(false);
    expect(appointmentInForce({ fromDate: "2024-01-01", untilDate: "2025-12-31" }, "2024-01-01")).toBe(true);
    expect(appointmentInForce({ fromDate: "2024-01-01", untilDate: "2025-12-31" }, "2025-12-31")).toBe(true);
    expect(appointmentInForce({ fromDate: "2024-01-01", untilDate: "2025-12-31" }, "2026-01-01")).toBe(false);
    expect(appointmentInForce({ fromDate: null, untilDate: null }, "1990-01-01")).toBe(true);
    expect(tenureDates("2025-2027")).toEqual({ fromDate: "2025-01-01", untilDate: "2027-12-31" });
    expect(tenureDates(" 2025–2025 ")).toEqual({ fromDate: "2025-01-01", untilDate: "2025-12-31" });
    expect(tenureDates("2027-2025")).toBeUndefined();
    expect(tenureDates("two years")).toBeUndefined();
    expect(tenureDates(null)).toBeUndefined();
    expect(OUTCOMES.offer[0]).toBe("approved");
    expect(OUTCOMES.nomination).toContain("appointed");
    expect(OUTCOMES.appointment).toEqual(["extended", "terminated"]);
    expect(["approved", "adopted", "appointed", "extended"].every(needsConsensus)).toBe(true);
    expect(["declined", "deferred", "noted", "terminated", "rejected"].some(needsConsensus)).toBe(false);
    expect(isDecisionSymbol(" SOC/2023-II/DEC/1 ")).toBe(true);
    expect(isDecisionSymbol("SOC/2024/DEC/12/Rev.1")).toBe(true);
    expect(isDecisionSymbol("MC/2023/DRAFT/4")).toBe(false);
    expect(isDecisionSymbol("SOC/2023-II/DEC/")).toBe(false);
    expect(isDecisionSymbol("x SOC/2023-II/DEC/1")).toBe(false);
    expect(bodyOf("soc/2024-I/DEC/2")).toBe("SOC");
  });
});

describe("facts without a date of their own", () => {
  it("are known from the earliest document their source cites", () => {
    expect(recordedOn("seeds/004 SG report 2022 (Russia as Coordinator)", RECORD_DATES)).toBe("2022-12-07");
    expect(recordedOn("seeds/001 SOC minutes 23 June 2021, item 4; seeds/004 SG report", RECORD_DATES)).toBe("2021-06-23");
    expect(recordedOn("recorded from chat", RECORD_DATES)).toBeNull();
    expect(happenedBy("2023-08-22", "2023-08-22")).toBe(true);
    expect(happenedBy("2023-08-23", "2023-08-22")).toBe(false);
    expect(happenedBy(null, "2023-08-22")).toBe(true);
  });
});

describe("offers and nominations", () => {
  const offer = (o: Partial<OfferRow>): OfferRow => ({ id: "o", areaId: "x", stateCode: "IRQ", role: "co_coordinator", tenure: null, submittedOn: null, status: "pending", decidedOn: null, decision: null, source: "", ...o });
  it("an offer exists from its submission or first dated fact, and its outcome counts from the decision's date", () => {
    expect(offerState(offer({ submittedOn: "2023-06-13" }), "2023-06-12")).toBe("not_yet");
    expect(offerState(offer({ submittedOn: "2023-06-13" }), "2023-06-13")).toBe("pending");
    expect(offerState(offer({}), "2023-06-12", "2023-08-22")).toBe("not_yet");
    expect(offerState(offer({ status: "approved", decidedOn: "2023-08-22" }), "2023-08-21")).toBe("not_yet");
    expect(offerState(offer({ submittedOn: "2023-06-13", status: "approved", decidedOn: "2023-08-22" }), "2023-08-21")).toBe("pending");
    expect(offerState(offer({ submittedOn: "2023-06-13", status: "approved", decidedOn: "2023-08-22" }), "2023-08-22")).toBe("approved");
    expect(offerState(offer({ status: "withdrawn" }), "2000-01-01")).toBe("withdrawn");
  });
  it("a nomination with no date is under consultation until decided", () => {
    expect(nominationState({ nominatedOn: null }, [{ outcome: "declined", decidedOn: "2024-01-01" }], "2023-12-31")).toBe("under_consultation");
    expect(nominationState({ nominatedOn: null }, [{ outcome: "declined", decidedOn: "2024-01-01" }], "2024-01-01")).toBe("declined");
  });
});

describe("documents", () => {
  const doc = (o: Partial<DocumentRow>): DocumentRow => ({ id: 1, symbol: "MC/2023/DRAFT/5", title: "", titleRu: null, body: "MC", date: "2023-06-14", revision: 0, status: "agreed", restricted: true, commentsDue: null, source: "", ...o });
  const paras = [{ ref: "1", text: "Agreed text." }, { ref: "11", text: "[11. Promote] (-IRAN)" }];
  it("is not issued before its date, and never 'agreed' while paragraphs keep brackets", () => {
    expect(documentStatus(doc({}), paras, "2023-06-13").state).toBe("not_issued");
    const st = documentStatus(doc({}), paras, "2023-06-14");
    expect(st).toEqual({ state: "agreed_except", body: "MC", versionDate: "2023-06-14", version: "original", agreed: ["1"], bracketed: ["11"] });
    expect(documentStatus(doc({ status: "adopted" }), paras, "2023-06-14").state).toBe("agreed_except");
    expect(documentStatus(doc({}), [paras[0]!], "2023-06-14").state).toBe("agreed");
    expect(documentStatus(doc({ status: "under_negotiation" }), paras, "2023-06-14").state).toBe("under_negotiation");
    expect(versionOf({ symbol: "MC/2023/CHAIR/1/Rev.1", revision: 0 })).toBe("Rev.1");
    expect(versionOf({ symbol: "MC/2023/DRAFT/4", revision: 2 })).toBe("Rev.2");
    expect(versionOf({ symbol: "MC/2023/DRAFT/4", revision: 0 })).toBe("original");
  });
  it("is superseded only from the date of the text that replaced it, before that a draft or under negotiation", () => {
    const sec = doc({ symbol: "MC/2023/SEC/1", date: "2023-05-12", status: "superseded", source: "negotiation continued on MC/2023/DRAFT/4" });
    const d4 = doc({ symbol: "MC/2023/DRAFT/4", date: "2023-06-14", status: "under_negotiation", source: "" });
    const inf = doc({ symbol: "SWG/INF/2", date: "2023-06-01", status: "information", source: "MC/2023/SEC/1 considered" });
    const all = [sec, d4, inf];
    expect(documentStatus(sec, [paras[0]!], "2023-06-13", all).state).toBe("draft");
    expect(documentStatus(sec, paras, "2023-06-13", all).state).toBe("under_negotiation");
    const after = documentStatus(sec, paras, "2023-06-14", all);
    expect(after.state).toBe("superseded");
    expect(after.supersededBy).toEqual({ symbol: "MC/2023/DRAFT/4", on: "2023-06-14" });
    // Its revisions supersede it too; the first by date wins; an earlier revision never supersedes a later one.
    const rev1 = doc({ symbol: "MC/2023/SEC/1/Rev.1", date: "2023-06-01", status: "under_negotiation" });
    expect(successorOf(sec, [...all, rev1], "2023-07-01")).toEqual({ symbol: "MC/2023/SEC/1/Rev.1", on: "2023-06-01" });
    expect(successorOf(rev1, [sec, rev1], "2023-07-01")).toBeUndefined();
    expect(successorOf(sec, [sec, doc({ symbol: "OLD", date: "2023-01-01", source: "MC/2023/SEC/1" })], "2023-07-01")).toBeUndefined();
    expect(successorOf(sec, [sec, doc({ symbol: "UNDATED", date: null, source: "MC/2023/SEC/1" })], "2023-07-01")).toBeUndefined();
    expect(successorOf(sec, [sec, doc({ symbol: "LATER", date: "2023-09-01", source: "based on MC/2023/SEC/1" })], "2023-09-01")).toEqual({ symbol: "LATER", on: "2023-09-01" });
  });
});

describe("concept papers and events", () => {
  it("a reported status is not known before the report", () => {
    expect(conceptPaperAsOf("adopted", "2022-12-07", "2022-12-06")).toEqual({ status: "unknown", reportedOn: null });
    expect(conceptPaperAsOf("adopted", "2022-12-07", "2022-12-07")).toEqual({ status: "adopted", reportedOn: "2022-12-07" });
    expect(conceptPaperAsOf("unknown", null, "2022-12-07")).toEqual({ status: "unknown", reportedOn: null });
  });
  const ev = (o: Partial<EventRow>) => ({ status: "planned", startsOn: "2023-10-02", endsOn: "2023-10-03", year: 2023, ...o }) as Pick<EventRow, "status" | "startsOn" | "endsOn" | "year">;
  it("an event is planned, under way between its dates, held after its end; cancelled and in preparation stay so", () => {
    expect(eventState(ev({}), "2023-10-01")).toBe("planned");
    expect(eventState(ev({ status: "proposed" }), "2023-10-01")).toBe("proposed");
    expect(eventState(ev({}), "2023-10-02")).toBe("under_way");
    expect(eventState(ev({}), "2023-10-03")).toBe("under_way");
    expect(eventState(ev({}), "2023-10-04")).toBe("held");
    expect(eventState(ev({ endsOn: null }), "2023-10-02")).toBe("under_way");
    expect(eventState(ev({ endsOn: null }), "2023-10-03")).toBe("held");
    expect(eventState(ev({ status: "cancelled" }), "2024-01-01")).toBe("cancelled");
    expect(eventState(ev({ status: "in_preparation" }), "2030-01-01")).toBe("in_preparation");
    expect(eventState(ev({ status: "held", startsOn: null, endsOn: null, year: 2022 }), "2022-12-31")).toBe("planned");
    expect(eventState(ev({ status: "held", startsOn: null, endsOn: null, year: 2022 }), "2023-01-01")).toBe("held");
    expect(eventState(ev({ status: "proposed", startsOn: null, endsOn: null }), "2030-01-01")).toBe("proposed");
    expect(eventState(ev({ status: "planned", startsOn: null, endsOn: null }), "2030-01-01")).toBe("planned");
  });
});
