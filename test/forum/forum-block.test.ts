/**
 * At start the bot parses only the `forum:` block of its data file (issue 15: the whole CICA data set took
 * about 0.4 s to parse). The block must give exactly the forum the whole file gives, and a block that cannot
 * stand alone must fall back to the whole file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { forumBlock, loadForum, parseForum } from "../../src/forum/load.ts";
import { NORTHERN_LAKES_FILE } from "../helpers/forum.ts";

describe("the forum block of a data file", () => {
  for (const file of ["data/cica.yaml", NORTHERN_LAKES_FILE]) {
    it(`GIVEN ${file} THEN its forum: block alone gives the forum of the whole file, and none of the data set`, () => {
      const text = readFileSync(file, "utf8");
      const block = forumBlock(text)!;
      expect(block.startsWith("forum:")).toBe(true);
      expect(Object.keys(parse(block) as object)).toEqual(["forum"]);
      expect(block.length).toBeLessThan(text.length / 2);
      expect(parseForum(parse(block), file)).toEqual(parseForum(parse(text), file));
      expect(loadForum(file)).toEqual(parseForum(parse(text), file));
    });
  }

  it("GIVEN a forum block that names an anchor defined before it THEN the whole file is read and the forum is the same", () => {
    const text = readFileSync(NORTHERN_LAKES_FILE, "utf8");
    const whole = parseForum(parse(text), "lakes");
    const at = text.indexOf("forum:");
    const name = /^ {2}name:.*$/m.exec(text.slice(at))![0];
    const anchored = `anchors:\n  forumName: &forumName ${JSON.stringify(whole.name)}\n` +
      text.slice(0, at) + text.slice(at).replace(name, "  name: *forumName");
    const f = join(mkdtempSync(join(tmpdir(), "dd-block-")), "anchored.yaml");
    writeFileSync(f, anchored);
    expect(loadForum(f)).toEqual(whole);
  });

  it("GIVEN a file with no forum: block at the left margin THEN there is no block", () => {
    expect(forumBlock("version: 1\nstates: []\n  forum: nested\n")).toBeUndefined();
  });
});
