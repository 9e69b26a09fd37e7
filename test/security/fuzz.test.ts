/**
 * Property-based fuzz of the command parser (fast-check). Two properties:
 *  1. the parser itself — tokenising, keyword extraction, each command's parseText and its schema — never
 *     throws and never writes to Object.prototype, for FUZZ_RUNS (default 5,000) random lines;
 *  2. the whole desk, as a delegate, the Secretariat and an observer: never an internal error, never a
 *     stack trace, and a reply to wrong input always tells the user what to type.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { commands } from "../../commands/index.ts";
import { takeKeywords, tokenise } from "../../src/core/command.ts";
import { testApp, type TestApp } from "../helpers/app.ts";
import { toPlainText } from "../../src/services/reply.ts";
import { en } from "../../src/i18n/en.ts";
import { ru } from "../../src/i18n/ru.ts";

const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);
const DESK_RUNS = Number(process.env.FUZZ_DESK_RUNS ?? 600);

const WORDS = [
  "__proto__", "constructor", "toString", "prototype", "hasOwnProperty", "valueOf", "para", "kind", "as", "edit", "propose", "start", "to", "remove", "status",
  "п.", "drafting", "objection", "reservation", "more-time", "offer:IRQ", "offer:", "nomination:DSG", "silence:", "DRAFT/4", "MC/2023/DRAFT/4", "SWG/2023-II/INF/2",
  "1.10", "PP2", "11", "#1", "0", "-1", "99999999999999999999", "2023-09-31", "2023-02-29", "2024-05-10..2024-05-11", "title:", "concept:", "purpose:", "organisers:",
  "format:", "dates:", "year:", "__proto__:", "constructor:", "\"quoted phrase\"", "«ёлки»", "“curly”", "\"", "«", "“", "@everyone", "<!channel>", "<@U1>", "[x](https://e.x)",
  "slack:U1", "discord:1", "console:x", "user", "channel", "role", "India", "Израиль", "chair", "secretariat", "en", "ru", ";", ":", "\\", "\u0000", "\u202e", "😀", "\n",
];
const line = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 6 })), { maxLength: 12 })
  .map((ws) => ws.join(" "));
const commandName = fc.constantFrom(...commands.map((c) => c.name));

const INTERNAL = [en.internal_error, ru.internal_error, en.not_saved, ru.not_saved];
const STACK = /\n\s+at .+\(|\bat (async )?[\w.<>]+ \(.+:\d+:\d+\)|TypeError|ReferenceError|Prisma|SQLITE_|undefined is not|Cannot read prop/;
const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const template = (m: string) => new RegExp(`^${m.split(/\{\w+\}/).map(esc).join("[\\s\\S]*")}$`);
/** Every error the user may see is one of the catalogue's polite messages (never a raw exception text). */
const POLITE = [...Object.values(en), ...Object.values(ru)].map(template);
/** Input that could not be read always comes with the usage line and an example. */
const UNREADABLE = [template(en.bad_input), template(ru.bad_input)];
const USAGE = /Type: \/|Введите: \//;

describe("fuzz: the parser", () => {
  it(`GIVEN ${RUNS} random command lines THEN tokenising, keywords, parseText and the schema never throw nor touch Object.prototype`, () => {
    fc.assert(
      fc.property(commandName, line, (name, text) => {
        const def = commands.find((c) => c.name === name)!;
        const words = tokenise(text);
        takeKeywords(words, { para: (v) => v, kind: (v) => v, as: (v) => v });
        const raw = def.parseText(text);
        expect(typeof raw).toBe("object");
        def.schema.safeParse(raw);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("fuzz: the desk", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp();
    await app.as("secretariat", "/link user slack:U-IND India");
    await app.as("secretariat", "/link user slack:U-SEC secretariat");
    await app.as("secretariat", "/link user slack:U-TKM Turkmenistan");
  });
  afterAll(async () => { await app.close(); });

  it(`GIVEN ${DESK_RUNS} random lines as a delegate, the Secretariat and an observer THEN no internal error, no stack trace, help on wrong input`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(commandName, line, fc.constantFrom("U-IND", "U-SEC", "U-TKM"), async (command, text, userId) => {
        const r = await app.desk.run({ platform: "slack", userId, command, text, requestKey: `fuzz-${n++}` });
        const out = toPlainText(r);
        expect(INTERNAL.some((m) => out.includes(m)), out).toBe(false);
        expect(STACK.test(out), out).toBe(false);
        if (r.status === "error" || r.status === "refused") expect(POLITE.some((re) => re.test(r.summary)), r.summary).toBe(true);
        if (UNREADABLE.some((re) => re.test(r.summary))) expect(USAGE.test(out), out).toBe(true);
      }),
      { numRuns: DESK_RUNS },
    );
  }, 300_000);
});
