/**
 * Structured one-line JSON logs on stderr (pino): operators grep them, users never see them.
 * The interface predates pino and is kept, so callers pass `(msg, fields)` and never import pino.
 * Every line passes through `redact` before it is written: a token that slips into a message (a URL with
 * a token, a library's debug line quoting an Authorization header) never reaches the log.
 */
import { pino, stdTimeFunctions, type DestinationStream } from "pino";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
type Fields = Record<string, unknown>;

export type Logger = {
  debug: (msg: string, fields?: Fields) => void;
  info: (msg: string, fields?: Fields) => void;
  warn: (msg: string, fields?: Fields) => void;
  error: (msg: string, fields?: Fields) => void;
  /** The threshold, so adapters can route a library's own levels (Bolt, discord.js) and skip costly debug work. */
  level: LogLevel;
};

/**
 * Secrets as they appear in text: Slack tokens (xoxb-, xoxp-, xapp-, …), Discord bot tokens
 * (three base64url parts), `Bot …`/`Bearer …` authorization values, and passwords in database URLs.
 */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/\bxox[abposr]-[A-Za-z0-9-]+/g, "xox?-[redacted]"],
  [/\bxapp-[A-Za-z0-9-]+/g, "xapp-[redacted]"],
  [/\b(Bot|Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/g, "$1 [redacted]"],
  [/\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}\b/g, "[redacted discord token]"],
  [/(\/\/[^:@/\s"]+:)[^@/\s"]+@/g, "$1***@"],
];

export function redact(line: string): string {
  return SECRET_PATTERNS.reduce((s, [re, to]) => s.replace(re, to), line);
}

/** Field names whose values are secrets whatever they look like. */
const SECRET_KEYS = ["token", "botToken", "appToken", "signingSecret", "password", "authorization", "*.token", "*.authorization", "headers.authorization", "*.headers.authorization"];

const plain = (fields: Fields) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? { message: v.message, stack: v.stack } : v]));

export function createLogger(level: LogLevel = "info", sink?: (line: string) => void): Logger {
  // process.stderr is synchronous for files, pipes and terminals on Linux, so the line explaining an exit
  // is written before the process ends. (pino.destination would open a second handle on fd 2.)
  const write = sink ?? ((l: string) => process.stderr.write(`${l}\n`));
  const stream: DestinationStream = { write: (s: string) => write(s.replace(/\n$/, "")) };
  const p = pino(
    {
      level,
      base: undefined,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: SECRET_KEYS, censor: "[redacted]" },
      hooks: { streamWrite: redact },
    },
    stream,
  );
  const at = (fn: "debug" | "info" | "warn" | "error") => (msg: string, fields: Fields = {}) => {
    if (p.isLevelEnabled(fn)) p[fn](plain(fields), msg);
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), level };
}

export const silentLogger: Logger = createLogger("silent");
