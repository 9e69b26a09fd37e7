/**
 * The application-command payload, generated from the command registry (commands/, passed in by the
 * generator scripts/discord-register.ts): the only source of names, options and descriptions.
 * `npm run discord:register` PUTs it (bulk overwrite) as a deploy step.
 */
import { ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType, ApplicationIntegrationType, PermissionFlagsBits } from "discord.js";
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { CommandDef, OptionSpec } from "../../core/command.ts";
import { LIMITS } from "./limits.ts";

type CommandJSON = RESTPostAPIChatInputApplicationCommandsJSONBody;

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/**
 * Long free text is optional on Discord even when the command needs it: without it the adapter opens
 * a modal, which is the only comfortable way to type paragraphs there.
 */
export const requiredOnDiscord = (o: OptionSpec) => o.required && !o.long;

function optionJSON(o: OptionSpec) {
  const base = {
    name: o.name,
    description: clip(o.description.en, LIMITS.commandDescription),
    description_localizations: { ru: clip(o.description.ru, LIMITS.commandDescription) },
    required: requiredOnDiscord(o),
  };
  if (o.type === "file") return { ...base, type: ApplicationCommandOptionType.Attachment as const };
  if (o.type === "boolean") return { ...base, type: ApplicationCommandOptionType.Boolean as const };
  if (o.type === "integer") return { ...base, type: ApplicationCommandOptionType.Integer as const, min_value: 1, ...(o.suggest ? { autocomplete: true } : {}) };
  const choices = o.choices?.slice(0, LIMITS.optionChoices).map((c) => ({
    name: clip(c.label.en, LIMITS.optionChoiceName),
    name_localizations: { ru: clip(c.label.ru, LIMITS.optionChoiceName) },
    value: c.value,
  }));
  return {
    ...base,
    type: ApplicationCommandOptionType.String as const,
    ...(o.maxLength ? { max_length: Math.min(o.maxLength, LIMITS.stringOptionMaxLength) } : {}),
    // Discord refuses options that have both choices and autocomplete.
    ...(choices ? { choices } : o.suggest ? { autocomplete: true } : {}),
  };
}

/**
 * Commands only the Secretariat may use are hidden from members without Manage Server; server admins can
 * grant them to a Secretariat role in Server Settings → Integrations. This only tidies the command list:
 * the desk still checks the Secretariat link on every invocation.
 */
export const SECRETARIAT_PERMISSIONS = PermissionFlagsBits.ManageGuild.toString();
export const secretariatOnly = (def: CommandDef) => def.access !== "anyone" && def.access.every((r) => r === "secretariat");

export function commandJSON(def: CommandDef): CommandJSON {
  const opts = def.options.slice(0, LIMITS.optionsPerCommand);
  // Discord demands every required option before the optional ones.
  const ordered = [...opts.filter(requiredOnDiscord), ...opts.filter((o) => !requiredOnDiscord(o))];
  return {
    type: ApplicationCommandType.ChatInput,
    name: def.name,
    description: clip(def.description.en, LIMITS.commandDescription),
    description_localizations: { ru: clip(def.description.ru, LIMITS.commandDescription) },
    options: ordered.map(optionJSON),
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    ...(secretariatOnly(def) ? { default_member_permissions: SECRETARIAT_PERMISSIONS } : {}),
  };
}

export const registrationPayload = (defs: readonly CommandDef[]): CommandJSON[] => defs.map(commandJSON);
