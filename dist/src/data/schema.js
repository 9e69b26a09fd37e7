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
    body: z.enum(["MC", "SOC", "SWG", "SEC", "CHAIR"]).optional(),
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
    /** Calendar dates in the seeds are Astana dates. */
    timeZone: z.string().default("Asia/Almaty"),
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
});
//# sourceMappingURL=schema.js.map