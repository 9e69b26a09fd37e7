/**
 * The Slack app manifest, generated from the command registry so Slack and the bot never disagree
 * about which commands exist. Paste it at api.slack.com/apps → Create New App → From a manifest.
 */
import type { CommandDef } from "../../core/command.ts";
import { translator } from "../../i18n/index.ts";

export const PLACEHOLDER_URL = "https://delegate-desk.example.org";

export type ManifestOptions = {
  /** Public base URL of HTTP mode (the bot serves POST <url>/slack/events). */
  url?: string;
  /** Socket Mode: no request URLs, an app-level token instead. */
  socket?: boolean;
  name?: string;
  /** The forum's acronym (its description's `acronym.en`), for the app's one-line description. */
  forum?: string;
};

/** Bot scopes, each for a reason: slash commands, answers and shared posts, digests in public channels, DMs, the user's locale (users.info), files (compilations, matrix pictures, calendars), and reading files given in a form (files.info). */
export const BOT_SCOPES = ["commands", "chat:write", "chat:write.public", "im:write", "users:read", "files:write", "files:read"];

/** Slack's limit for a usage hint (its manifest schema: 1–1000 characters). */
export const USAGE_HINT_MAX = 1000;

/**
 * Slack shows the usage hint after the command name, so the name is dropped from each form. Every form
 * of the command is shown, joined by " · "; a form with no arguments (plain `/silence`) makes the rest
 * optional, shown in brackets. A hint that would pass Slack's limit is a mistake in commands/, not
 * something to cut silently.
 */
export function usageHint(c: CommandDef): string {
  const forms = c.usage.en.split("  ·  ").map((f) => f.replace(new RegExp(`^/${c.name}\\s*`), "").trim());
  const withArgs = forms.filter(Boolean);
  const joined = withArgs.join(" · ");
  const hint = withArgs.length < forms.length ? `[${joined}]` : joined;
  if (!withArgs.length) throw new Error(`/${c.name} takes no arguments: give it a usage that says so`);
  if (hint.length > USAGE_HINT_MAX) throw new Error(`/${c.name}: usage hint is ${hint.length} characters, Slack allows ${USAGE_HINT_MAX}`);
  return hint;
}

export function slackManifest(commands: CommandDef[], o: ManifestOptions = {}) {
  const endpoint = `${(o.url ?? PLACEHOLDER_URL).replace(/\/+$/, "")}/slack/events`;
  const name = o.name ?? "Delegate Desk";
  const url = o.socket ? {} : { url: endpoint };
  const requestUrl = o.socket ? {} : { request_url: endpoint };
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: `Comments, objections, coordinators and deadlines for ${o.forum ? `${o.forum} ` : ""}delegations`,
      long_description: translator("en")("slack_app_long_description"),
      background_color: "#1f3a5f",
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      bot_user: { display_name: name, always_online: true },
      slash_commands: commands.map((c) => ({
        command: `/${c.name}`,
        ...url,
        description: c.description.en.slice(0, 2000),
        usage_hint: usageHint(c),
        should_escape: false,
      })),
    },
    oauth_config: { scopes: { bot: BOT_SCOPES } },
    settings: {
      event_subscriptions: { ...requestUrl, bot_events: ["app_home_opened"] },
      interactivity: { is_enabled: true, ...requestUrl },
      org_deploy_enabled: false,
      socket_mode_enabled: !!o.socket,
      token_rotation_enabled: false,
    },
  };
}
