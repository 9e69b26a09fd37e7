/**
 * Structured one-line JSON logs on stderr (pino): operators grep them, users never see them.
 * The interface predates pino and is kept, so callers pass `(msg, fields)` and never import pino.
 * Every line passes through `redact` before it is written: a token that slips into a message (a URL with
 * a token, a library's debug line quoting an Authorization header) never reaches the log.
 */
import { pino, stdTimeFunctions } from "pino";
/**
 * Secrets as they appear in text: Slack tokens (xoxb-, xoxp-, xapp-, …), Discord bot tokens
 * (three base64url parts), `Bot …`/`Bearer …` authorization values, and passwords in database URLs.
 */
const SECRET_PATTERNS = [
    [/\bxox[abposr]-[A-Za-z0-9-]+/g, "xox?-[redacted]"],
    [/\bxapp-[A-Za-z0-9-]+/g, "xapp-[redacted]"],
    [/\b(Bot|Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/g, "$1 [redacted]"],
    [/\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}\b/g, "[redacted discord token]"],
    [/(\/\/[^:@/\s"]+:)[^@/\s"]+@/g, "$1***@"],
];
export function redact(line) {
    return SECRET_PATTERNS.reduce((s, [re, to]) => s.replace(re, to), line);
}
/** Field names whose values are secrets whatever they look like. */
const SECRET_KEYS = ["token", "botToken", "appToken", "signingSecret", "password", "authorization", "*.token", "*.authorization", "headers.authorization", "*.headers.authorization"];
const plain = (fields) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? { message: v.message, stack: v.stack } : v]));
export function createLogger(level = "info", sink) {
    // Synchronous to stderr, so the line explaining an exit is written before the process ends.
    const stream = sink ? { write: (s) => sink(s.replace(/\n$/, "")) } : pino.destination({ dest: 2, sync: true });
    const p = pino({
        level,
        base: undefined,
        timestamp: stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        redact: { paths: SECRET_KEYS, censor: "[redacted]" },
        hooks: { streamWrite: redact },
    }, stream);
    const at = (fn) => (msg, fields = {}) => {
        if (p.isLevelEnabled(fn))
            p[fn](plain(fields), msg);
    };
    return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), level };
}
export const silentLogger = createLogger("silent");
//# sourceMappingURL=log.js.map