import { createInterface } from "node:readline";
import { normalise } from "../../domain/text.js";
import { toPlainText } from "../../services/reply.js";
import { translator } from "../../i18n/index.js";
import { saveFiles } from "./files.js";
/** Resolves "--as IND", "--as Israel", "--as chair" to the actor the console runs commands for. */
export async function consoleActor(repos, who, lang) {
    const w = normalise(who);
    if (w === "chair" || w === "secretariat")
        return { platform: "console", userId: w, role: w, lang, via: "console" };
    const { states } = await repos.refData();
    const s = states.find((x) => x.code.toLowerCase() === w || x.aliases.includes(w));
    if (!s)
        return undefined;
    return { platform: "console", userId: s.code.toLowerCase(), role: s.kind === "observer" ? "observer" : "delegate", stateCode: s.code, lang, via: "console" };
}
/** Terminal control sequences in echoed text could rewrite the operator's screen; drop them. */
const clean = (s) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, "");
export function renderConsole(r) {
    return clean(toPlainText(r));
}
/**
 * Reads commands one per line, exactly as typed in Slack ("/comment DRAFT/4 para 1.10 …").
 * `/as <who>` switches who is acting. Resolves when the input ends (piped stdin: after every line).
 */
export async function runConsole(opts) {
    const { desk, output } = opts;
    const write = (s) => output.write(`${s}\n`);
    let lang = opts.lang;
    let actor = await consoleActor(desk.repos, opts.as, lang);
    const t = () => translator(lang ?? "en");
    if (!actor) {
        write(`Unknown --as "${opts.as}": use a state name or ISO code (IND, ISR …), "chair" or "secretariat". Acting as the Secretariat.`);
        actor = (await consoleActor(desk.repos, "secretariat", lang));
    }
    const prompt = () => (opts.interactive ? output.write(`[${actor.stateCode ?? actor.role}]> `) : undefined);
    const rl = createInterface({ input: opts.input, terminal: false });
    let lines = 0;
    let failed = 0;
    let n = 0;
    prompt();
    for await (const raw of rl) {
        const line = raw.trim();
        if (!line || line.startsWith("#")) {
            prompt();
            continue;
        }
        lines++;
        if (!opts.interactive)
            write(`> ${line}`);
        const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
        if (!m) {
            write(t()("type_this") + " /help");
            prompt();
            continue;
        }
        const [, name, text] = m;
        if (name === "quit" || name === "exit")
            break;
        if (name === "as") {
            const next = await consoleActor(desk.repos, text, lang);
            if (next) {
                actor = next;
                write(`Acting as ${next.stateCode ?? next.role}.`);
            }
            else
                write(`Unknown "${text}": use a state name or ISO code, "chair" or "secretariat".`);
            prompt();
            continue;
        }
        const reply = await desk.run({ platform: "console", userId: actor.userId, command: name, text, actor, requestKey: `console:${process.pid}:${Date.now()}:${n++}` });
        if (name === "lang" && reply.status === "ok")
            lang = /ru/i.test(text) ? "ru" : "en";
        if (reply.status !== "ok" && reply.status !== "info")
            failed++;
        write(renderConsole(reply));
        try {
            for (const path of saveFiles(opts.exportDir ?? "exports", reply.files ?? []))
                write(t()("files_saved", { path }));
        }
        catch (e) {
            for (const f of reply.files ?? [])
                write(t()("files_failed", { name: f.name, error: e.message }));
        }
        write("");
        prompt();
    }
    rl.close();
    return { lines, failed };
}
//# sourceMappingURL=index.js.map