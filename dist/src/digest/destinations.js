/** The Setting row holding destinations added by `/digest to`; env destinations are never stored. */
export const DESTINATIONS_KEY = "digest.destinations";
/** Set on start so `/digest status` can show what the environment configured. */
export const ENV_DESTINATIONS_KEY = "digest.env_destinations";
const PLATFORMS = ["slack", "discord", "console"];
export const destinationKey = (d) => `${d.platform}:${d.channelId}`;
/** Parses one "slack:C123:ru" (language optional, English by default); undefined when malformed. */
export function parseDestination(s, lang) {
    const m = /^(slack|discord|console):([A-Za-z0-9_.-]+)(?::(en|ru))?$/i.exec(s.trim());
    if (!m)
        return undefined;
    const l = (lang ?? m[3] ?? "en").toLowerCase();
    if (l !== "en" && l !== "ru")
        return undefined;
    return { platform: m[1].toLowerCase(), channelId: m[2], lang: l };
}
/** Parses DIGEST_DESTINATIONS ("slack:C123:en,discord:998877:ru"); throws naming the bad entry. */
export function parseDestinationList(s) {
    const out = [];
    for (const part of (s ?? "").split(/[,\s]+/).filter(Boolean)) {
        const d = parseDestination(part);
        if (!d)
            throw new Error(`bad digest destination "${part}": use platform:channel[:lang], platform one of ${PLATFORMS.join(", ")}, lang en or ru`);
        out.push(d);
    }
    return dedupe(out);
}
export const formatDestination = (d) => `${destinationKey(d)}:${d.lang}`;
/** Later entries win, so a stored destination can change the language of a configured one. */
function dedupe(list) {
    const m = new Map();
    for (const d of list)
        m.set(destinationKey(d), d);
    return [...m.values()];
}
async function stored(repos, key) {
    const raw = await repos.settings.get(key);
    if (!raw)
        return [];
    try {
        return parseDestinationList(raw);
    }
    catch {
        return [];
    }
}
export const storedDestinations = (repos) => stored(repos, DESTINATIONS_KEY);
export const envDestinationsSeen = (repos) => stored(repos, ENV_DESTINATIONS_KEY);
/** Every destination in force: the environment's, then those added by command (read fresh each time). */
export async function allDestinations(repos, fromEnv) {
    return dedupe([...fromEnv, ...(await storedDestinations(repos))]);
}
async function save(repos, author, at, key, list, action, d) {
    await repos.write(author, async (tx) => {
        await repos.settings.set(tx, key, list.map(formatDestination).join(","));
        return { result: undefined, audit: [{ action, entity: "setting", entityId: key, details: { destination: formatDestination(d) } }] };
    }, at);
}
export async function addDestination(repos, author, at, d) {
    const list = (await storedDestinations(repos)).filter((x) => destinationKey(x) !== destinationKey(d));
    await save(repos, author, at, DESTINATIONS_KEY, [...list, d], "digest_destination_add", d);
}
/** Returns false when the destination was not stored (env destinations cannot be removed by command). */
export async function removeDestination(repos, author, at, d) {
    const list = await storedDestinations(repos);
    const rest = list.filter((x) => destinationKey(x) !== destinationKey(d));
    if (rest.length === list.length)
        return false;
    await save(repos, author, at, DESTINATIONS_KEY, rest, "digest_destination_remove", { ...d, lang: "en" });
    return true;
}
/** Set on start with "HH:MM Zone", so `/digest status` shows the schedule the running bot uses. */
export const SCHEDULE_KEY = "digest.schedule";
/** Records what the environment configured, for `/digest status`; rows are only written when they change. */
export async function recordEnvConfig(repos, at, list, schedule) {
    const want = [[ENV_DESTINATIONS_KEY, list.map(formatDestination).join(",")], [SCHEDULE_KEY, schedule]];
    const changed = [];
    for (const [k, v] of want)
        if ((await repos.settings.get(k)) !== v)
            changed.push([k, v]);
    if (!changed.length)
        return;
    await repos.write({ platform: "system", userId: "digest", role: "system" }, async (tx) => {
        for (const [k, v] of changed)
            await repos.settings.set(tx, k, v);
        return { result: undefined, audit: [] };
    }, at);
}
//# sourceMappingURL=destinations.js.map