/**
 * Replays every day from 2021-01-01 to 2024-12-31 over the seed data, loaded once, and checks the invariants
 * of the derived state (src/domain/timeline.ts, procedures.ts). Random facts (fast-check) probe the same rules
 * beyond the seeds: objections on random days, chains of terms.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { testApp, type TestApp } from "../helpers/app.ts";
import { addDays, calendarDate } from "../../src/domain/dates.ts";
import { appointmentState, documentStatus, eventState, nominationState, offerState, silenceStatus, termOf, type DatedObjection } from "../../src/domain/timeline.ts";
import { annualPlanDue, conceptPaperSteps, coordinationDue, reviewDue } from "../../src/domain/procedures.ts";
import { decidedOnOf } from "../../src/services/dated.ts";
import type { AppointmentRow, AreaRow, DocumentRow, EventRow, NominationRow, OfferRow, ParagraphRow, SilenceRow } from "../../src/domain/types.ts";
import { CICA } from "../helpers/forum.ts";

type Loaded = { nominations: NominationRow[]; meetings: { id: string; due: string; announcedOn: string | null }[]; appointments: AppointmentRow[]; offers: OfferRow[]; areas: AreaRow[]; silences: SilenceRow[]; objections: DatedObjection[]; documents: DocumentRow[]; paragraphs: ParagraphRow[]; events: EventRow[] };
let app: TestApp;
let data: Loaded;

beforeAll(async () => {
  app = await testApp();
  const p = app.db.prisma;
  const [ref, silences, positions, paragraphs, events, nominations, deadlines] = await Promise.all([app.repos.refData(), p.silenceProcedure.findMany(), p.position.findMany(), p.paragraph.findMany(), p.cbmEvent.findMany(), app.repos.nominations.all(), app.repos.deadlines.between("0000-01-01", undefined)]);
  data = {
    nominations, meetings: deadlines.filter((r) => r.kind === "meeting").map((r) => ({ id: r.id, due: r.due, announcedOn: r.announcedOn ?? null })),
    appointments: ref.appointments, offers: ref.offers, areas: ref.areas, documents: ref.documents, silences, paragraphs, events,
    objections: positions.map((x) => ({ stateCode: x.stateCode, stance: x.stance, targetType: x.targetType, targetRef: x.targetRef, on: calendarDate(x.createdAt, "Asia/Almaty") })),
  };
});
afterAll(async () => app?.close());

const DAYS: string[] = [];
for (let d = "2021-01-01"; d <= "2024-12-31"; d = addDays(d, 1)) DAYS.push(d);

describe("replay of every day 2021-01-01 … 2024-12-31 on the seed data", () => {
  it("has 1,461 days", () => expect(DAYS).toHaveLength(1461));

  it("holds every invariant on every day", () => {
    const decidedOn = decidedOnOf(data.offers, CICA.recordDates);
    const problems: string[] = [];
    const parasOf = new Map(data.documents.map((d) => [d.id, data.paragraphs.filter((p) => p.documentId === d.id)]));
    const fail = (day: string, what: string) => { if (problems.length < 20) problems.push(`${day}: ${what}`); };
    for (const day of DAYS) {
      // Exactly one state per silence procedure; nothing before it starts; approved only after its last day.
      for (const s of data.silences) {
        const st = silenceStatus(s, data.objections, day);
        if (!["scheduled", "running", "approved", "broken"].includes(st.state)) fail(day, `${s.id} has no single state`);
        if (day < s.startsOn && st.state !== "scheduled") fail(day, `${s.id} ${st.state} before it started`);
        if (st.state === "approved" && day <= s.expiresOn) fail(day, `${s.id} approved while running`);
        if (st.state === "broken" && st.brokenOn! > day) fail(day, `${s.id} broken by a future objection`);
      }
      // Terms: nothing in force before its start or after its end; one term in force per (area, state, role).
      const inForce = new Map<string, number>();
      for (const a of data.appointments) {
        const st = appointmentState(a, data.appointments, day, decidedOn(a));
        const { from, until } = termOf(a);
        const dec = decidedOn(a);
        if (st === "in_force" && ((from && from > day) || (until && until < day))) fail(day, `${a.id} in force outside its term`);
        if (st !== "unknown_yet" && dec && dec > day) fail(day, `${a.id} known before its decision of ${dec}`);
        // A term with no dates of its own is known only from the document that records it.
        if (!from && st !== "unknown_yet" && !dec) fail(day, `${a.id} has no date and is known on every day`);
        if (st === "in_force") inForce.set(`${a.areaId}|${a.stateCode}|${a.role}`, (inForce.get(`${a.areaId}|${a.stateCode}|${a.role}`) ?? 0) + 1);
      }
      for (const [k, n] of inForce) if (n > 1) fail(day, `${n} terms in force for ${k}`);
      // No coordinator shown for an area after its term ended without a successor.
      for (const area of data.areas) {
        const coords = data.appointments.filter((a) => a.areaId === area.id && a.role === "coordinator");
        const shown = coords.filter((a) => appointmentState(a, data.appointments, day, decidedOn(a)) === "in_force");
        for (const a of shown) if (termOf(a).until && termOf(a).until! < day) fail(day, `${area.id} shows ${a.stateCode} after its term`);
      }
      // Offers: not before their date; a decision only from its date.
      for (const o of data.offers) {
        const st = offerState(o, day);
        if (o.submittedOn && o.submittedOn > day && st !== "not_yet") fail(day, `${o.id} exists before submission`);
        if ((st === "approved" || st === "rejected") && o.decidedOn && o.decidedOn > day) fail(day, `${o.id} decided before ${o.decidedOn}`);
      }
      // Documents: not issued before their date; never "agreed" while brackets remain.
      for (const d of data.documents) {
        const st = documentStatus(d, parasOf.get(d.id)!, day);
        if (d.date && d.date > day && st.state !== "not_issued") fail(day, `${d.symbol} shown before its date`);
        if ((st.state === "agreed" || st.state === "adopted") && st.bracketed.length) fail(day, `${d.symbol} agreed with brackets`);
        // Superseded only from the date of the text that replaced it, and then naming it.
        const full = documentStatus(d, parasOf.get(d.id)!, day, data.documents);
        if (full.state === "superseded" && !(full.supersededBy && full.supersededBy.on <= day)) fail(day, `${d.symbol} superseded without a dated successor`);
        if (full.supersededBy && data.documents.find((x) => x.symbol === full.supersededBy!.symbol)!.date! > day) fail(day, `${d.symbol} superseded by a text not yet issued`);
      }
      // Events: held only after their end; in preparation never held.
      for (const e of data.events) {
        const st = eventState(e, day);
        const end = e.endsOn ?? e.startsOn;
        if (st === "held" && end && end >= day) fail(day, `${e.id} held before its end`);
        if (st === "held" && !end && `${e.year}-12-31` >= day) fail(day, `${e.id} held during its year`);
        if (e.status === "in_preparation" && st === "held") fail(day, `${e.id} in preparation shown as held`);
      }
      // Nominations: under consultation only from the day they were communicated.
      for (const n of data.nominations) if (n.nominatedOn && n.nominatedOn > day && nominationState(n, [], day) !== "not_yet") fail(day, `${n.id} under consultation before ${n.nominatedOn}`);
      // Concept-paper steps: what is reported, and the meeting named for it, happened by the day.
      const meetings = data.meetings.filter((m) => !m.announcedOn || m.announcedOn <= day);
      for (const area of data.areas)
        for (const s of conceptPaperSteps(area, { appointments: data.appointments, areas: data.areas, decidedOn, offers: data.offers, rules: CICA.rules }, meetings, day)) {
          if (s.kind === "reported" && s.date > day) fail(day, `${area.id} reported on ${s.date}, in the future`);
          if (s.meeting && data.meetings.find((m) => m.id === s.meeting)!.due > day) fail(day, `${area.id} names a future meeting`);
        }
      // Procedures that fall due: inside the window asked for, never in the past of `from`.
      const due = [...coordinationDue({ appointments: data.appointments, areas: data.areas, decidedOn, offers: data.offers, rules: CICA.rules }, day, day, addDays(day, 120)), ...annualPlanDue(CICA.rules.eventPlan, day, addDays(day, 400)), ...reviewDue(CICA.rules.review, ["RUS"], [], day, addDays(day, 400))];
      for (const i of due) if (i.due < day || i.due > addDays(day, 400)) fail(day, `${i.id} due ${i.due} outside the window`);
      // The Annual Plan is asked for every year: within a year from any day there is a 30 September deadline.
      if (!annualPlanDue(CICA.rules.eventPlan, day, addDays(day, 366)).some((i) => i.rule === "plan_proposals")) fail(day, "no Annual Plan proposals deadline within a year");
    }
    expect(problems).toEqual([]);
  });
});

describe("properties beyond the seeds", () => {
  const date = fc.integer({ min: 0, max: 1460 }).map((n) => addDays("2021-01-01", n));

  it("a silence procedure is broken exactly from the first objection to its matter within its period, the last day included", () => {
    fc.assert(fc.property(date, fc.integer({ min: 0, max: 30 }), fc.array(fc.record({ on: date, matter: fc.boolean(), stance: fc.constantFrom("objection", "support", "reservation") }), { maxLength: 6 }), date, (start, len, raw, day) => {
      const s = { id: "sp", targetRef: "DOC", startsOn: start, expiresOn: addDays(start, len), outcome: "running", brokenBy: null, brokenAt: null };
      const objections: DatedObjection[] = raw.map((r, i) => ({ stateCode: `S${i}`, stance: r.stance, targetType: r.matter ? "document" : "document", targetRef: r.matter ? "DOC" : "OTHER", on: r.on }));
      const st = silenceStatus(s, objections, day);
      const breaking = objections.filter((o) => o.stance === "objection" && o.targetRef === "DOC" && o.on >= s.startsOn && o.on <= s.expiresOn && o.on <= day).sort((a, b) => a.on.localeCompare(b.on));
      if (day < s.startsOn) return st.state === "scheduled";
      if (breaking.length) return st.state === "broken" && st.brokenOn === breaking[0]!.on;
      return st.state === (day > s.expiresOn ? "approved" : "running");
    }), { numRuns: 500 });
  });

  it("an open-ended term continues until a later term of the same state and role starts, and only one is in force", () => {
    fc.assert(fc.property(date, date, fc.integer({ min: 1, max: 3 }), date, (a0, b0, years, day) => {
      const [first, second] = [a0, b0].sort();
      const open: AppointmentRow = { id: "open", areaId: "x", stateCode: "RUS", role: "coordinator", fromDate: first!, untilDate: null, tenure: null, decision: null, source: "" };
      const next: AppointmentRow = { id: "next", areaId: "x", stateCode: "RUS", role: "coordinator", fromDate: second === first ? addDays(second!, 1) : second!, untilDate: addDays(second!, 365 * years), tenure: null, decision: null, source: "" };
      const all = [open, next];
      const a = appointmentState(open, all, day);
      const b = appointmentState(next, all, day);
      if (day < first!) return a !== "in_force" && b !== "in_force";
      if (day < next.fromDate!) return a === "in_force" && b !== "in_force";
      if (day <= next.untilDate!) return a === "ended" && b === "in_force";
      return a === "ended" && b === "ended";
    }), { numRuns: 500 });
  });
});
