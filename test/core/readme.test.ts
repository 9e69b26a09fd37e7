import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { links, proseLines, slug } from "../helpers/markdown.ts";

describe("README", () => {
  const readme = readFileSync("README.md", "utf8");
  it("GIVEN the front page THEN it stays under 200 lines and links the guides and the command reference", () => {
    expect(readme.split("\n").length).toBeLessThan(200);
    for (const doc of ["docs/delegate.md", "docs/delegate.ru.md", "docs/secretariat.md", "docs/secretariat.ru.md", "docs/operator.md", "docs/architecture.md", "docs/commands.md"])
      expect(readme).toContain(`](${doc}`);
  });
  it("GIVEN each task of the delegate's guide, in both languages THEN the README reaches it in at most two clicks", () => {
    const fromReadme = new Set(links(readme).map((l) => l.target));
    for (const guide of ["docs/delegate.md", "docs/delegate.ru.md"]) {
      const text = readFileSync(guide, "utf8");
      const fromGuide = new Set(links(text).map((l) => l.target));
      const tasks = proseLines(text).flatMap((l) => (/^## (.+)$/.exec(l) ? [slug(/^## (.+)$/.exec(l)![1]!)] : []));
      expect(tasks.length).toBeGreaterThan(8);
      expect(fromReadme.has(guide), `the README links ${guide}`).toBe(true);
      for (const t of tasks)
        expect(fromReadme.has(`${guide}#${t}`) || fromGuide.has(`#${t}`), `${guide}#${t} is linked from the README or the guide's contents`).toBe(true);
    }
  });
  it("GIVEN the quick start THEN it has exactly the two commands: start and test", () => {
    const quick = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("## ", readme.indexOf("## Quick start") + 5));
    const block = /```sh\n([\s\S]*?)```/.exec(quick)![1]!.trim().split("\n");
    expect(block).toHaveLength(2);
    expect(block[0]).toMatch(/^npm install && npm start\b/);
    expect(block[1]).toMatch(/^npm test\b/);
  });
});

describe("command examples", () => {
  it("GIVEN every example in commands/ THEN it parses and validates against its command's schema", () => {
    for (const c of commands)
      for (const e of c.examples) {
        const text = e.replace(new RegExp(`^/${c.name}\\s*`), "");
        const r = c.schema.safeParse(c.parseText(text));
        expect(r.success, `${e}: ${r.success ? "" : JSON.stringify(r.error.issues)}`).toBe(true);
      }
  });
});
