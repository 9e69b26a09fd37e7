import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MATTERS, POLICY } from "../../src/policy/matters.ts";

/** SECURITY.md's policy table says what src/policy/matters.ts does: same rows, same roles, same order. */
describe("SECURITY.md policy table", () => {
  it("GIVEN the POLICY table THEN SECURITY.md lists each matter with exactly its roles", () => {
    const doc = readFileSync(new URL("../../SECURITY.md", import.meta.url), "utf8");
    const rows = doc.split("\n").filter((l) => /^\| `\w+` — /.test(l));
    expect(rows).toEqual(MATTERS.map((m) => `| \`${m}\` — ${POLICY[m].what} | ${POLICY[m].see.join(", ")} | ${POLICY[m].act.join(", ")} |`));
  });
});
