/** Calendar: the .ics of /deadlines all parsed with node-ical, and the subscription feed over real HTTP. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import ical from "node-ical";
import { testApp, type TestApp } from "../helpers/app.ts";
import { calendarRoute } from "../../src/http/calendar.ts";
import { datedItems } from "../../src/services/dated.ts";
import { translator } from "../../src/i18n/index.ts";
import type { Ctx } from "../../src/services/context.ts";
import { CICA } from "../helpers/forum.ts";

type Ev = { type: string; summary: string; start: Date & { dateOnly?: boolean }; datetype: string; description?: string; uid: string };
const events = (ics: string): Ev[] => Object.values(ical.sync.parseICS(ics)).filter((e) => (e as Ev).type === "VEVENT") as Ev[];
/** node-ical gives an all-day date as midnight of that date in the process's zone; read it back the same way. */
const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

describe("calendar", () => {
  let app: TestApp;
  let server: Server | undefined;
  beforeEach(async () => {
    app = await testApp({ now: "2023-07-01T09:00:00+05:00", publicUrl: "https://desk.example.org/" });
    await app.as("secretariat", "/link user console:ind-delegate India");
  });
  afterEach(async () => {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server = undefined;
    await app.close();
  });

  const listed = async (who: "India" | "Turkmenistan") => {
    const state = who === "India" ? "IND" : "TKM";
    const ctx: Ctx = { repos: app.repos, clock: () => new Date("2023-07-01T09:00:00+05:00"), lang: "en", t: translator("en", CICA), settings: { timeZone: "Asia/Almaty", forum: CICA },
      actor: { platform: "console", userId: state.toLowerCase(), role: who === "India" ? "delegate" : "observer", stateCode: state, lang: "en", via: "console" } };
    return datedItems(ctx, "2023-07-01", undefined);
  };

  it("GIVEN /deadlines ics THEN every item of /deadlines all is an all-day event on its date, with its source document", async () => {
    const r = await app.as("India", "/deadlines ics");
    expect(r.files?.[0]).toMatchObject({ name: "delegate-desk-deadlines.ics", mime: "text/calendar" });
    const evs = events(r.files![0]!.data.toString("utf8"));
    const items = await listed("India");
    expect(items.length).toBeGreaterThan(4);
    expect(evs).toHaveLength(items.length);
    for (const i of items) {
      const e = evs.find((x) => x.summary === i.title);
      expect(e, i.title).toBeDefined();
      expect(e!.datetype, i.title).toBe("date");
      expect(day(e!.start), i.title).toBe(i.due);
    }
    const comments = evs.find((e) => /MC\/2023\/DRAFT\/4/.test(e.summary))!;
    expect(day(comments.start)).toBe("2023-07-15");
    expect(comments.description).toMatch(/Source: seeds\/002 SWG outcome 13-14 June 2023/);
    // The New York meeting stays on its New York date, whatever the Astana offset.
    const mc = evs.find((e) => /Informal CICA Ministerial Council/.test(e.summary))!;
    expect(day(mc.start)).toBe("2023-09-21");
    expect(mc.description).toMatch(/Source: seeds\/000 SOC minutes 22 Aug 2023/);
  });

  it("GIVEN an observer THEN the file leaves out restricted items (the DRAFT/4 comment deadline)", async () => {
    const r = await app.as("Turkmenistan", "/deadlines ics");
    const evs = events(r.files![0]!.data.toString("utf8"));
    expect(evs.length).toBe((await listed("Turkmenistan")).length);
    expect(evs.some((e) => /MC\/2023\/DRAFT\/4/.test(e.summary))).toBe(false);
  });

  it("GIVEN /deadlines subscribe THEN the URL serves the feed over HTTP; a new subscription or unsubscribe kills the old URL", async () => {
    const route = calendarRoute({ repos: app.repos, clock: () => new Date("2023-07-01T09:00:00+05:00"), settings: { timeZone: "Asia/Almaty", forum: CICA, publicUrl: "https://desk.example.org/" } });
    server = createServer(async (req, res) => {
      if (!(await route(req, res))) res.writeHead(404).end("other");
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const asDelegate = { actor: { platform: "console" as const, userId: "ind-delegate", role: "delegate" as const, stateCode: "IND", via: "identity" as const } };
    const sub = await app.as("India", "/deadlines subscribe", asDelegate);
    expect(sub.status).toBe("ok");
    const url = sub.blocks.flatMap((b) => (b.type === "text" ? [b.text] : []))[0]!;
    expect(url).toMatch(/^https:\/\/desk\.example\.org\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    const path = new URL(url).pathname;
    const got = await fetch(base + path);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toMatch(/^text\/calendar/);
    const evs = events(await got.text());
    expect(evs.find((e) => /MC\/2023\/DRAFT\/4/.test(e.summary)) && day(evs.find((e) => /MC\/2023\/DRAFT\/4/.test(e.summary))!.start)).toBe("2023-07-15");
    // The token is not stored in the clear.
    const rows = await app.db.prisma.calendarToken.findMany();
    expect(JSON.stringify(rows)).not.toContain(path.split("/")[2]!.replace(".ics", ""));

    const again = await app.as("India", "/deadlines subscribe", asDelegate);
    const path2 = new URL(again.blocks.flatMap((b) => (b.type === "text" ? [b.text] : []))[0]!).pathname;
    expect((await fetch(base + path)).status).toBe(404);
    expect((await fetch(base + path2)).status).toBe(200);
    const off = await app.as("India", "/deadlines unsubscribe", asDelegate);
    expect(off.summary).toMatch(/revoked/);
    expect((await fetch(base + path2)).status).toBe(404);
    expect((await fetch(`${base}/calendar/${"x".repeat(32)}.ics`)).status).toBe(404);
    expect(await (await fetch(`${base}/other`)).text()).toBe("other");
  });

  it("GIVEN the subscriber's link changed to an observer state THEN the feed drops restricted items at once", async () => {
    const route = calendarRoute({ repos: app.repos, clock: () => new Date("2023-07-01T09:00:00+05:00"), settings: { timeZone: "Asia/Almaty", forum: CICA } });
    server = createServer(async (req, res) => { if (!(await route(req, res))) res.writeHead(404).end(); });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const sub = await app.as("India", "/deadlines subscribe", { actor: { platform: "console", userId: "ind-delegate", role: "delegate", stateCode: "IND", via: "identity" } });
    const path = new URL(sub.blocks.flatMap((b) => (b.type === "text" ? [b.text] : []))[0]!).pathname;
    expect(await (await fetch(base + path)).text()).toMatch(/MC\/2023\/DRAFT\/4/);
    await app.as("secretariat", "/link user console:ind-delegate Turkmenistan");
    expect(await (await fetch(base + path)).text()).not.toMatch(/MC\/2023\/DRAFT\/4/);
  });

  it("GIVEN no PUBLIC_URL THEN /deadlines subscribe says so politely and points to /deadlines ics", async () => {
    const other = await testApp();
    try {
      const r = await other.as("India", "/deadlines subscribe");
      expect(r.status).toBe("error");
      expect(r.summary).toMatch(/PUBLIC_URL[\s\S]*\/deadlines ics/);
    } finally {
      await other.close();
    }
  });
});
