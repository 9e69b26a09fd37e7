/**
 * Deploy step: bulk-overwrites the application's slash commands with the payload generated from
 * `commands/` (one PUT; re-running it is harmless). Not run on start: creating commands repeatedly
 * hits Discord's 200 creates a day.
 *
 *   DISCORD_TOKEN=… DISCORD_APPLICATION_ID=… [DISCORD_GUILD_ID=…] npm run discord:register
 *   npm run discord:register -- --dry-run     (prints the payload, sends nothing)
 */
import { REST, Routes } from "discord.js";
import { registrationPayload } from "../src/adapters/discord/registration.ts";
import { commands } from "../commands/index.ts";
import { commandsForForum } from "../src/core/forum-commands.ts";
import { loadForum } from "../src/forum/load.ts";

export async function register(env: Record<string, string | undefined>, out: (s: string) => void): Promise<number> {
  // The forum the bot serves (DATA_FILE, as at start) gives the commands' wording.
  const body = registrationPayload(commandsForForum(commands, loadForum(env.DATA_FILE || "data/cica.yaml")));
  if (process.argv.includes("--dry-run")) {
    out(JSON.stringify(body, null, 2));
    return 0;
  }
  const token = env.DISCORD_TOKEN?.trim();
  const app = env.DISCORD_APPLICATION_ID?.trim();
  const guild = env.DISCORD_GUILD_ID?.trim() || undefined;
  if (!token || !app) {
    out("DISCORD_TOKEN and DISCORD_APPLICATION_ID are required (DISCORD_GUILD_ID optional: register in one guild, instantly).");
    return 2;
  }
  const rest = new REST({ ...(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL.replace(/\/+$/, "") } : {}) }).setToken(token);
  const route = guild ? Routes.applicationGuildCommands(app, guild) : Routes.applicationCommands(app);
  const saved = (await rest.put(route, { body })) as { name: string }[];
  out(`Registered ${saved.length} commands ${guild ? `in guild ${guild}` : "globally (may take up to an hour to appear)"}: ${saved.map((c) => `/${c.name}`).join(" ")}`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  register(process.env, (s) => process.stdout.write(`${s}\n`)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`Registration failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
