/**
 * What the adapter contract needs from a forum's data set, derived from the file itself so that the suite
 * holds no forum's names or symbols: a delegation, one that blocks a restricted draft, an observer, the
 * draft and its first bracketed paragraph, a public paper, and an area with its Coordinator in force.
 */
import { parseDataFile } from "../../src/db/importer.ts";
import { loadForum } from "../../src/forum/load.ts";
import { calendarDate } from "../../src/domain/dates.ts";
import { blocks } from "../../src/domain/rules.ts";

export type ContractCase = {
  dataFile: string;
  /** The test clock: the forum's "today" in its papers. */
  now: string;
  delegate: { name: string };
  blocker: { name: string; stance: string };
  observer: { name: string };
  draft: string;
  para: string;
  publicDoc: string;
  area: { query: string; coordinatorRu: string };
};

const stanceLabel: Record<string, string> = { objection: "objection", reservation: "reservation", needs_more_time: "more time" };

export function contractCase(dataFile: string, now: string): ContractCase {
  const d = parseDataFile(dataFile);
  const day = calendarDate(new Date(now), loadForum(dataFile).timeZone);
  const name = (code: string) => d.states.find((s) => s.code === code)!;
  const draft = d.documents.find((x) => x.restricted && x.status === "under_negotiation" && x.positions.some((p) => !p.paragraph && blocks(p.stance) && p.on <= day));
  if (!draft) throw new Error(`${dataFile}: the contract needs a restricted draft under negotiation with a blocking position on the whole text`);
  const block = draft.positions.find((p) => !p.paragraph && blocks(p.stance) && p.on <= day)!;
  const para = draft.paragraphs.find((p) => p.text.includes("["));
  const delegate = d.states.find((s) => s.kind === "member" && s.code !== block.state);
  const observer = d.states.find((s) => s.kind === "observer");
  const publicDoc = d.documents.find((x) => !x.restricted && (!x.date || x.date <= day));
  const appt = d.appointments.find((a) => a.role === "coordinator" && (!a.from || a.from <= day) && (!a.until || a.until >= day));
  if (!para || !delegate || !observer || !publicDoc || !appt) throw new Error(`${dataFile}: the contract needs a bracketed paragraph, a member, an observer, a public paper and a Coordinator in force`);
  return {
    dataFile, now,
    delegate: { name: delegate.nameEn },
    blocker: { name: name(block.state).nameEn, stance: stanceLabel[block.stance] ?? block.stance },
    observer: { name: observer.nameEn },
    draft: draft.symbol, para: para.ref, publicDoc: publicDoc.symbol,
    area: { query: d.areas.find((a) => a.id === appt.area)!.nameEn, coordinatorRu: name(appt.state).nameRu },
  };
}
