/**
 * A separate bot process for the two-process test: opens the shared SQLite file and delivers the digest
 * for the given days through the ledger, recording each post in a shared file.
 * argv: <db file> <posts file> <worker name> <mode: send|hang> <lease ms> <start at ms> <days…>
 */
import { appendFileSync } from "node:fs";
import { openDatabase } from "../../src/db/client.ts";
import { createRepos } from "../../src/db/repos.ts";
import { deliverDay } from "../../src/digest/deliver.ts";
import type { ChatPlatform } from "../../src/core/platform.ts";
import { CICA } from "../helpers/forum.ts";

const [file, postsFile, worker, mode, lease, startAt, ...days] = process.argv.slice(2) as [string, string, string, string, string, string, ...string[]];
const db = await openDatabase(/^postgres(ql)?:\/\//.test(file) ? file : `file:${file}`);
const platform: ChatPlatform = {
  platform: "slack",
  post: async (channelId, reply) => {
    if (mode === "hang") {
      process.stdout.write("posting\n");
      await new Promise(() => {}); // killed here, claim held, nothing sent
    }
    // Widens the window in which the other process could send the same digest.
    await new Promise((r) => setTimeout(r, 30));
    appendFileSync(postsFile, `${worker} ${channelId} ${reply.summary}\n`);
  },
  stop: async () => {},
};
// Both processes start at the same instant, so their claims really race.
await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
const results = [];
for (const day of days)
  results.push(...(await deliverDay({
    repos: createRepos(db), clock: () => new Date(), timeZone: "Asia/Almaty", forum: CICA, digestTime: "08:30", digestTz: "Asia/Almaty",
    platforms: [platform], destinations: async () => [{ platform: "slack", channelId: "C-CHAIR", lang: "en" }, { platform: "slack", channelId: "C-SEC", lang: "ru" }],
    worker, leaseMs: Number(lease), retry: { attempts: 1 },
  }, day)).map((r) => ({ day, ...r })));
process.stdout.write(`${JSON.stringify(results)}\n`);
await db.close();
