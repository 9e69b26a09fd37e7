import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { z } from "zod";
import { dataSet, type DataSet } from "../data/schema.ts";
import { normalise } from "../domain/text.ts";
import { zonedTime } from "../domain/dates.ts";
import type { Repos } from "./repos.ts";

export class ImportError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The data file was not imported; nothing was changed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Names a zod issue by the record it sits in ("offers[2] (iraq-ct): field state: …"). */
function describe(issue: z.core.$ZodIssue, raw: unknown): string {
  const [section, index, ...rest] = issue.path;
  let where = String(section ?? "file");
  if (typeof index === "number") {
    const rec = (raw as Record<string, unknown[]>)?.[String(section)]?.[index] as Record<string, unknown> | undefined;
    const name = rec?.id ?? rec?.code ?? rec?.symbol;
    where += `[${index}]${name ? ` (${String(name)})` : ""}`;
  }
  const field = rest.length ? `field ${rest.join(".")}` : "record";
  return `${where}: ${field}: ${issue.message}`;
}

export function parseDataFile(path: string): DataSet {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new ImportError([`${path}: not readable YAML: ${(e as Error).message.split("\n")[0]}`]);
  }
  const r = dataSet.safeParse(raw);
  if (!r.success) throw new ImportError(r.error.issues.slice(0, 20).map((i) => describe(i, raw)));
  return r.data;
}

/** Cross-references inside the file, and against what the database already holds. */
async function checkReferences(d: DataSet, repos: Repos): Promise<string[]> {
  const ref = await repos.refData();
  const states = new Set([...ref.states.map((s) => s.code), ...d.states.map((s) => s.code)]);
  const dims = new Set([...ref.dimensions.map((x) => x.id), ...d.dimensions.map((x) => x.id)]);
  const areas = new Set([...ref.areas.map((x) => x.id), ...d.areas.map((x) => x.id)]);
  const problems: string[] = [];
  const need = (ok: boolean, where: string, field: string, value: string, what: string) => {
    if (!ok) problems.push(`${where}: field ${field}: unknown ${what} "${value}"`);
  };
  d.areas.forEach((a, i) => need(dims.has(a.dimension), `areas[${i}] (${a.id})`, "dimension", a.dimension, "dimension"));
  d.appointments.forEach((a, i) => {
    need(areas.has(a.area), `appointments[${i}] (${a.id})`, "area", a.area, "priority area");
    need(states.has(a.state), `appointments[${i}] (${a.id})`, "state", a.state, "state");
  });
  d.offers.forEach((o, i) => {
    need(areas.has(o.area), `offers[${i}] (${o.id})`, "area", o.area, "priority area");
    need(states.has(o.state), `offers[${i}] (${o.id})`, "state", o.state, "state");
    o.positions.forEach((p, j) => need(states.has(p.state), `offers[${i}] (${o.id})`, `positions.${j}.state`, p.state, "state"));
  });
  d.documents.forEach((doc, i) => {
    const refs = new Set<string>();
    doc.paragraphs.forEach((p, j) => {
      if (refs.has(p.ref)) problems.push(`documents[${i}] (${doc.symbol}): field paragraphs.${j}.ref: "${p.ref}" appears twice`);
      refs.add(p.ref);
    });
    doc.positions.forEach((p, j) => {
      need(states.has(p.state), `documents[${i}] (${doc.symbol})`, `positions.${j}.state`, p.state, "state");
      if (p.paragraph) need(refs.has(p.paragraph), `documents[${i}] (${doc.symbol})`, `positions.${j}.paragraph`, p.paragraph, "paragraph");
    });
  });
  d.nominations.forEach((n, i) => {
    need(states.has(n.nominatedBy), `nominations[${i}] (${n.id})`, "nominatedBy", n.nominatedBy, "state");
    n.positions.forEach((p, j) => need(states.has(p.state), `nominations[${i}] (${n.id})`, `positions.${j}.state`, p.state, "state"));
  });
  d.events.forEach((e, i) => {
    e.organisers.forEach((o, j) => need(states.has(o), `events[${i}] (${e.id})`, `organisers.${j}`, o, "state"));
    if (e.area) need(areas.has(e.area), `events[${i}] (${e.id})`, "area", e.area, "priority area");
  });
  const aliasOwner = new Map<string, string>();
  d.states.forEach((s, i) => {
    for (const a of [s.code, s.nameEn, s.nameRu, ...s.aliases].map(normalise)) {
      const other = aliasOwner.get(a);
      if (other && other !== s.code) problems.push(`states[${i}] (${s.code}): field aliases: "${a}" already names ${other}`);
      aliasOwner.set(a, s.code);
    }
  });
  return problems;
}

export type ImportSummary = Record<string, number>;

/**
 * Loads a data set in one transaction: upserts by id, so importing the same file twice changes nothing,
 * and a failure anywhere leaves the database as it was.
 */
export async function importDataSet(repos: Repos, d: DataSet, at: Date, origin = "import", timeZone?: string): Promise<ImportSummary> {
  const problems = await checkReferences(d, repos);
  // Dates in the papers are the forum's calendar dates: its zone, from the file's forum: section or the caller.
  const tz = d.forum?.timeZone ?? timeZone;
  const dated = [d.offers, d.documents, d.nominations].some((xs) => xs.some((x) => x.positions.length)) || d.deadlines.some((x) => !x.timeZone);
  if (!tz && dated) problems.push("file: dated positions and deadlines need the forum's time zone: add a forum: section, or set TIME_ZONE");
  if (problems.length) throw new ImportError(problems.slice(0, 20));
  const author = { platform: "import" as const, userId: origin, role: "system" as const };
  const noon = (date: string) => zonedTime(date, "12:00", tz!);

  const summary = await repos.write(author, async (tx) => {
    for (const s of d.states) {
      const row = { nameEn: s.nameEn, nameRu: s.nameRu, kind: s.kind, source: s.source };
      await tx.state.upsert({ where: { code: s.code }, create: { code: s.code, ...row }, update: row });
      const names = new Set([s.code, s.nameEn, s.nameRu, ...s.aliases].map(normalise));
      for (const alias of names)
        await tx.stateAlias.upsert({ where: { alias }, create: { alias, stateCode: s.code }, update: { stateCode: s.code } });
    }
    for (const x of d.dimensions) {
      const row = { nameEn: x.nameEn, nameRu: x.nameRu, source: x.source };
      await tx.dimension.upsert({ where: { id: x.id }, create: { id: x.id, ...row }, update: row });
    }
    for (const a of d.areas) {
      const row = {
        dimensionId: a.dimension, nameEn: a.nameEn, nameRu: a.nameRu,
        aliases: [...new Set(a.aliases.map(normalise))].join("|"),
        conceptPaperStatus: a.conceptPaper?.status ?? "unknown",
        conceptPaperAsOf: a.conceptPaper?.asOf ?? null,
        conceptPaperNote: a.conceptPaper?.note ?? null,
        source: a.source,
      };
      await tx.priorityArea.upsert({ where: { id: a.id }, create: { id: a.id, ...row }, update: row });
    }
    for (const a of d.appointments) {
      const row = {
        areaId: a.area, stateCode: a.state, role: a.role, fromDate: a.from ?? null, untilDate: a.until ?? null,
        tenure: a.tenure ?? null, decision: a.decision ?? null, source: a.source,
      };
      await tx.appointment.upsert({ where: { id: a.id }, create: { id: a.id, ...row }, update: row });
    }
    const seedPosition = async (
      targetType: string, targetRef: string,
      p: { state: string; stance: string; on: string; note?: string; source: string; paragraph?: string; text?: string },
    ) => {
      const requestKey = `seed:${targetType}:${targetRef}:${p.paragraph ?? ""}:${p.state}:${p.stance}`;
      const row = {
        stateCode: p.state, stance: p.stance, targetType: p.paragraph ? "paragraph" : targetType, targetRef,
        paragraphRef: p.paragraph ?? null, reason: p.text ?? p.note ?? "", createdAt: noon(p.on),
        platform: "import", userId: origin, source: p.source,
      };
      await tx.position.upsert({ where: { requestKey }, create: { ...row, requestKey }, update: row });
    };
    for (const o of d.offers) {
      const row = {
        areaId: o.area, stateCode: o.state, role: o.role, tenure: o.tenure ?? null, submittedOn: o.submittedOn ?? null,
        status: o.status, decidedOn: o.decidedOn ?? null, decision: o.decision ?? null, source: o.source,
      };
      await tx.offer.upsert({ where: { id: o.id }, create: { id: o.id, ...row }, update: row });
      for (const p of o.positions) await seedPosition("offer", o.id, p);
    }
    for (const doc of d.documents) {
      const rev = /\/Rev\.(\d+)$/i.exec(doc.symbol);
      const row = {
        title: doc.title, titleRu: doc.titleRu ?? null, body: doc.body ?? null, date: doc.date ?? null,
        revision: rev ? Number(rev[1]) : 0, status: doc.status, restricted: doc.restricted,
        commentsDue: doc.commentsDue ?? null, meeting: doc.meeting ?? null, source: doc.source,
      };
      const saved = await tx.document.upsert({ where: { symbol: doc.symbol }, create: { symbol: doc.symbol, ...row }, update: row });
      for (const [ord, para] of doc.paragraphs.entries())
        await tx.paragraph.upsert({
          where: { documentId_ref: { documentId: saved.id, ref: para.ref } },
          create: { documentId: saved.id, ref: para.ref, ord, text: para.text, matter: para.matter ?? null },
          update: { ord, text: para.text, matter: para.matter ?? null },
        });
      for (const p of doc.positions) await seedPosition("document", doc.symbol, p);
    }
    for (const n of d.nominations) {
      const row = { post: n.post, candidate: n.candidate, nominatedBy: n.nominatedBy, nominatedOn: n.nominatedOn ?? null, status: n.status, source: n.source };
      await tx.nomination.upsert({ where: { id: n.id }, create: { id: n.id, ...row }, update: row });
      for (const p of n.positions) await seedPosition("nomination", n.id, p);
    }
    for (const s of d.silenceProcedures) {
      const row = {
        subject: s.subject, subjectRu: s.subjectRu ?? null, targetType: s.target.type, targetRef: s.target.ref ?? null,
        startsOn: s.startsOn, expiresOn: s.expiresOn, outcome: s.outcome, brokenBy: s.brokenBy ?? null, source: s.source,
      };
      await tx.silenceProcedure.upsert({ where: { id: s.id }, create: { id: s.id, ...row }, update: row });
    }
    for (const x of d.deadlines) {
      const row = { kind: x.kind, title: x.title, titleRu: x.titleRu, due: x.due, timeZone: x.timeZone ?? tz!, restricted: x.restricted, announcedOn: x.announcedOn ?? null, source: x.source };
      await tx.deadline.upsert({ where: { id: x.id }, create: { id: x.id, ...row }, update: row });
    }
    for (const e of d.events) {
      const row = {
        year: e.year, title: e.title, concept: e.concept ?? null, purpose: e.purpose ?? null, organisers: e.organisers.join("|"),
        areaId: e.area ?? null, startsOn: e.startsOn ?? null, endsOn: e.endsOn ?? null, format: e.format ?? null,
        status: e.status, source: e.source,
      };
      await tx.cbmEvent.upsert({ where: { id: e.id }, create: { id: e.id, ...row }, update: row });
    }
    const counts: ImportSummary = {
      states: d.states.length, dimensions: d.dimensions.length, areas: d.areas.length, appointments: d.appointments.length,
      offers: d.offers.length, documents: d.documents.length, nominations: d.nominations.length,
      silenceProcedures: d.silenceProcedures.length, deadlines: d.deadlines.length, events: d.events.length,
    };
    return { result: counts, audit: [{ action: "import", entity: "dataset", entityId: origin, details: counts }] };
  }, at, 120_000);
  repos.invalidate();
  return summary;
}
