import type { Repos, Author } from "../db/repos.ts";
import { PLATFORM_NAME, type Lang, type Platform } from "../domain/types.ts";
import { ErrorCode, InvalidDataError } from "../domain/errors.ts";
import { createLogger, type Logger } from "../log.ts";

/** Where the Chair's digest and alerts go: one channel (or DM) on one platform, in one language. */
export type Destination = { platform: Platform; channelId: string; lang: Lang };

/** The Setting row holding destinations added by `/digest to`; env destinations are never stored. */
export const DESTINATIONS_KEY = "digest.destinations";
/** Set on start so `/digest status` can show what the environment configured. */
export const ENV_DESTINATIONS_KEY = "digest.env_destinations";

export const destinationKey = (d: Pick<Destination, "platform" | "channelId">) => `${d.platform}:${d.channelId}`;

const DESTINATION = new RegExp(`^(${PLATFORM_NAME}):([A-Za-z0-9_.-]+)(?::(en|ru))?$`, "i");

/**
 * Parses one "slack:C123:ru" (language optional, English by default); undefined when malformed. The platform
 * is any name of the form of src/platforms.ts's; callers that know the list (`known`) refuse the others.
 */
export function parseDestination(s: string, lang?: string, known?: readonly Platform[]): Destination | undefined {
  const m = DESTINATION.exec(s.trim());
  if (!m) return undefined;
  if (known && !known.includes(m[1]!.toLowerCase())) return undefined;
  const l = (lang ?? m[3] ?? "en").toLowerCase();
  if (l !== "en" && l !== "ru") return undefined;
  return { platform: m[1]!.toLowerCase() as Platform, channelId: m[2]!, lang: l };
}

/** Parses DIGEST_DESTINATIONS ("slack:C123:en,discord:998877:ru"); throws naming the bad entry. */
export function parseDestinationList(s: string | undefined, known: readonly Platform[]): Destination[] {
  const out: Destination[] = [];
  for (const part of (s ?? "").split(/[,\s]+/).filter(Boolean)) {
    const d = parseDestination(part, undefined, known);
    if (!d) throw new InvalidDataError(`bad digest destination "${part}": use platform:channel[:lang], platform one of ${known.join(", ")}, lang en or ru`);
    out.push(d);
  }
  return dedupe(out);
}

export const formatDestination = (d: Destination) => `${destinationKey(d)}:${d.lang}`;

/** Later entries win, so a stored destination can change the language of a configured one. */
function dedupe(list: Destination[]): Destination[] {
  const m = new Map<string, Destination>();
  for (const d of list) m.set(destinationKey(d), d);
  return [...m.values()];
}

/** Where a corrupt stored list is reported when the caller has no logger of its own (`/digest status`). */
const fallbackLog: Logger = createLogger("warn");

/**
 * The stored list, entry by entry: an unreadable entry (a hand-edited row, a platform since removed) is left out
 * and logged, and the readable ones still count, so one bad entry never silences every destination.
 */
async function stored(repos: Repos, key: string, log: Logger = fallbackLog): Promise<Destination[]> {
  const raw = await repos.settings.get(key);
  if (!raw) return [];
  const out: Destination[] = [];
  for (const part of raw.split(/[,\s]+/).filter(Boolean)) {
    const d = parseDestination(part);
    if (d) out.push(d);
    else log.warn("stored digest destination unreadable, left out", { key, entry: part, code: ErrorCode.INVALID_DATA });
  }
  return dedupe(out);
}

export const storedDestinations = (repos: Repos, log?: Logger) => stored(repos, DESTINATIONS_KEY, log);
export const envDestinationsSeen = (repos: Repos, log?: Logger) => stored(repos, ENV_DESTINATIONS_KEY, log);

/** Every destination in force: the environment's, then those added by command (read fresh each time). */
export async function allDestinations(repos: Repos, fromEnv: Destination[], log?: Logger): Promise<Destination[]> {
  return dedupe([...fromEnv, ...(await storedDestinations(repos, log))]);
}

async function save(repos: Repos, author: Author, at: Date, key: string, list: Destination[], action: string, d: Destination) {
  await repos.write(author, async (tx) => {
    await repos.settings.set(tx, key, list.map(formatDestination).join(","));
    return { result: undefined, audit: [{ action, entity: "setting", entityId: key, details: { destination: formatDestination(d) } }] };
  }, at);
}

export async function addDestination(repos: Repos, author: Author, at: Date, d: Destination): Promise<void> {
  const list = (await storedDestinations(repos)).filter((x) => destinationKey(x) !== destinationKey(d));
  await save(repos, author, at, DESTINATIONS_KEY, [...list, d], "digest_destination_add", d);
}

/** Returns false when the destination was not stored (env destinations cannot be removed by command). */
export async function removeDestination(repos: Repos, author: Author, at: Date, d: Pick<Destination, "platform" | "channelId">): Promise<boolean> {
  const list = await storedDestinations(repos);
  const rest = list.filter((x) => destinationKey(x) !== destinationKey(d));
  if (rest.length === list.length) return false;
  await save(repos, author, at, DESTINATIONS_KEY, rest, "digest_destination_remove", { ...d, lang: "en" });
  return true;
}

/** Set on start with "HH:MM Zone", so `/digest status` shows the schedule the running bot uses. */
export const SCHEDULE_KEY = "digest.schedule";

/** Records what the environment configured, for `/digest status`; rows are only written when they change. */
export async function recordEnvConfig(repos: Repos, at: Date, list: Destination[], schedule: string): Promise<void> {
  const want: [string, string][] = [[ENV_DESTINATIONS_KEY, list.map(formatDestination).join(",")], [SCHEDULE_KEY, schedule]];
  const changed: [string, string][] = [];
  for (const [k, v] of want) if ((await repos.settings.get(k)) !== v) changed.push([k, v]);
  if (!changed.length) return;
  await repos.write({ platform: "system", userId: "digest", role: "system" }, async (tx) => {
    for (const [k, v] of changed) await repos.settings.set(tx, k, v);
    return { result: undefined, audit: [] };
  }, at);
}
