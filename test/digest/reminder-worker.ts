/**
 * A separate bot process for the reminders' two-process test: opens the shared database and sends the
 * reminders due at NOW through the ledger, recording each post in a shared file.
 * argv: <db file> <posts file> <worker name> <now ISO> <start at ms>
 */
import { appendFileSync } from "node:fs";
import { openDatabase } from "../../src/db/client.ts";
import { createRepos } from "../../src/db/repos.ts";
import { sendReminders } from "../../src/digest/reminders.ts";
import type { ChatPlatform } from "../../src/core/platform.ts";
import { CICA } from "../helpers/forum.ts";

const [file, postsFile, worker, now, startAt] = process.argv.slice(2) as [string, string, string, string, string];
const db = await openDatabase(/^postgres(ql)?:\/\//.test(file) ? file : `file:${file}`);
const platform: ChatPlatform = {
  platform: "slack",
  post: async (channelId, reply) => {
    await new Promise((r) => setTimeout(r, 30)); // widens the window for a double send
    appendFileSync(postsFile, `${worker} ${channelId} ${reply.summary}\n`);
  },
  stop: async () => {},
};
await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
const results = await sendReminders({
  repos: createRepos(db), clock: () => new Date(now), timeZone: "Asia/Almaty", forum: CICA, digestTime: "08:30", digestTz: "Asia/Almaty",
  platforms: [platform], destinations: async () => [], worker, retry: { attempts: 1 },
});
process.stdout.write(`${JSON.stringify(results)}\n`);
await db.close();
