/**
 * A forum (the first is described in data/cica.yaml): its bodies, time zone, procedural parameters and wording, as one description loaded
 * at start from the data file (data/cica.yaml, section `forum:`). Rules in src/domain/ take these parameters
 * as arguments; nothing in generic code names a forum. Each parameter carries the paragraph it comes from.
 */
import type { Lang } from "./types.ts";

export type Bilingual = { en: string; ru: string };

/** A body of the forum that issues papers and takes decisions (a code such as CNL, and its names). */
export type ForumBody = { code: string; name: Bilingual; source: string };

/** "MM-DD" of the year before the plan year (proposals) or of that year's end. */
export type MonthDay = string;

export type ForumRules = {
  /** Tenure of a Coordinator or Co-coordinator, in calendar years; `quote` is the paragraph's own words. */
  tenure: { minYears: number; maxYears: number; quote: Bilingual; source: string };
  /** A new Coordinator's concept paper is due this many months after the appointment. */
  conceptPaper: { months: number; source: string };
  /** Consideration beyond this many months since the first draft calls for expert meetings. */
  expertMeetings: { months: number; source: string };
  /** Event proposals for plan year Y: last day `proposalsBy` of Y-1; plan approval by `approvalBy` of Y-1. */
  eventPlan: { proposalsBy: MonthDay; approvalBy: MonthDay; source: string };
  /** The yearly review by `by`; written contributions `contributionDaysBefore` days before it when no meeting is set. */
  review: { by: MonthDay; contributionDaysBefore: number; source: string };
  /** A silence procedure's usual length in days, counted from the day after it is announced. */
  silence: { days: number; source: string };
  /** As a rule, one Coordinator per priority area. */
  oneCoordinator: { source: string };
  /** Where each rule (by its id in src/domain/procedures.ts) is written: the paragraph, the paper when it is not the modalities text, and the source. */
  citations: Record<string, { para: string; in?: string; source: string }>;
  /** The text that holds the modalities rules; while it is not adopted they are "draft rules". */
  modalitiesDocument: string;
};

export type Forum = {
  id: string;
  name: Bilingual;
  /** The forum's own acronym in both languages; dropped when matching posts by initials ("<acronym> DSG" → DSG). */
  acronym: Bilingual;
  /** Calendar dates in the forum's papers are dates in this zone. */
  timeZone: string;
  bodies: ForumBody[];
  rules: ForumRules;
  /**
   * The date of each source the data set cites (a record's `source` starts with its key), for facts a document
   * records without a date of their own: such a fact is known only from that date (issue 12).
   */
  recordDates: Record<string, string>;
  /** Terms filled into the message catalogue ({forum}, {measure} …), per language. */
  wording: Record<Lang, Record<string, string>>;
};

export const bodyCodes = (f: Pick<Forum, "bodies">): string[] => f.bodies.map((b) => b.code);

/** The placeholders the catalogue fills from the forum: {forum} (its acronym), {modalitiesDocument} and the terms of `wording`. */
export const forumTerms = (f: Pick<Forum, "acronym" | "wording" | "rules">, lang: Lang): Record<string, string> =>
  ({ forum: f.acronym[lang], modalitiesDocument: f.rules.modalitiesDocument, ...f.wording[lang] });
