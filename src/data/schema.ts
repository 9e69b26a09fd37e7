import { z } from "zod";

/**
 * The format of a Delegate Desk data file (data/cica.yaml and any file given to `npm run import`).
 * Every record carries `source`: the seed document and the place in it that the facts come from,
 * so a Secretariat officer can check each line against the paper.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
const source = z.string().min(1, "say which document (and item or paragraph) this comes from");
const code = z.string().regex(/^[A-Z]{3}$/, "expected an ISO 3166-1 alpha-3 code such as IND");
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected a lower-case id such as ict-security");

const bilingual = z.object({ en: z.string().min(1), ru: z.string().min(1) });
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "expected a day of the year as MM-DD, e.g. 09-30");
const days = z.number().int().min(0).max(3660);

/**
 * The forum this data set belongs to (section `forum:`): read at every start, never stored. Each procedural
 * parameter sits beside the paragraph it comes from.
 */
export const forumRecord = z.object({
  id: slug,
  name: bilingual,
  acronym: bilingual,
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "expected an IANA time zone such as Europe/Vienna"),
  bodies: z.array(z.object({ code: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, "expected an upper-case code such as SOC"), name: bilingual, source })).min(1),
  rules: z.object({
    tenure: z.object({ minYears: z.number().int().min(1), maxYears: z.number().int().min(1), quote: bilingual, source }).refine((t) => t.minYears <= t.maxYears, "minYears must not exceed maxYears"),
    conceptPaper: z.object({ months: z.number().int().min(1), source }),
    expertMeetings: z.object({ months: z.number().int().min(1), source }),
    eventPlan: z.object({ proposalsBy: monthDay, approvalBy: monthDay, source }),
    review: z.object({ by: monthDay, contributionDaysBefore: days, source }),
    silence: z.object({ days: z.number().int().min(1).max(365), source }),
    oneCoordinator: z.object({ source }),
    citations: z.record(z.string(), z.object({ para: z.string(), in: z.string().optional(), source })),
    modalitiesDocument: z.string().min(1),
  }),
  recordDates: z.record(z.string(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")).default({}),
  wording: z.object({ en: z.record(z.string(), z.string()), ru: z.record(z.string(), z.string()) }),
});

export type ForumRecord = z.infer<typeof forumRecord>;

export const stateRecord = z.object({
  code,
  nameEn: z.string().min(1),
  nameRu: z.string().min(1),
  kind: z.enum(["member", "observer"]),
  aliases: z.array(z.string().min(1)).default([]),
  source,
});

export const dimensionRecord = z.object({
  id: slug,
  nameEn: z.string().min(1),
  nameRu: z.string().min(1),
  source,
});

export const conceptPaperStatus = z.enum([
  "adopted",
  "submitted_for_approval",
  "in_progress",
  "no_progress",
  "to_be_adopted",
  "unknown",
]);

export const areaRecord = z.object({
  id: slug,
  dimension: slug,
  nameEn: z.string().min(1),
  nameRu: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  conceptPaper: z
    .object({ status: conceptPaperStatus, asOf: isoDate, note: z.string().optional(), source })
    .optional(),
  source,
});

export const appointmentRecord = z.object({
  id: slug,
  area: slug,
  state: code,
  role: z.enum(["coordinator", "co_coordinator"]),
  /** First day of the tenure, when the papers give one (or the decision date). */
  from: isoDate.optional(),
  /** Last day of the tenure, when known. */
  until: isoDate.optional(),
  /** Tenure as written, e.g. "2024-2025". */
  tenure: z.string().optional(),
  decision: z.string().optional(),
  source,
});

const positionOnRecord = z.object({
  state: code,
  stance: z.enum(["support", "objection", "reservation", "needs_more_time"]),
  on: isoDate,
  note: z.string().optional(),
  source,
});

export const offerRecord = z.object({
  id: slug,
  area: slug,
  state: code,
  role: z.enum(["coordinator", "co_coordinator"]),
  tenure: z.string().optional(),
  submittedOn: isoDate.optional(),
  status: z.enum(["pending", "approved", "rejected", "withdrawn"]),
  decidedOn: isoDate.optional(),
  decision: z.string().optional(),
  positions: z.array(positionOnRecord).default([]),
  source,
});

export const paragraphRecord = z.object({
  /** "1.10", "11altern.", "PP1" … as referred to in negotiations. */
  ref: z.string().min(1),
  text: z.string().min(1),
  /** The restricted matter this paragraph quotes; observers do not see it (seeds/001 item 10). */
  matter: z.enum(["offer", "objection", "nomination", "negotiation"]).optional(),
});

export const documentRecord = z.object({
  symbol: z.string().min(1),
  title: z.string().min(1),
  titleRu: z.string().optional(),
  /** One of the forum's bodies (`forum.bodies`). */
  body: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, "expected a body's code such as SOC").optional(),
  date: isoDate.optional(),
  status: z.enum(["draft", "under_negotiation", "agreed", "adopted", "superseded", "information"]),
  restricted: z.boolean(),
  commentsDue: isoDate.optional(),
  /** The meeting (a deadline id of kind meeting) that is to take the text up, when the papers say so. */
  meeting: z.string().optional(),
  paragraphs: z.array(paragraphRecord).default([]),
  positions: z
    .array(positionOnRecord.extend({ paragraph: z.string().optional(), text: z.string().optional() }))
    .default([]),
  source,
});

export const nominationRecord = z.object({
  id: slug,
  post: z.string().min(1),
  candidate: z.string().min(1),
  nominatedBy: code,
  nominatedOn: isoDate.optional(),
  status: z.enum(["under_consultation", "approved", "withdrawn"]),
  positions: z.array(positionOnRecord).default([]),
  source,
});

export const silenceRecord = z.object({
  id: slug,
  subject: z.string().min(1),
  subjectRu: z.string().optional(),
  /** What is under silence: a document symbol, an offer id, or free text. */
  target: z
    .object({ type: z.enum(["document", "offer", "other"]), ref: z.string().optional() })
    .default({ type: "other" }),
  startsOn: isoDate,
  expiresOn: isoDate,
  outcome: z.enum(["running", "concluded", "broken"]),
  brokenBy: code.optional(),
  source,
});

export const deadlineRecord = z.object({
  id: slug,
  kind: z.enum([
    "event_plan",
    "comments_due",
    "silence",
    "concept_paper",
    "meeting",
    "event",
    "review_window",
    "tenure_end",
    "other",
  ]),
  title: z.string().min(1),
  titleRu: z.string().min(1),
  due: isoDate,
  /** Calendar dates in the papers are dates in the forum's zone (`forum.timeZone`) unless a zone is given. */
  timeZone: z.string().optional(),
  restricted: z.boolean().default(false),
  /** The date of the paper that set this date; before it the item is not listed. */
  announcedOn: isoDate.optional(),
  source,
});

export const eventRecord = z.object({
  id: slug,
  year: z.number().int(),
  title: z.string().min(1),
  concept: z.string().optional(),
  purpose: z.string().optional(),
  organisers: z.array(code).min(1),
  area: slug.optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
  format: z.enum(["online", "offline", "hybrid"]).optional(),
  status: z.enum(["proposed", "planned", "in_preparation", "held", "cancelled"]),
  source,
});

export const dataSet = z.object({
  version: z.number().int(),
  /** Required in the file the bot starts with (DATA_FILE); optional in a file given to `npm run import`. */
  forum: forumRecord.optional(),
  states: z.array(stateRecord).default([]),
  dimensions: z.array(dimensionRecord).default([]),
  areas: z.array(areaRecord).default([]),
  appointments: z.array(appointmentRecord).default([]),
  offers: z.array(offerRecord).default([]),
  documents: z.array(documentRecord).default([]),
  nominations: z.array(nominationRecord).default([]),
  silenceProcedures: z.array(silenceRecord).default([]),
  deadlines: z.array(deadlineRecord).default([]),
  events: z.array(eventRecord).default([]),
}).superRefine((d, ctx) => {
  // A document's body must be one of the forum's bodies, when the file describes its forum.
  if (!d.forum) return;
  const bodies = new Set(d.forum.bodies.map((b) => b.code));
  d.documents.forEach((doc, i) => {
    if (doc.body && !bodies.has(doc.body)) ctx.addIssue({ code: "custom", path: ["documents", i, "body"], message: `expected one of the forum's bodies: ${[...bodies].join(", ")}` });
  });
});

export type DataSet = z.infer<typeof dataSet>;
