/** The Chair's digest over a generated year (bench/year.ts), at a given scale of activity. */
import type { Provider } from "../src/db/client.ts";
import { openDatabase } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";
import { createRepos } from "../src/db/repos.ts";
import { buildDigest } from "../src/services/digest.ts";
import type { Ctx } from "../src/services/context.ts";
import { translator } from "../src/i18n/index.ts";
import { zonedTime } from "../src/domain/dates.ts";
import { generateYear } from "./year.ts";
import { now, percentile, timeEach } from "./stats.ts";
import { freshDb, TZ } from "./dbs.ts";
import { loadForum } from "../src/forum/load.ts";
const CICA = loadForum("data/cica.yaml");

export type DigestFigures = { generateMs: number; rows: number; dayMs: number; weekMs: number; yearMs: number; sections: number };

/** The last morning's digest (one day), a 7-day catch-up, and one whose window covers the whole year (median of `runs`). */
export async function digestYear(provider: Provider, pgUrl: string | undefined, dir: string, scale: number, runs: number): Promise<DigestFigures> {
  const t = await freshDb(provider, pgUrl, dir);
  const db = await openDatabase(t.url);
  try {
    await migrate(db);
    const g0 = now();
    const { rows } = await generateYear(db, scale);
    const generateMs = now() - g0;
    const repos = createRepos(db);
    const until = zonedTime("2023-12-31", "08:30", TZ);
    const ctx: Ctx = { repos, clock: () => until, actor: { platform: "console", userId: "chair", role: "chair", lang: "en", via: "console" }, t: translator("en", CICA), lang: "en", settings: { timeZone: TZ, forum: CICA } };
    await buildDigest(ctx, zonedTime("2023-12-30", "08:30", TZ), until); // warm the caches, as a running bot has them
    const day = await timeEach(runs, () => buildDigest(ctx, zonedTime("2023-12-30", "08:30", TZ), until), 0);
    // The longest window delivery ever builds: a catch-up after downtime is capped at 7 days.
    const week = await timeEach(runs, () => buildDigest(ctx, zonedTime("2023-12-24", "08:30", TZ), until), 0);
    let sections = 0;
    const year = await timeEach(runs, async () => { sections = (await buildDigest(ctx, zonedTime("2022-12-31", "08:30", TZ), until)).sections.length; }, 0);
    return { generateMs, rows, dayMs: percentile(day, 50), weekMs: percentile(week, 50), yearMs: percentile(year, 50), sections };
  } finally {
    await db.close();
    await t.drop();
  }
}
