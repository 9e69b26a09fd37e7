import { accessSync, constants, existsSync, statSync, openSync, closeSync, unlinkSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { DEFAULT_DATABASE_URL, sqliteFile } from "./db/client.ts";
import { isValidTimeZone } from "./domain/dates.ts";
import type { Forum } from "./domain/forum.ts";
import { loadForum } from "./forum/load.ts";
import { parseDestinationList } from "./digest/destinations.ts";
import { InvalidDataError } from "./domain/errors.ts";
import { blankToUndefined, opt } from "./core/env.ts";
import { PLATFORM_MODULES, PLATFORM_NAMES } from "./platforms.ts";

const validDestinations = (s: string) => {
  try {
    return parseDestinationList(s, PLATFORM_NAMES).length > 0;
  } catch (e) {
    // An unreadable entry is the configuration error zod reports (naming DIGEST_DESTINATIONS); anything else is a bug.
    if (e instanceof InvalidDataError) return false;
    throw e;
  }
};

/** Every environment variable the bot reads; .env.example documents each one. */
export const envSchema = z
  .object({
    DATABASE_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine((s) => /^(file:|postgres(ql)?:\/\/)/.test(s), "DATABASE_URL must start with file: (embedded SQLite, e.g. file:./data/delegate-desk.db) or postgresql:// (PostgreSQL)")
        .default(DEFAULT_DATABASE_URL),
    ),
    DATA_FILE: z.preprocess(blankToUndefined, z.string().default("data/cica.yaml")),
    NOW: opt(z.string().refine((s) => !Number.isNaN(Date.parse(s)), "NOW must be an ISO 8601 date-time, e.g. 2023-08-23T09:00:00+05:00")),
    /** Unset: the forum's own zone (forum.timeZone in DATA_FILE). */
    TIME_ZONE: opt(z.string().refine(isValidTimeZone, "TIME_ZONE must be an IANA time zone, e.g. Europe/Vienna")),
    DIGEST_TIME: z.preprocess(blankToUndefined, z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "DIGEST_TIME must be HH:MM").default("08:30")),
    DIGEST_TZ: opt(z.string().refine(isValidTimeZone, "DIGEST_TZ must be an IANA time zone, e.g. Europe/Vienna")),
    DIGEST_DESTINATIONS: opt(z.string().refine(validDestinations, "DIGEST_DESTINATIONS must be platform:channel[:en|ru], comma-separated, e.g. slack:C0123:en,discord:998877:ru")),
    REMINDER_DAYS: opt(z.string().regex(/^\s*\d{1,3}(\s*[,\s]\s*\d{1,3})*\s*$/, "REMINDER_DAYS must be whole days, comma-separated, e.g. 7,1")),
    LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(["debug", "info", "warn", "error", "silent"], "LOG_LEVEL must be debug, info, warn, error or silent").default("warn")),
    CONSOLE: opt(z.enum(["0", "1"], "CONSOLE must be 1 (also run the console) or 0 (never)")),
    /** Unset: the default 3000 where an HTTP listener is needed; the console alone listens only when PORT is set. */
    PORT: opt(z.coerce.number("PORT must be a port number, 0-65535").int("PORT must be a port number, 0-65535").min(0, "PORT must be a port number, 0-65535").max(65535, "PORT must be a port number, 0-65535")),
    HOST: z.preprocess(blankToUndefined, z.string().default("0.0.0.0")),
    /** The public https:// address of this bot, for calendar subscription links (GET /calendar/<token>.ics). */
    PUBLIC_URL: opt(z.url("PUBLIC_URL must be a URL, e.g. https://desk.example.org/")),
    /** The durable inbox file (default: beside the SQLite file; for PostgreSQL data/inbox-<PORT>.jsonl). */
    INBOX_FILE: opt(z.string()),
    /** What a platform's ack waits for: the inbox line's write (survives a crash of the bot) or its fdatasync too (survives power loss). */
    INBOX_SYNC: z.preprocess(blankToUndefined, z.enum(["write", "fdatasync"], "INBOX_SYNC must be write or fdatasync").default("write")),
    // Then each platform's own variables (src/adapters/<platform>/module.ts).
    // Typed where each is read (the module parses its own); here they are only checked.
    ...(Object.assign({}, ...PLATFORM_MODULES.map((m) => m.env)) as Record<never, z.ZodType>),
  })
  .superRefine((e, ctx) => {
    // A platform configured halfway is a mistake, never a request for the console: each says what is missing.
    // A variable of the wrong form is already refused by its own field's message.
    for (const m of PLATFORM_MODULES)
      if (z.object(m.env).safeParse(e).success)
        m.checkEnv(e, (variable, because, orElse) =>
          ctx.addIssue({ code: "custom", path: [variable], message: `${variable} is not set but ${because}: set ${variable} to ${m.where[variable]}, ${orElse}` }));
  });

export type Env = z.infer<typeof envSchema>;
/** The environment with the forum it names (DATA_FILE's forum: section) and the zones that default to the forum's. */
export type Config = Env & { TIME_ZONE: string; DIGEST_TZ: string; forum: Forum };

/** A configuration the bot refuses to start with; `message` is one line naming the variable and what to set. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = "ConfigError";
  }
}

/** EX_CONFIG from sysexits.h: supervisors (systemd, Docker, Kubernetes) show it as a configuration error. */
export const EXIT_CONFIG = 78;

export function readEnv(env: Record<string, string | undefined>): Config {
  const r = envSchema.safeParse(env);
  if (!r.success) {
    const [first, ...rest] = r.error.issues;
    const variable = String(first!.path[0] ?? "environment");
    const text = first!.message.startsWith(variable) ? first!.message : `${variable}: ${first!.message}`;
    throw new ConfigError(variable, `Configuration error: ${text}${rest.length ? ` (and ${rest.length} more: ${rest.map((i) => String(i.path[0])).join(", ")})` : ""}. See .env.example.`);
  }
  // The forum description is read at every start: its zone is the default calendar, its rules run the desk.
  let forum: Forum;
  try {
    forum = loadForum(r.data.DATA_FILE);
  } catch (e) {
    throw new ConfigError("DATA_FILE", `Configuration error: DATA_FILE ${(e as Error).message}; set DATA_FILE to a data file with a forum: section (e.g. data/cica.yaml). See .env.example.`);
  }
  return { ...r.data, TIME_ZONE: r.data.TIME_ZONE ?? forum.timeZone, DIGEST_TZ: r.data.DIGEST_TZ ?? forum.timeZone, forum };
}

/**
 * For a file: DATABASE_URL, the directory must already exist and the process must be able to create and
 * write the file there. A typo must not create directories somewhere, nor fail later at the first write.
 */
export function checkDatabaseLocation(url: string): void {
  if (!url.startsWith("file:")) return;
  const file = sqliteFile(url);
  if (file === ":memory:") return;
  const path = resolve(file);
  const dir = dirname(path);
  const refuse = (why: string) => {
    throw new ConfigError("DATABASE_URL", `Configuration error: DATABASE_URL ${url}: ${why}. See .env.example.`);
  };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) refuse(`the directory ${dir} does not exist; create it, or set DATABASE_URL=file:<existing directory>/delegate-desk.db`);
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) refuse(`${path} is a directory; set DATABASE_URL to a file inside it, e.g. file:${join(path, "delegate-desk.db")}`);
    try {
      accessSync(path, constants.R_OK | constants.W_OK);
      closeSync(openSync(path, "r+"));
    } catch (e) {
      refuse(`${path} cannot be written (${(e as NodeJS.ErrnoException).code}); give this user write access to it, or set DATABASE_URL to a writable file`);
    }
  }
  // SQLite also writes -wal and -shm files beside the database: the directory itself must take new files.
  const probe = join(dir, `.delegate-desk-write-test-${process.pid}`);
  try {
    closeSync(openSync(probe, "wx"));
    unlinkSync(probe);
  } catch (e) {
    refuse(`the directory ${dir} cannot be written (${(e as NodeJS.ErrnoException).code}); give this user write access to it, or set DATABASE_URL to a writable directory`);
  }
}

/** The platforms whose credentials are set, in the order of src/platforms.ts. */
export const configuredPlatforms = (e: Env) => PLATFORM_MODULES.filter((m) => m.configured(e));
/** The port to listen on: PORT, else 3000 when something needs a listener. */
export const httpPort = (e: Env) => e.PORT ?? 3000;
