/**
 * The adapter interface, in the manner of the Vercel Chat SDK: a platform adapter translates its payloads
 * into inbound events for the core and renders the core's outcomes with the outbound capabilities it has.
 *
 *   inbound:  command · form submit · button · autocomplete · file (a file given with a command or a form)
 *   outbound: reply · ephemeral · share · file · paginate (each optional, declared in `capabilities`)
 *
 * Adapters know no command by name. What a command needs from them (read-only and shareable, its form and
 * when it opens, fixed values, file input, pinned suggestions) is declared in its file under commands/ and
 * read here, generically, through the desk. Adding a platform: a folder under src/adapters/ that implements
 * `ChatAdapter` with these functions, and one line in the composition root (src/main.ts) that starts it.
 */
import type { Fields } from "./command.ts";
import type { Desk, Invocation } from "./desk.ts";
import type { ChatPlatform } from "./platform.ts";
import type { ModalRequest, Reply } from "../services/reply.ts";
import type { Lang } from "../domain/types.ts";

/** What a platform can do beyond posting; the core never asks an adapter for what it lacks. */
export type Capabilities = Readonly<{
  /** Answers only the asker sees (Slack ephemeral, Discord ephemeral flag). */
  ephemeral: boolean;
  /** A private answer can be posted to the channel by its asker (a Share button). */
  share: boolean;
  /** Answers carry files (uploads, attachments, ./exports). */
  file: boolean;
  /** Long answers are paged with Previous/Next instead of sent whole. */
  paginate: boolean;
  /** Forms (modals) for long input. */
  forms: boolean;
  /** Files as input: a form's file field, an attachment option, `file:<path>`. */
  fileInput: boolean;
  /** Suggestions while typing an option. */
  autocomplete: boolean;
}>;

/** Who is acting, as the platform knows it (the desk resolves the delegation). */
export type Who = Omit<Invocation, "command" | "text" | "options" | "files" | "requestKey">;

export type InboundEvent =
  | { type: "command"; invocation: Invocation }
  | { type: "form_submit"; command: string; values: Fields; files?: Invocation["files"]; who: Who; requestKey?: string }
  | { type: "button"; command: string; text?: string; options?: Fields; who: Who; requestKey?: string }
  | { type: "autocomplete"; command: string; option: string; query: string; options: Fields; who: Who }
  | { type: "file"; command: string; option: string; file: { name: string; data: string }; invocation: Invocation };

/** What the core answers an inbound event with; the adapter renders it. */
export type Outcome =
  | { type: "reply"; reply: Reply; readOnly: boolean; pageable: boolean; shareable: boolean }
  | { type: "form"; modal: ModalRequest; prefill: Record<string, string>; lang: Lang }
  | { type: "choices"; choices: { label: string; value: string }[] };

/** A running platform: posting (digests, alerts) plus what it can do. */
export type ChatAdapter = ChatPlatform & { capabilities: Capabilities };

const shareableReply = (r: Reply) => r.ephemeral && (r.status === "ok" || r.status === "info");

/**
 * The core side of the interface. `receive` handles an event whole (console, tests, simple platforms);
 * platforms that must answer in stages (Slack acks in 3 s, Discord defers) use the parts: `formFor` before
 * any work, `invocationOf` to turn a form or a button into the command's input, `outcome` after running.
 */
export function inbound(desk: Desk, caps: Capabilities) {
  /** The form to show instead of running, when the command declares one for this input and the person may run it. */
  async function formFor(inv: Invocation): Promise<Extract<Outcome, { type: "form" }> | undefined> {
    if (!caps.forms) return undefined;
    const tr = desk.traits(inv);
    if (!tr.def || !tr.opensForm) return undefined;
    const actor = await desk.actorFor(inv);
    if (!actor || !desk.mayRun(tr.def, actor.role)) return undefined;
    const modal = desk.modalFor(tr.def.name, actor.lang);
    if (!modal) return undefined;
    const fields = caps.fileInput ? modal.fields : modal.fields.filter((f) => f.kind !== "file");
    return { type: "form", modal: { ...modal, fields }, prefill: tr.prefill, lang: actor.lang };
  }

  /** A submitted form or a clicked button as the command's invocation (a form adds the command's fixed values). */
  function invocationOf(e: Extract<InboundEvent, { type: "form_submit" | "button" }>): Invocation {
    if (e.type === "button") return { ...e.who, command: e.command, text: e.text, options: e.options, requestKey: e.requestKey };
    const def = desk.command(e.command);
    return { ...e.who, command: e.command, options: { ...(def?.formFixed ?? {}), ...e.values }, files: e.files, requestKey: e.requestKey };
  }

  /** A reply with what the adapter may do with it (share, page), from the command's declarations. */
  function outcome(inv: Invocation, reply: Reply): Extract<Outcome, { type: "reply" }> {
    const tr = desk.traits(inv);
    return { type: "reply", reply, readOnly: tr.readOnly, pageable: caps.paginate && tr.pageable, shareable: caps.share && tr.readOnly && shareableReply(reply) };
  }

  /** Suggestions for an option being typed: the command's pinned ones that match first, then the desk's (≤ 25). */
  async function choices(e: Extract<InboundEvent, { type: "autocomplete" }>): Promise<{ label: string; value: string }[]> {
    const spec = desk.command(e.command)?.options.find((o) => o.name === e.option);
    if (!spec?.suggest) return [];
    const found = await desk.suggest(spec.suggest, e.query, e.who, { document: e.options.document ?? e.options.target });
    const lang = (await desk.languageOf(e.who).catch(() => undefined)) ?? "en";
    const q = e.query.trim().toLowerCase();
    const pinned = (spec.pinnedSuggestions ?? []).filter((p) => !q || p.value.startsWith(q) || p.label[lang].toLowerCase().includes(q)).map((p) => ({ label: p.label[lang], value: p.value }));
    return [...pinned, ...found].slice(0, 25);
  }

  async function receive(e: InboundEvent): Promise<Outcome> {
    if (e.type === "autocomplete") return { type: "choices", choices: await choices(e) };
    const inv = e.type === "command" ? e.invocation : e.type === "file" ? { ...e.invocation, files: { ...e.invocation.files, [e.option]: e.file } } : invocationOf(e);
    if (e.type === "command") {
      const form = await formFor(inv);
      if (form) return form;
    }
    return outcome(inv, await desk.run(inv));
  }

  return { receive, formFor, invocationOf, outcome, choices };
}

export type Inbound = ReturnType<typeof inbound>;
