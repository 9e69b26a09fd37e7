/**
 * What a reply's action button runs. The services attach actions (withdraw this position, show this
 * paragraph); the command each one runs is decided here, in the core, so no adapter names a command.
 */
import type { Action } from "../services/reply.ts";
import type { Fields } from "./command.ts";

export type ActionRun = {
  command: string;
  /** The line as a user would type it after the command (platforms that re-run typed text). */
  text: string;
  /** The same as typed options (platforms with options); absent: parse `text`. */
  options?: Fields;
  /** The action undoes something: shown as a dangerous button. */
  danger: boolean;
};

export function actionRun(a: Action): ActionRun {
  switch (a.kind) {
    case "withdraw":
      return { command: "withdraw", text: String(a.positionId), options: { id: a.positionId }, danger: true };
    case "show_paragraph":
      return { command: "drafts", text: `${a.document} para ${a.paragraph}`, options: { document: a.document, para: a.paragraph }, danger: false };
    case "list_comments":
      return { command: "drafts", text: `${a.document}${a.paragraph ? ` para ${a.paragraph}` : ""} comments`, options: { document: a.document, para: a.paragraph, comments: true }, danger: false };
    case "choose":
      return { command: a.command.replace(/^\//, ""), text: a.text, danger: false };
  }
}

/** A short code for an action, for ids with tight limits (Discord's 100-character custom_id): a letter and the arguments. */
export function actionCode(a: Action): (string | number)[] {
  switch (a.kind) {
    case "withdraw": return ["w", a.positionId];
    case "show_paragraph": return ["p", a.document, a.paragraph];
    case "list_comments": return ["c", a.document, a.paragraph ?? ""];
    case "choose": return ["x", a.command, a.text];
  }
}

/** The action a code stands for (`rest`: the arguments after the letter, the last one may contain the separator); undefined for unknown codes. */
export function actionFromCode(letter: string, args: string[], rest: string): Action | undefined {
  const [a = "", b = ""] = args;
  switch (letter) {
    case "w": return { kind: "withdraw", positionId: Number(a), label: "" };
    case "p": return { kind: "show_paragraph", document: a, paragraph: rest, label: "" };
    case "c": return { kind: "list_comments", document: a, paragraph: b || undefined, label: "" };
    case "x": return { kind: "choose", command: a, text: rest, label: "" };
    default: return undefined;
  }
}
