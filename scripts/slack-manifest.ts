/**
 * Prints the Slack app manifest generated from commands/.
 *   npm run slack:manifest                                   JSON, HTTP mode, placeholder URL
 *   npm run slack:manifest -- --url https://bot.example.org  your public URL
 *   npm run slack:manifest -- --socket                       Socket Mode (no public URL)
 *   npm run slack:manifest -- --yaml --out slack-manifest.yaml
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { commands } from "../commands/index.ts";
import { commandsForForum } from "../src/core/forum-commands.ts";
import { PLACEHOLDER_URL, slackManifest } from "../src/adapters/slack/manifest.ts";
import { loadForum } from "../src/forum/load.ts";

const { values } = parseArgs({
  options: { url: { type: "string" }, socket: { type: "boolean" }, yaml: { type: "boolean" }, out: { type: "string" }, name: { type: "string" } },
  strict: true,
});
// The forum the bot serves (DATA_FILE, as at start) names the delegations in the app's description.
const forum = loadForum(process.env.DATA_FILE || "data/cica.yaml");
const manifest = slackManifest(commandsForForum(commands, forum), { url: values.url, socket: values.socket, name: values.name, forum: forum.acronym.en });
const text = values.yaml ? stringify(manifest) : `${JSON.stringify(manifest, null, 2)}\n`;
if (values.out) {
  writeFileSync(values.out, text);
  process.stderr.write(`Wrote ${values.out} (${commands.length} slash commands).\n`);
} else process.stdout.write(text);
if (!values.url && !values.socket) process.stderr.write(`Request URLs use the placeholder ${PLACEHOLDER_URL}; pass --url https://your.host or --socket.\n`);
