/** A platform's name as src/platforms.ts lists it ("slack", "discord", …), or "console". */
export type Platform = string;
/** The form of a platform's name in references (`slack:U024BE7LH`, `discord:998877:ru`): a regular expression source. */
export const PLATFORM_NAME = "[a-z][a-z0-9]{1,19}";
export type Role = "delegate" | "chair" | "secretariat" | "observer";
export type Lang = "en" | "ru";
export type Stance = "objection" | "reservation" | "needs_more_time" | "support";
export type TargetType = "document" | "paragraph" | "offer" | "nomination" | "silence";
export type CommentKind = "general" | "drafting" | "question";

export const COMMENT_KINDS: readonly CommentKind[] = ["general", "drafting", "question"];

/** Who is acting. A position belongs to the state (`stateCode`), not to the person who typed it. */
export type Actor = {
  platform: Platform;
  userId: string;
  role: Role;
  stateCode?: string;
  lang: Lang;
  /** How the delegation was found: identity table, channel link, or a mapped guild role. */
  via: "identity" | "channel" | "role" | "console" | "guest";
};

export type StateRow = { code: string; nameEn: string; nameRu: string; kind: string; aliases: string[] };
export type AreaRow = {
  id: string; dimensionId: string; nameEn: string; nameRu: string; aliases: string;
  conceptPaperStatus: string; conceptPaperAsOf: string | null; conceptPaperNote: string | null; source: string;
};
export type DimensionRow = { id: string; nameEn: string; nameRu: string };
export type AppointmentRow = {
  id: string; areaId: string; stateCode: string; role: string; fromDate: string | null; untilDate: string | null;
  tenure: string | null; decision: string | null; source: string; offerId?: string | null;
};
export type OfferRow = {
  id: string; areaId: string; stateCode: string; role: string; tenure: string | null; submittedOn: string | null;
  status: string; decidedOn: string | null; decision: string | null; source: string;
};
export type DocumentRow = {
  id: number; symbol: string; title: string; titleRu: string | null; body: string | null; date: string | null;
  revision: number; status: string; restricted: boolean; commentsDue: string | null; meeting?: string | null; source: string;
};
export type ParagraphRow = { id: number; documentId: number; ref: string; ord: number; text: string; matter?: string | null };
export type PositionRow = {
  id: number; stateCode: string; stance: string; targetType: string; targetRef: string; paragraphRef: string | null;
  reason: string; createdAt: Date; withdrawnAt: Date | null; withdrawnBy: string | null; platform: string; userId: string; source: string;
};
export type CommentRow = {
  id: number; documentId: number; paragraphId: number | null; stateCode: string; kind: string; text: string;
  createdAt: Date; updatedAt: Date; platform: string; userId: string;
};
export type NominationRow = { id: string; post: string; candidate: string; nominatedBy: string; nominatedOn: string | null; status: string; source: string };
export type SilenceRow = {
  id: string; subject: string; subjectRu: string | null; targetType: string; targetRef: string | null; startsOn: string;
  expiresOn: string; outcome: string; brokenBy: string | null; brokenAt: Date | null; concludedAt: Date | null; source: string;
};
export type DeadlineRow = { id: string; kind: string; title: string; titleRu: string; due: string; timeZone: string; restricted: boolean; announcedOn?: string | null; source: string };
export type EventRow = {
  id: string; year: number; title: string; concept: string | null; purpose: string | null; organisers: string; areaId: string | null;
  startsOn: string | null; endsOn: string | null; format: string | null; status: string; late: boolean; submittedAt: Date | null;
  submittedBy: string | null; source: string;
};

// —— issue 10: rows the repositories return (src/db/*), so no Prisma type leaves src/db ——
export type IdentityRow = { id: number; platform: string; userId: string; role: string; stateCode: string | null; lang: string; createdAt: Date };
export type ChannelLinkRow = { id: number; platform: string; channelId: string; stateCode: string };
export type RoleLinkRow = { id: number; platform: string; roleId: string; stateCode: string };
export type CommentVersionRow = { id: number; commentId: number; kind: string; text: string; replacedAt: Date };
export type AuditRow = {
  id: number; at: Date; platform: string; userId: string; stateCode: string | null; role: string; action: string; entity: string; entityId: string; details: string;
};
export type DigestDeliveryRow = {
  id: number; day: string; destination: string; status: string; attempts: number; claimedBy: string | null; claimedAt: Date; sentAt: Date | null; lastError: string | null;
};
