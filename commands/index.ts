import type { CommandDef } from "../src/core/command.ts";
import comment from "./comment.ts";
import object from "./object.ts";
import support from "./support.ts";
import withdraw from "./withdraw.ts";
import drafts from "./drafts.ts";
import coordinators from "./coordinators.ts";
import deadlines from "./deadlines.ts";
import events from "./events.ts";
import digest from "./digest.ts";
import silence from "./silence.ts";
import link from "./link.ts";
import lang from "./lang.ts";
import help from "./help.ts";
import compile from "./compile.ts";
import matrix from "./matrix.ts";
import offer from "./offer.ts";
import circulate from "./circulate.ts";
import decide from "./decide.ts";
import decisions from "./decisions.ts";
import deadline from "./deadline.ts";

/** Every slash command, in the order /help lists them. The Slack manifest and Discord registration are generated from this. */
export const commands: CommandDef[] = [comment, object, support, withdraw, drafts, coordinators, deadlines, events, digest, silence, link, lang, help, offer, circulate, decide, decisions, deadline, compile, matrix];

export const commandByName = new Map(commands.map((c) => [c.name, c]));
