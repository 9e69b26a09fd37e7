import comment from "./comment.js";
import object from "./object.js";
import support from "./support.js";
import withdraw from "./withdraw.js";
import drafts from "./drafts.js";
import coordinators from "./coordinators.js";
import deadlines from "./deadlines.js";
import events from "./events.js";
import digest from "./digest.js";
import silence from "./silence.js";
import link from "./link.js";
import lang from "./lang.js";
import help from "./help.js";
import compile from "./compile.js";
import matrix from "./matrix.js";
/** Every slash command, in the order /help lists them. The Slack manifest and Discord registration are generated from this. */
export const commands = [comment, object, support, withdraw, drafts, coordinators, deadlines, events, digest, silence, link, lang, help, compile, matrix];
export const commandByName = new Map(commands.map((c) => [c.name, c]));
//# sourceMappingURL=index.js.map