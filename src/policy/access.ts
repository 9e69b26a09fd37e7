/**
 * Command access as the policy sees it, for the one check in the core (src/core/desk.ts, engineer A's):
 * a command declares `access` (roles, or "anyone") — or derives it from a matter's row with `actors(matter)` —
 * and the core asks `checkAccess` once, before any use case runs.
 */
import type { Role } from "../domain/types.ts";
import { rolesFor, type Matter } from "./matters.ts";

export type Access = readonly Role[] | "anyone";

/** The outcome of an access check: the desk answers "not linked" or "refused (who may)" from it. */
export type AccessVerdict = { ok: true } | { ok: false; reason: "not_linked" } | { ok: false; reason: "refused"; who: readonly Role[] };

/** `role` is undefined for someone with no link from the Secretariat. */
export function checkAccess(access: Access, role: Role | undefined): AccessVerdict {
  if (access === "anyone") return { ok: true };
  if (!role) return { ok: false, reason: "not_linked" };
  return access.includes(role) ? { ok: true } : { ok: false, reason: "refused", who: access };
}

/** The roles a matter's row lets act on it, as a command's `access` (e.g. `/events propose`: actors("event_proposal")). */
export const actors = (matter: Matter): readonly Role[] => rolesFor(matter, "act");

/** The roles a matter's row lets read it, as a read command's `access`. */
export const readers = (matter: Matter): readonly Role[] => rolesFor(matter, "see");
