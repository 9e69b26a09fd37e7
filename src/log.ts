/** Structured one-line JSON logs on stderr: operators grep them, users never see them. */
export type Logger = {
  info: (msg: string, fields?: Record<string, unknown>) => void;
  warn: (msg: string, fields?: Record<string, unknown>) => void;
  error: (msg: string, fields?: Record<string, unknown>) => void;
};

export function createLogger(level: "debug" | "info" | "warn" | "error" | "silent" = "info", sink: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const order = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };
  const at = order[level];
  const emit = (lvl: "info" | "warn" | "error") => (msg: string, fields: Record<string, unknown> = {}) => {
    if (order[lvl] < at) return;
    const extra = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? { message: v.message, stack: v.stack } : v]));
    sink(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...extra }));
  };
  return { info: emit("info"), warn: emit("warn"), error: emit("error") };
}

export const silentLogger: Logger = createLogger("silent");
