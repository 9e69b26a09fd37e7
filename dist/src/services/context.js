import { calendarDate } from "../domain/dates.js";
export const today = (ctx) => calendarDate(ctx.clock(), ctx.settings.timeZone);
/** Observers never see draft negotiations, objections, offers or nominations (seeds/001 item 10). */
export const seesRestricted = (ctx) => ctx.actor.role !== "observer";
/** Restriction follows the matter: a paragraph quoting an offer, objection or nomination is hidden from observers even in a public document. */
export const seesParagraph = (ctx, p) => !p.matter || seesRestricted(ctx);
export const author = (ctx) => ({
    platform: ctx.actor.platform,
    userId: ctx.actor.userId,
    role: ctx.actor.role,
    stateCode: ctx.actor.stateCode,
});
/** A use case's expected failure: shown to the user as a polite message, never as a stack trace. */
export class UserError extends Error {
    key;
    params;
    suggestions;
    fieldErrors;
    constructor(key, params = {}, suggestions = [], fieldErrors) {
        super(key);
        this.key = key;
        this.params = params;
        this.suggestions = suggestions;
        this.fieldErrors = fieldErrors;
    }
}
//# sourceMappingURL=context.js.map