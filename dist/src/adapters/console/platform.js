import { renderConsole } from "./index.js";
/** Digests and alerts for "console:<name>" destinations, printed where the operator is looking. */
export function consolePlatform(output) {
    return {
        platform: "console",
        post: async (channelId, r) => {
            output.write(`\n[→ console:${channelId}]\n${renderConsole(r)}\n`);
        },
        stop: async () => { },
    };
}
//# sourceMappingURL=platform.js.map