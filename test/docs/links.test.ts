import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { anchors, links, markdownFiles, slug } from "../helpers/markdown.ts";

describe("GitHub's anchor rules", () => {
  it("GIVEN headings as GitHub renders them THEN the slugs are GitHub's, Cyrillic included", () => {
    expect(slug("Benchmark: `npm run bench`")).toBe("benchmark-npm-run-bench");
    expect(slug("The Chair's daily digest and alerts")).toBe("the-chairs-daily-digest-and-alerts");
    expect(slug("1. Create the application and the bot")).toBe("1-create-the-application-and-the-bot");
    expect(slug("Operations: databases, several processes, and performance")).toBe("operations-databases-several-processes-and-performance");
    expect(slug("Slack HTTP mode — behind a load balancer")).toBe("slack-http-mode--behind-a-load-balancer");
    expect(slug("Что закрыто, а что видно всем")).toBe("что-закрыто-а-что-видно-всем");
    expect(slug("Зарегистрировать «оговорку» (reservation)")).toBe("зарегистрировать-оговорку-reservation");
    expect(slug("DIGEST_TIME and [the guide](x.md)")).toBe("digest_time-and-the-guide");
    expect([...anchors("# A\n## A\n```\n# not a heading\n```\n## A\n<a id=\"x\"></a>\n")]).toEqual(["a", "a-1", "a-2", "x"]);
  });
  it("GIVEN links in prose and in code THEN only the prose links are read", () => {
    const l = links("[a](docs/x.md#b) `[c](nope.md)`\n```\n[d](nope.md)\n```\n[e]: ./y.md\n[f](https://example.org) [g](#h)");
    expect(l.map((x) => x.target)).toEqual(["docs/x.md#b", "./y.md", "#h"]);
  });
});

describe("links in the repository's Markdown", () => {
  const files = markdownFiles();
  it("GIVEN the documentation THEN the README, the guides and the command reference are all there", () => {
    for (const f of ["README.md", "docs/delegate.md", "docs/delegate.ru.md", "docs/secretariat.md", "docs/secretariat.ru.md", "docs/operator.md", "docs/architecture.md", "docs/commands.md", "SECURITY.md"])
      expect(files).toContain(f);
  });
  it("GIVEN every relative link and #anchor in every Markdown file THEN each one resolves", () => {
    const broken: string[] = [];
    const cache = new Map<string, Set<string>>();
    const anchorsOf = (f: string) => cache.get(f) ?? cache.set(f, anchors(readFileSync(f, "utf8"))).get(f)!;
    for (const file of files) {
      for (const { target, line } of links(readFileSync(file, "utf8"))) {
        const [rawPath, rawAnchor] = target.split("#", 2) as [string, string | undefined];
        const path = rawPath ? normalize(join(dirname(file), decodeURIComponent(rawPath))) : file;
        if (!existsSync(path)) { broken.push(`${file}:${line}: ${target}: no file ${path}`); continue; }
        if (rawAnchor === undefined) continue;
        const anchor = decodeURIComponent(rawAnchor);
        if (statSync(path).isDirectory() || !path.endsWith(".md")) broken.push(`${file}:${line}: ${target}: an anchor into a file that is not Markdown`);
        else if (!anchorsOf(path).has(anchor)) broken.push(`${file}:${line}: ${target}: no heading with the anchor #${anchor} in ${path}`);
      }
    }
    expect(broken, broken.join("\n")).toEqual([]);
  });
});
