import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./db/client.ts";
import { DEFAULT_TZ, isValidTimeZone } from "./domain/dates.ts";
import { parseDestinationList } from "./digest/destinations.ts";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blankToUndefined, s.optional());
const validDestinations = (s: string) => {
  try {
    return parseDestinationList(s).length > 0;
  } catch {
    return false;
  }
};

/** Every environment variable the bot reads; .env.example documents each one. */
export const envSchema = z.object({
  DATABASE_URL: z.preprocess(blankToUndefined, z.string().default(DEFAULT_DATABASE_URL)),
  DATA_FILE: z.preprocess(blankToUndefined, z.string().default("data/cica.yaml")),
  NOW: opt(z.string().refine((s) => !Number.isNaN(Date.parse(s)), "NOW must be an ISO 8601 date-time, e.g. 2023-08-23T09:00:00+05:00")),
  TIME_ZONE: z.preprocess(blankToUndefined, z.string().refine(isValidTimeZone, "unknown time zone").default(DEFAULT_TZ)),
  DIGEST_TIME: z.preprocess(blankToUndefined, z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "DIGEST_TIME must be HH:MM").default("08:30")),
  DIGEST_TZ: z.preprocess(blankToUndefined, z.string().refine(isValidTimeZone, "unknown time zone").default(DEFAULT_TZ)),
  DIGEST_DESTINATIONS: opt(z.string().refine(validDestinations, "DIGEST_DESTINATIONS must be platform:channel[:en|ru], comma-separated, e.g. slack:C0123:en,discord:998877:ru")),
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(["debug", "info", "warn", "error", "silent"]).default("warn")),
  CONSOLE: opt(z.enum(["0", "1"])),
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(blankToUndefined, z.string().default("0.0.0.0")),
  PUBLIC_URL: opt(z.string().url()),
  SLACK_BOT_TOKEN: opt(z.string()),
  SLACK_SIGNING_SECRET: opt(z.string()),
  SLACK_APP_TOKEN: opt(z.string()),
  SLACK_API_URL: opt(z.string().url()),
  DISCORD_TOKEN: opt(z.string()),
  DISCORD_APPLICATION_ID: opt(z.string()),
  DISCORD_GUILD_ID: opt(z.string()),
  DISCORD_API_URL: opt(z.string().url()),
});

export type Env = z.infer<typeof envSchema>;

export function readEnv(env: Record<string, string | undefined>): Env {
  const r = envSchema.safeParse(env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Configuration error:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  }
  return r.data;
}

export const slackConfigured = (e: Env) => !!(e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET);
export const discordConfigured = (e: Env) => !!(e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID);
