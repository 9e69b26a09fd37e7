import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { updatedReadme } from "../../scripts/commands-doc.ts";
import { commands } from "../../commands/index.ts";

describe("README", () => {
  const readme = readFileSync("README.md", "utf8");
  it("GIVEN commands/ THEN the README's command reference is the generated one (npm run commands:doc)", () => {
    expect(updatedReadme(readme)).toBe(readme);
    for (const c of commands) expect(readme).toContain(`\`/${c.name}`);
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
