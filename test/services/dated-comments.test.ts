/**
 * Comment due dates among the dated items (src/services/dated.ts): the table's row on MC/2023/DRAFT/4 (15 July
 * 2023, seeds/002), a circulated document's own due date, who is asked, how they answer (a comment or a position
 * on the document named), and who may see a restricted draft's date.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testApp, type TestApp } from "../helpers/app.ts";
import { consoleFiles } from "../../src/adapters/console/index.ts";
import type { DatedItem } from "../../src/services/dated.ts";
import { itemsAs } from "./positions-helpers.ts";

let app: TestApp;
beforeEach(async () => { app = await testApp(); });
afterEach(async () => app?.close());

const items = (now: string, from: string, to?: string, who = "India", lang: "en" | "ru" = "en") => itemsAs(app, now, from, to, who, lang);
const comments = (xs: DatedItem[]) => xs.filter((x) => x.kind === "comments_due");
const JULY = "2023-07-01T12:00:00+05:00";

/** The Secretariat circulates docs/examples/tourism-draft.txt as `symbol`, comments due on `due`, and confirms. */
async function circulate(symbol: string, due: string, extra = "") {
  const f = await consoleFiles(app.desk.command("circulate"), `${symbol} due ${due}${extra} title Draft decision on tourism cooperation file:docs/examples/tourism-draft.txt`);
  const preview = await app.as("secretariat", `/circulate ${f.text}`, { files: f.files });
  const confirm = preview.actions?.find((a) => a.kind === "choose");
  expect(confirm?.kind).toBe("choose");
  expect((await app.as("secretariat", `/circulate ${confirm!.kind === "choose" ? confirm!.text : ""}`)).status).toBe("ok");
}

describe("the comments on MC/2023/DRAFT/4, due 15 July 2023 (SWG/2023-II/INF/2 item 2)", () => {
  it("on 1 July: one item, the table's row, asking every Member State, answered by a comment or a position on MC/2023/DRAFT/4", async () => {
    const xs = comments(await items(JULY, "2023-07-01", "2023-07-31"));
    expect(xs).toEqual([{
      id: "comments-mc-2023-draft-4", kind: "comments_due", due: "2023-07-15", daysLeft: 14, restricted: true,
      title: "Comments to the Secretariat on the draft MC decision on modalities of implementation of CICA CBMs (MC/2023/DRAFT/4, based on MC/2023/SEC/1)",
      rule: "comments_due", draft: false, addressees: "members", respond: { type: "document", ref: "MC/2023/DRAFT/4" },
    }]);
    expect(comments(await items(JULY, "2023-07-01", "2023-07-31", "India", "ru"))[0]!.title).toMatch(/^Замечания в Секретариат по проекту решения СМ СВМДА/);
  });

  it("the Chair and the Secretariat see it; an observer (Turkmenistan) does not, and keeps the rest", async () => {
    expect(comments(await items(JULY, "2023-07-01", "2023-07-31", "chair"))).toHaveLength(1);
    expect(comments(await items(JULY, "2023-07-01", "2023-07-31", "secretariat"))).toHaveLength(1);
    expect(comments(await items(JULY, "2023-07-01", "2023-07-31", "Turkmenistan"))).toEqual([]);
    expect((await items(JULY, "2023-07-01", "2023-12-31", "Turkmenistan")).map((x) => x.id)).toContain("plan-proposals-2024");
  });

  it("on 13 June 2023, before the SWG set it, it is not known", async () => {
    expect(comments(await items("2023-06-13T12:00:00+05:00", "2023-06-13", "2023-07-31"))).toEqual([]);
  });
});

describe("GIVEN the Secretariat circulates MC/2024/DRAFT/1 on 1 March 2024 with comments due on 15 March", () => {
  beforeEach(() => app.setNow("2024-03-01T10:00:00+05:00"));

  it("its own due date is listed, named by its symbol, answered by a comment on it", async () => {
    await circulate("MC/2024/DRAFT/1", "2024-03-15");
    const [x] = comments(await items("2024-03-01T10:00:00+05:00", "2024-03-01", "2024-03-31"));
    expect(x).toEqual({
      id: "comments-MC/2024/DRAFT/1", kind: "comments_due", title: "Comments due on MC/2024/DRAFT/1", due: "2024-03-15", daysLeft: 14,
      restricted: expect.any(Boolean), rule: "comments_due", draft: false, addressees: "members", respond: { type: "document", ref: "MC/2024/DRAFT/1" },
    });
    expect(comments(await items("2024-03-01T10:00:00+05:00", "2024-03-01", "2024-03-31", "India", "ru"))[0]!.title).toBe("Срок комментариев к MC/2024/DRAFT/1");
    expect(await app.text("India", "/deadlines 14")).toMatch(/15 March 2024 — Comments due on MC\/2024\/DRAFT\/1 · comments due · 14 days left/);
    expect(await app.text("India", "/deadlines 13")).not.toMatch(/MC\/2024\/DRAFT\/1/);
  });

  it("a restricted circulation's date is hidden from an observer; replayed before the circulation, nobody sees it", async () => {
    await circulate("MC/2024/DRAFT/1", "2024-03-15", " restricted");
    expect(comments(await items("2024-03-01T10:00:00+05:00", "2024-03-01", "2024-03-31"))[0]).toMatchObject({ restricted: true });
    expect(comments(await items("2024-03-01T10:00:00+05:00", "2024-03-01", "2024-03-31", "Turkmenistan"))).toEqual([]);
    expect(comments(await items("2024-02-28T10:00:00+05:00", "2024-02-28", "2024-03-31"))).toEqual([]);
  });
});

describe("two texts whose comments fall due on the same day", () => {
  it("GIVEN MC/2023/DRAFT/6 is circulated on 1 July 2023 with comments due 15 July THEN both due dates are listed, each for its text", async () => {
    app.setNow(JULY);
    await circulate("MC/2023/DRAFT/6", "2023-07-15");
    const xs = comments(await items(JULY, "2023-07-01", "2023-07-31"));
    // Same day: by title ("Comments due on …" before "Comments to the Secretariat …").
    expect(xs.map((x) => x.respond)).toEqual([{ type: "document", ref: "MC/2023/DRAFT/6" }, { type: "document", ref: "MC/2023/DRAFT/4" }]);
    expect(xs.map((x) => x.title)).toEqual(["Comments due on MC/2023/DRAFT/6", expect.stringMatching(/^Comments to the Secretariat on the draft MC decision/)]);
  });
});

describe("a table row's document is the one its title names, the longest symbol first", () => {
  it("GIVEN a row on comments to MC/2023/DRAFT/3/Rev.1 citing SWG/2023-II/INF/2 (a data file's) THEN it is answered on the draft; a row naming no text, on nothing", async () => {
    await app.repos.write({ platform: "console", userId: "import", role: "secretariat" }, async (tx) => {
      await app.repos.deadlines.upsert(tx, { id: "comments-rev", kind: "comments_due", title: "Comments on MC/2023/DRAFT/3/Rev.1 (SWG/2023-II/INF/2 item 2)", titleRu: "Замечания к MC/2023/DRAFT/3/Rev.1 (SWG/2023-II/INF/2, п. 2)", due: "2023-09-10", timeZone: "Asia/Almaty", restricted: false, announcedOn: "2023-08-22", source: "test" });
      await app.repos.deadlines.upsert(tx, { id: "comments-none", kind: "comments_due", title: "Comments on the Chair's non-paper", titleRu: "Замечания к неофициальному документу", due: "2023-09-11", timeZone: "Asia/Almaty", restricted: false, announcedOn: "2023-08-22", source: "test" });
      return { result: null, audit: [] };
    }, new Date());
    const xs = comments(await items("2023-08-23T09:00:00+05:00", "2023-09-01", "2023-09-30"));
    expect(xs.map((x) => [x.id, x.respond])).toEqual([["comments-rev", { type: "document", ref: "MC/2023/DRAFT/3/Rev.1" }], ["comments-none", { type: "none" }]]);
    expect(xs.every((x) => x.addressees === "members" && x.rule === "comments_due")).toBe(true);
  });
});
