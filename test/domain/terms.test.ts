/** Terms, offers, nominations, silence and events on a given day: the edges of src/domain/timeline.ts. */
import { describe, expect, it } from "vitest";
import { appointmentState, eventState, nominationState, recordedOn, silenceStatus, termOf } from "../../src/domain/timeline.ts";
import type { AppointmentRow, EventRow } from "../../src/domain/types.ts";

const appt = (o: Partial<AppointmentRow>): AppointmentRow => ({ id: "a", areaId: "ict", stateCode: "RUS", role: "coordinator", fromDate: null, untilDate: null, tenure: null, decision: null, source: "", ...o });

describe("a tenure as written", () => {
  it("GIVEN other words around the years THEN the tenure is not read as dates", () => {
    const none = { from: null, until: null };
    expect(termOf(appt({ tenure: "for 2024-2025" }))).toEqual(none);
    expect(termOf(appt({ tenure: "2024-2025 and beyond" }))).toEqual(none);
    expect(termOf(appt({ tenure: "not from 2022" }))).toEqual(none);
    expect(termOf(appt({ tenure: "from 2022 to be confirmed" }))).toEqual(none);
  });
  it("GIVEN “from” and the year with more than one space THEN it is still read", () => {
    expect(termOf(appt({ tenure: "from  2022" }))).toEqual({ from: "2022-01-01", until: null });
  });
});

describe("a term and its successor", () => {
  it("GIVEN a term with a last day and a renewal starting before it THEN the term runs to its own last day", () => {
    const current = appt({ id: "cur", tenure: "2024-2025" });
    const renewal = appt({ id: "ren", fromDate: "2025-07-01", untilDate: "2027-06-30" });
    expect(appointmentState(current, [current, renewal], "2025-08-01")).toBe("in_force");
  });
  it("GIVEN an open term and another record of the same term starting the same day THEN neither ends the other", () => {
    const open = appt({ id: "open", fromDate: "2021-06-23" });
    const again = appt({ id: "again", fromDate: "2021-06-23" });
    expect(appointmentState(open, [open, again], "2023-01-01")).toBe("in_force");
  });
});

describe("nominations as decided over time (seeds/000 item 7(a))", () => {
  it("GIVEN a nomination communicated on 7 August 2023 THEN it does not exist the day before", () => {
    expect(nominationState({ nominatedOn: "2023-08-07" }, [], "2023-08-06")).toBe("not_yet");
    expect(nominationState({ nominatedOn: "2023-08-07" }, [], "2023-08-07")).toBe("under_consultation");
  });
  it("GIVEN a deferral THEN the nomination stays under consultation; an appointment counts from its date", () => {
    expect(nominationState({ nominatedOn: null }, [{ outcome: "deferred", decidedOn: "2023-08-22" }], "2023-09-01")).toBe("under_consultation");
    expect(nominationState({ nominatedOn: null }, [{ outcome: "appointed", decidedOn: "2023-08-22" }], "2023-09-01")).toBe("appointed");
    expect(nominationState({ nominatedOn: null }, [{ outcome: "declined", decidedOn: "2023-08-22" }, { outcome: "deferred", decidedOn: "2023-09-01" }], "2023-09-02")).toBe("declined");
  });
  it("GIVEN several decisions in any order THEN the latest by date counts", () => {
    const decisions = [{ outcome: "appointed", decidedOn: "2024-03-01" }, { outcome: "declined", decidedOn: "2024-01-10" }];
    expect(nominationState({ nominatedOn: null }, decisions, "2024-02-01")).toBe("declined");
    expect(nominationState({ nominatedOn: null }, decisions, "2024-03-01")).toBe("appointed");
  });
});

describe("a silence procedure's own days (seeds/001 item 3)", () => {
  const sp = { id: "sp", targetRef: null, startsOn: "2021-03-05", expiresOn: "2021-03-20", outcome: "running", brokenBy: null, brokenAt: null };
  it("GIVEN its first day THEN it is running, not scheduled", () => {
    expect(silenceStatus(sp, [], "2021-03-04").state).toBe("scheduled");
    expect(silenceStatus(sp, [], "2021-03-05").state).toBe("running");
  });
  it("GIVEN a breaker left on a procedure the Secretariat did not record as broken THEN it does not break it", () => {
    expect(silenceStatus({ ...sp, outcome: "approved", brokenBy: "IND" }, [], "2021-03-25", "2021-03-10").state).toBe("approved");
    expect(silenceStatus({ ...sp, outcome: "broken", brokenBy: "IND" }, [], "2021-03-25", "2021-03-10")).toEqual({ state: "broken", brokenBy: "IND", brokenOn: "2021-03-10" });
  });
});

describe("facts known from the documents that record them", () => {
  it("GIVEN a source citing a later document first THEN the earliest document's date is taken", () => {
    expect(recordedOn("seeds/004 SG report; seeds/001 SOC minutes", { "seeds/004": "2022-12-07", "seeds/001": "2021-06-23" })).toBe("2021-06-23");
  });
});

describe("an event with only an end date", () => {
  it("GIVEN no start date THEN it is judged as an event without dates", () => {
    const ev = { status: "planned", startsOn: null, endsOn: "2023-10-03", year: 2023 } as Pick<EventRow, "status" | "startsOn" | "endsOn" | "year">;
    expect(eventState(ev, "2023-10-04")).toBe("planned");
  });
});
