export function createLogger(level = "info", sink = (l) => process.stderr.write(`${l}\n`)) {
    const order = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };
    const at = order[level];
    const emit = (lvl) => (msg, fields = {}) => {
        if (order[lvl] < at)
            return;
        const extra = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v instanceof Error ? { message: v.message, stack: v.stack } : v]));
        sink(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...extra }));
    };
    return { info: emit("info"), warn: emit("warn"), error: emit("error") };
}
export const silentLogger = createLogger("silent");
//# sourceMappingURL=log.js.map