/**
 * The one place replies are filtered by the policy table (src/policy/matters.ts), called by src/core/desk.ts
 * on every answer (commands, buttons, pages, App Home) before any adapter renders, pages, stores or shares it.
 * A reply part tagged with a matter its reader may not see is removed; a reply that is wholly about such a
 * matter becomes the polite refusal. Untagged parts pass: the tags are how services say what they show.
 */
import type { Role } from "../domain/types.ts";
import type { Translator } from "../i18n/index.ts";
import type { Reply, Tagged } from "../services/reply.ts";
import { maySee, rolesFor } from "./matters.ts";

const visible = (role: Role) => (x: Tagged) => !x.matter || maySee(role, x.matter);

/** The reply as `role` may read it. */
export function visibleReply(r: Reply, role: Role, t: Translator): Reply {
  if (r.matter && !maySee(role, r.matter)) {
    const summary = role === "observer" ? t("observer_restricted") : t("refused", { who: rolesFor(r.matter, "see").map((x) => t(`role_${x}`)).join(", ") });
    return { status: "refused", summary, blocks: [], ephemeral: true, ...(r.lang ? { lang: r.lang } : {}) };
  }
  const ok = visible(role);
  const out: Reply = { ...r, blocks: r.blocks.filter(ok) };
  if (r.actions) out.actions = r.actions.filter(ok);
  if (r.files) out.files = r.files.filter(ok);
  return out;
}

/** Whether anything of the reply was for someone else's eyes (for tests and logs). */
export const hidesSomething = (r: Reply, role: Role): boolean =>
  [r, ...r.blocks, ...(r.actions ?? []), ...(r.files ?? [])].some((x) => !visible(role)(x));
