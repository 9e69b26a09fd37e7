/**
 * Who may run a command: the one place the core checks a command's declared access (`access` in commands/).
 * The desk calls it before running anything; the Discord adapter asks the desk (before opening a form) and
 * /help lists only what it allows, both through this function. Visibility of matters is a separate policy.
 */
import type { Actor, Role } from "../domain/types.ts";
import type { CommandDef } from "./command.ts";

export type AccessVerdict = { ok: true } | { ok: false; status: "not_linked" } | { ok: false; status: "refused"; roles: Role[] };

/** Whether someone of this role (undefined: not linked to any delegation) may run the command. */
export function mayRun(def: Pick<CommandDef, "access">, role: Role | undefined): boolean {
  if (def.access === "anyone") return true;
  return role !== undefined && def.access.includes(role);
}

/** The verdict for an actor (undefined: not linked), with what the refusal needs to say who may. */
export function checkAccess(def: Pick<CommandDef, "access">, actor: Pick<Actor, "role"> | undefined): AccessVerdict {
  if (def.access === "anyone") return { ok: true };
  if (!actor) return { ok: false, status: "not_linked" };
  return mayRun(def, actor.role) ? { ok: true } : { ok: false, status: "refused", roles: def.access };
}
