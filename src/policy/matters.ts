/**
 * Policy as data (issue 10): for each kind of matter the desk shows, who may see it and who may act on it.
 * One table, read by `maySee` / `mayAct`; services ask it instead of testing roles themselves, and
 * `visibleReply` (src/policy/filter.ts) removes every reply part tagged with a matter its reader may not see,
 * once, in src/core/desk.ts, before any adapter renders the reply.
 *
 * Source of the restriction: observers may attend the forum's events and see public documents, but "sensitive matters
 * and issues under discussion for possible decision-making" are not discussed in their presence and "access to
 * the internal specifics of decision-making ... must be altogether denied" (seeds/001 item 10).
 *
 * Pure data and functions: imports only domain types.
 */
import type { Role } from "../domain/types.ts";

export type Matter =
  | "negotiation_text"
  | "comment"
  | "objection"
  | "offer"
  | "nomination"
  | "silence"
  | "digest"
  | "event_proposal"
  | "public_document"
  | "coordinators"
  | "public_calendar"
  | "decision";

export type Rule = {
  /** Who may read it, on any surface (replies, buttons, pages, autocomplete, App Home, shared messages). */
  see: readonly Role[];
  /** Who may file, change or decide it (a delegate only ever for their own delegation). */
  act: readonly Role[];
  /** What the matter is, in the words of SECURITY.md. */
  what: string;
};

const MEMBERS: readonly Role[] = ["delegate", "chair", "secretariat"];
const EVERYONE: readonly Role[] = ["delegate", "chair", "secretariat", "observer"];

/** THE table. SECURITY.md reproduces it; test/policy/matters.test.ts checks every restricted row on the reply surface. */
export const POLICY: Readonly<Record<Matter, Rule>> = {
  negotiation_text: { see: MEMBERS, act: ["secretariat"], what: "restricted documents (draft negotiation texts, revisions), their paragraphs, and paragraphs of public documents quoting a restricted matter" },
  comment: { see: EVERYONE, act: ["delegate"], what: "delegations' comments on documents (each is hidden with the document or paragraph it is filed on)" },
  objection: { see: MEMBERS, act: ["delegate"], what: "positions: objections, reservations, needs more time, support" },
  offer: { see: MEMBERS, act: ["delegate", "secretariat"], what: "offers to coordinate a priority area (filed by a delegation, decided by the Secretariat)" },
  nomination: { see: MEMBERS, act: ["delegate", "secretariat"], what: "nominations to posts" },
  silence: { see: MEMBERS, act: ["secretariat"], what: "silence procedures (started by the Secretariat; a delegation breaks one by objecting)" },
  digest: { see: ["chair", "secretariat"], act: ["chair", "secretariat"], what: "the Chair's digest and its delivery status" },
  event_proposal: { see: EVERYONE, act: MEMBERS, what: "proposals of events for the annual Plan (observers may read the plan, not propose)" },
  public_document: { see: EVERYONE, act: ["secretariat"], what: "documents circulated as public" },
  coordinators: { see: EVERYONE, act: ["secretariat"], what: "coordinators and co-coordinators in force" },
  public_calendar: { see: EVERYONE, act: ["secretariat"], what: "public dates: meetings, plan deadlines" },
  decision: { see: EVERYONE, act: ["secretariat"], what: "decisions on documents and appointments (decisions on offers and nominations are those matters)" },
};

export const MATTERS = Object.keys(POLICY) as Matter[];

/** Whether a role may read a matter. */
export const maySee = (role: Role, matter: Matter): boolean => POLICY[matter].see.includes(role);

/** Whether a role may act on a matter (command access can ask this; a delegate only for their own delegation). */
export const mayAct = (role: Role, matter: Matter): boolean => POLICY[matter].act.includes(role);

/** The roles the table lets see or act on a matter, for messages ("only Delegate, Chair may …") and access checks. */
export const rolesFor = (matter: Matter, what: "see" | "act"): readonly Role[] => POLICY[matter][what];

/** The matters restricted from a role: what the filter must never let through to them. */
export const restrictedFrom = (role: Role): Matter[] => MATTERS.filter((m) => !maySee(role, m));

/** The matter a data-set paragraph quotes (`matter:` in data/cica.yaml), as a row of this table. */
export function matterOfParagraph(p: { matter?: string | null }): Matter | undefined {
  switch (p.matter) {
    case undefined: case null: case "": return undefined;
    case "offer": return "offer";
    case "objection": return "objection";
    case "nomination": return "nomination";
    // "negotiation" and any matter the table does not know yet: restricted as a negotiation text.
    default: return "negotiation_text";
  }
}

/** The matter of a position's target or a decision's target ("offer", "nomination", "document" …). */
export function matterOfTarget(targetType: string, restrictedDocument = true): Matter {
  switch (targetType) {
    case "offer": return "offer";
    case "nomination": return "nomination";
    case "silence": return "silence";
    case "appointment": return "coordinators";
    case "document": case "paragraph": return restrictedDocument ? "negotiation_text" : "public_document";
    default: return "negotiation_text";
  }
}
