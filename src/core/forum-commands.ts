import type { Bilingual, CommandDef, OptionSpec } from "./command.ts";
import { forumTerms, type Forum } from "../domain/forum.ts";

const fillIn = (s: string, terms: Record<string, string>) => s.replace(/\{(\w+)\}/g, (all, k: string) => terms[k] ?? all);

/**
 * The commands as this forum's people read them: `{measure}`, `{decider}`, `{forum}` … in their descriptions,
 * usage lines and option labels are the forum's own words (the description's `wording`), as in the message
 * catalogue. The composition root and the generators (Slack manifest, Discord registration, the command
 * reference) pass the registry through this, so no command file names one forum's bodies or terms.
 */
export function commandsForForum(commands: readonly CommandDef[], forum: Pick<Forum, "acronym" | "wording" | "rules">): CommandDef[] {
  const en = forumTerms(forum, "en");
  const ru = forumTerms(forum, "ru");
  const fill = (b: Bilingual): Bilingual => ({ en: fillIn(b.en, en), ru: fillIn(b.ru, ru) });
  const labels = <T extends { label: Bilingual }>(list: T[] | undefined) => list?.map((x) => ({ ...x, label: fill(x.label) }));
  const option = (o: OptionSpec): OptionSpec => ({
    ...o,
    description: fill(o.description),
    ...(o.choices ? { choices: labels(o.choices) } : {}),
    ...(o.pinnedSuggestions ? { pinnedSuggestions: labels(o.pinnedSuggestions) } : {}),
  });
  return commands.map((c) => ({ ...c, description: fill(c.description), usage: fill(c.usage), options: c.options.map(option) }));
}
