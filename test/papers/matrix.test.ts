/** The position matrix: its data for MC/2023/DRAFT/5 against the seed's bracket marks, and the PNG decoded. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG } from "pngjs";
import { testApp, type TestApp } from "../helpers/app.ts";
import { positionMatrix, matrixCsv, matrixMarkdown } from "../../src/services/matrix.ts";
import { matrixPng, matrixSvg } from "../../src/papers/matrix-png.ts";
import { translator } from "../../src/i18n/index.ts";
import type { Ctx } from "../../src/services/context.ts";
import { CICA } from "../helpers/forum.ts";

const ctxOf = (app: TestApp, role: "secretariat" | "observer" = "secretariat"): Ctx => ({
  repos: app.repos, clock: () => new Date("2023-08-23T09:00:00+05:00"), lang: "en", t: translator("en", CICA), settings: { timeZone: "Asia/Almaty", forum: CICA },
  actor: role === "observer" ? { platform: "console", userId: "tkm", role, stateCode: "TKM", lang: "en", via: "console" } : { platform: "console", userId: "secretariat", role, lang: "en", via: "console" },
});

describe("position matrix", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it("GIVEN MC/2023/DRAFT/5 THEN its rows and cells are exactly the seed's marks (seeds/002: PP8, 11, 11altern., 13, 15)", async () => {
    const m = await positionMatrix(ctxOf(app), "MC/2023/DRAFT/5");
    const cells = Object.fromEntries(m.rows.map((r) => [r.ref, r.cells]));
    expect(cells).toEqual({
      // [intercivilizational …] (+IRAN) [[cultural [and religious] (-CHN)] (+IND) diversity [[of civilizations] (-CHN), [exchanges …] (+CHN)]] (-IND) (-IRAN)
      PP8: { IRN: ["+", "−"], CHN: ["+", "−"], IND: ["+", "−"] },
      // [11. …] (-IRAN) (+AZER)
      "11": { IRN: ["−"], AZE: ["+"] },
      // [11altern. Promote [tolerance and] (+TUR) … [and intercivilizational] (+TUR) …] (+IRAN) (AZER tcb)
      "11altern.": { TUR: ["+"], IRN: ["+"], AZE: ["tcb"] },
      // […country operators …] (CHN tcb)
      "13": { CHN: ["tcb"] },
      // [15. …] (+IRAN) (SEC tcb)
      "15": { IRN: ["+"], SEC: ["tcb"] },
    });
    expect(m.names).toMatchObject({ IRN: "Iran", AZE: "Azerbaijan", TUR: "Türkiye", SEC: "Secretariat" });
  });

  it("GIVEN a reservation and a comment filed on DRAFT/5 THEN their cells show R and C beside the bracket marks", async () => {
    const a = await app.as("India", "/object DRAFT/5 para 13 as reservation We reserve");
    expect(a.status).toBe("ok");
    const b = await app.as("Kazakhstan", "/comment DRAFT/5 para 2 kind general We welcome this");
    expect(b.status).toBe("ok");
    const m = await positionMatrix(ctxOf(app), "DRAFT/5");
    const row = (ref: string) => m.rows.find((r) => r.ref === ref)?.cells;
    expect(row("13")).toEqual({ CHN: ["tcb"], IND: ["R"] });
    expect(row("2")).toEqual({ KAZ: ["C"] });
    expect(m.rows.map((r) => r.ref)).toEqual(["PP8", "2", "11", "11altern.", "13", "15"]);
    // CSV and Markdown carry the same cells.
    const csv = matrixCsv(m).trim().split("\r\n").map((l) => l.split(","));
    const md = matrixMarkdown(m).split("\n").filter((l) => /^\| (?!Para|---)/.test(l)).map((l) => l.slice(2, -2).split(" | ").map((c) => c.replace(/\\(.)/g, "$1")));
    expect(csv.slice(1)).toEqual(md);
    expect(csv[0]).toEqual(["Para.", ...m.columns]);
  });

  it("GIVEN the matrix THEN the PNG decodes, is phone-sized or larger, not blank, and the SVG has a symbol for every coloured cell", async () => {
    const m = await positionMatrix(ctxOf(app), "MC/2023/DRAFT/5");
    const png = PNG.sync.read(matrixPng(m));
    expect(png.width).toBeGreaterThanOrEqual(1000);
    expect(png.height).toBeGreaterThanOrEqual(500);
    const colours = new Set<number>();
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      colours.add((r << 16) | (g << 8) | b);
      if (r + g + b < 150) dark++;
    }
    expect(colours.size).toBeGreaterThan(20);
    // Text was drawn (the shipped font loaded): thousands of near-black pixels.
    expect(dark).toBeGreaterThan(5000);
    const svg = matrixSvg(m);
    const cellRects = (svg.match(/<rect [^>]*rx="4"/g) ?? []).length;
    const symbols = (svg.match(/<text [^>]*text-anchor="middle"[^>]*>(\+|−|tcb|R|O|C)<\/text>/g) ?? []).length;
    expect(symbols).toBe(cellRects);
    for (const code of m.columns) expect(svg).toContain(`>${code}</text>`);
    for (const r of m.rows) expect(svg).toContain(`>${r.ref}</text>`);
  });

  it("GIVEN an observer THEN the restricted draft's matrix is refused", async () => {
    await expect(positionMatrix(ctxOf(app, "observer"), "MC/2023/DRAFT/5")).rejects.toMatchObject({ key: "doc_not_found" });
  });
});
