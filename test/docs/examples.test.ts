/**
 * Every example in the guides runs on the seed data and gets the answer the guide shows.
 * Console examples go through the real console adapter (piped, as `npm start` reads them); Discord
 * examples go to the desk with typed options, as the Discord adapter passes an interaction's options
 * (the discord.js layer itself is covered by test/discord). Format: test/helpers/examples.ts.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { examplesIn, discordOptions, sameAnswer, type ConsoleExample, type Example } from "../helpers/examples.ts";
import { markdownFiles } from "../helpers/markdown.ts";
import { consoleSession } from "../helpers/console.ts";
import { actorOf, testApp } from "../helpers/app.ts";
import { renderConsole } from "../../src/adapters/console/index.ts";

/** The console's output, one answer per command line, in order. */
function answers(out: string, steps: ConsoleExample["steps"]): string[][] {
  const lines = out.split("\n");
  const at = steps.map((s) => s.line);
  const result: string[][] = [];
  let from = 0;
  for (const line of at) {
    const i = lines.indexOf(`> ${line}`, from);
    if (i < 0) throw new Error(`the console did not echo "> ${line}"`);
    if (result.length) result[result.length - 1] = lines.slice(from, i);
    result.push([]);
    from = i + 1;
  }
  result[result.length - 1] = lines.slice(from);
  return result;
}

const show = (lines: string[]) => lines.map((l) => `    ${l}`).join("\n");

async function runConsoleExample(ex: ConsoleExample, upTo = ex.steps.length) {
  const app = await testApp({ now: ex.now });
  try {
    const steps = ex.steps.slice(0, upTo);
    const { out } = await consoleSession(app.desk, ex.as, steps.map((s) => s.line), ex.lang);
    return { app, got: steps.length ? answers(out, steps) : [] };
  } catch (e) {
    await app.close();
    throw e;
  }
}

const guides = markdownFiles().filter((f) => f.startsWith("docs/") || f === "README.md");
const examples: Example[] = guides.flatMap((f) => examplesIn(f));

describe("the guides' examples, run on the seed data", () => {
  it("GIVEN the guides THEN they hold examples to run, in both languages, for Slack and Discord", () => {
    expect(examples.filter((e) => e.kind === "console" && e.lang !== "ru").length).toBeGreaterThan(5);
    expect(examples.filter((e) => e.kind === "console" && e.lang === "ru").length).toBeGreaterThan(5);
    expect(examples.filter((e) => e.kind === "discord").length).toBeGreaterThan(5);
  });

  for (const ex of examples) {
    if (ex.kind === "console") {
      it(`${ex.file}:${ex.at} console, as ${ex.as}${ex.lang ? ` (${ex.lang})` : ""}: ${ex.steps.map((s) => s.line.split(" ")[0]).join(", ")}`, async () => {
        const { app, got } = await runConsoleExample(ex);
        try {
          const wrong = ex.steps.flatMap((s, k) =>
            sameAnswer(s.expected, got[k]!) ? [] : [`${ex.file}:${s.at}: > ${s.line}\n  the guide shows:\n${show(s.expected)}\n  the console answered:\n${show(got[k]!)}`]);
          expect(wrong, wrong.join("\n\n")).toEqual([]);
        } finally {
          await app.close();
        }
      });
    } else {
      it(`${ex.file}:${ex.at} discord: ${ex.line.split(" ")[0]}`, async () => {
        const { command, options } = discordOptions(ex.line);
        const base = ex.of;
        const lastStep = base.steps[base.steps.length - 1]!;
        expect(lastStep.line.split(" ")[0], `${ex.file}:${ex.at}: the Discord example repeats the last command of the console example at line ${base.at}`).toBe(`/${command}`);
        const { app } = await runConsoleExample(base, base.steps.length - 1);
        try {
          const who = [...base.steps.slice(0, -1)].reverse().find((s) => s.line.startsWith("/as "))?.line.slice(4) ?? base.as;
          const actor = await actorOf(app.repos, who, base.lang);
          const reply = await app.desk.run({ platform: "console", userId: actor.userId, actor, command, options, requestKey: `doc-${randomUUID()}` });
          const got = renderConsole(reply).split("\n");
          // "Saved: <path>" is the console's delivery of a file; Discord attaches the same file to the answer instead.
          const saved = lastStep.expected.filter((l) => /^(Saved|Сохранено): /.test(l)).map((l) => l.split("/").pop()!);
          expect((reply.files ?? []).map((f) => f.name), `${ex.file}:${ex.at}: the files the answer carries`).toEqual(saved);
          const expected = lastStep.expected.filter((l) => !/^(Saved|Сохранено): /.test(l));
          expect(sameAnswer(expected, got), `${ex.file}:${ex.at}: ${ex.line}\n  the guide shows (line ${lastStep.at}):\n${show(lastStep.expected)}\n  Discord got:\n${show(got)}`).toBe(true);
        } finally {
          await app.close();
        }
      });
    }
  }
});

describe("the example format", () => {
  it("GIVEN '…' in a shown answer THEN it stands for lines left out, and nothing else does", () => {
    expect(sameAnswer(["a", "…", "d"], ["a", "b", "c", "d"])).toBe(true);
    expect(sameAnswer(["a", "d"], ["a", "b", "c", "d"])).toBe(false);
    expect(sameAnswer(["a", "", "b"], ["a", "b", ""])).toBe(true);
    expect(sameAnswer(["a", "b"], ["a", "b", "c"])).toBe(false);
    expect(sameAnswer(["a", "b", "…"], ["a", "b", "c"])).toBe(true);
    expect(sameAnswer(["Proposal ev-… received."], ["Proposal ev-2024-x1 received."])).toBe(true);
    expect(sameAnswer(["Proposal ev-… received."], ["Proposal ev-2024-x1 refused."])).toBe(false);
    expect(sameAnswer(["a (b) [c] $d"], ["a (b) [c] $d"])).toBe(true);
  });
  it("GIVEN a Discord line THEN its options are Discord's, choices by label or value, unknown options refused", () => {
    expect(discordOptions("/object target:MC/2023/DRAFT/4 stance:Reservation reason:We reserve: all of it")).toEqual({
      command: "object", options: { target: "MC/2023/DRAFT/4", stance: "reservation", reason: "We reserve: all of it" },
    });
    expect(() => discordOptions("/object target:DRAFT/4 as:reservation")).toThrow(/no such option|not one of/);
    expect(() => discordOptions("/object reason:No target")).toThrow(/requires the option target/);
    expect(() => discordOptions("/object target:DRAFT/4 stance:veto")).toThrow(/not one of Discord's choices/);
  });
});
