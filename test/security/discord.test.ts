/** Issue 9 items 2 and 3, Share, pages after a restart and the Discord locale, through real discord.js. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { harness, shown, type Harness } from "../discord/harness.ts";
import { createDiscord } from "../../src/adapters/discord/index.ts";
import { silentLogger } from "../../src/log.ts";
import { decodePage } from "../../src/adapters/discord/components.ts";

const IND = { userId: "D-IND" };
const TKM = { userId: "D-TKM" };
let h: Harness;
beforeEach(async () => {
  h = await harness({ roles: ["R-ISR"] });
  await h.link("D-IND", "India");
  await h.link("D-TKM", "Turkmenistan");
});
afterEach(async () => { await h.close(); });

const navOf = (body: any) => body.components.at(-1).components as any[];
const byLabel = (body: any, label: RegExp) => body.components.flatMap((r: any) => r.components).find((c: any) => label.test(c.label));

describe("item 2: page and Share buttons belong to who asked", () => {
  it("GIVEN India's two-page answer WHEN an observer replays its Next button THEN it is refused and shows nothing of it", async () => {
    const first = await h.command("drafts", { document: "MC/2023/DRAFT/4" }, IND);
    expect(first.text).toMatch(/Page 1 of 2/);
    const next = navOf(first.body)[1].custom_id;
    const stolen = await h.button(next, TKM);
    expect(stolen.text).toMatch(/belongs to someone else/);
    expect(stolen.text).not.toMatch(/Page 2 of 2/);
    expect(stolen.ephemeral).toBe(true);
    expect((await h.button(next, IND)).text).toMatch(/Page 2 of 2/);
  });

  it("GIVEN a page button WHEN the bot restarts (a new client and handler) THEN the next page still comes, to its owner only", async () => {
    const first = await h.command("drafts", { document: "MC/2023/DRAFT/4" }, IND);
    const next = navOf(first.body)[1].custom_id;
    // The buttons' state is written as the answer goes out; the restart comes once it is on disk, as any
    // real restart (seconds later) would.
    const key = decodePage(next)!.key;
    await vi.waitFor(async () => expect(await h.app.desk.repos.components.get(key)).toBeTruthy());
    await h.discord.destroy();
    const again = createDiscord({ desk: h.app.desk, log: silentLogger, token: "test-token", applicationId: h.fake.appId, apiUrl: h.fake.api, retry: { sleep: async () => {} } });
    await again.login();
    try {
      const second = shown(await h.fake.settled(h.fake.button(next, IND)));
      expect(second.kind).toBe("update");
      expect(second.text).toMatch(/Page 2 of 2/);
      expect(shown(await h.fake.settled(h.fake.button(next, TKM))).text).toMatch(/belongs to someone else/);
    } finally {
      await again.destroy();
    }
  });

  it("GIVEN India's answer WHEN India clicks Share THEN the channel gets it, marked as shared; another user's click is refused", async () => {
    const r = await h.command("coordinators", { query: "ICT" }, IND);
    const share = byLabel(r.body, /Share/);
    expect(share).toBeTruthy();
    const refused = await h.button(share.custom_id, TKM);
    expect(refused.ephemeral).toBe(true);
    expect(refused.text).toMatch(/belongs to someone else/);
    const posted = await h.button(share.custom_id, IND);
    expect(posted.kind).toBe("message");
    expect(posted.ephemeral).toBe(false);
    expect(posted.text).toMatch(/Coordinator: Russian Federation/);
    expect(posted.text).toMatch(/Shared by .*\(\/coordinators\)/);
  });

  it("GIVEN a write (a comment) THEN its answer has no Share button", async () => {
    const r = await h.command("comment", { document: "MC/2023/DRAFT/4", text: "Short" }, IND);
    expect(byLabel(r.body, /Share/)).toBeUndefined();
  });
});

describe("item 3: no live masked links in Discord", () => {
  it("GIVEN a comment '[late] [x](https://evil.example)' after a bracket THEN every rendering escapes every bracket", async () => {
    h.app.setNow("2023-09-20T09:00:00+05:00");
    await h.command("comment", { document: "MC/2023/DRAFT/4", para: "1.10", text: "see [a] then [x](https://evil.example) and \\[y\\](https://evil.example)" }, IND);
    const r = await h.command("drafts", { document: "MC/2023/DRAFT/4", para: "1.10" }, IND);
    const raw = JSON.stringify(r.body.embeds);
    expect(raw).toMatch(/evil\.example/);
    // A masked link needs an unescaped "[" … "](": an escaped bracket is preceded by an odd number of backslashes.
    const desc = r.body.embeds.map((e: any) => e.description).join("\n");
    expect(/(^|[^\\])(\\\\)*\[[^\]]*(^|[^\\])(\\\\)*\]\(/.test(desc)).toBe(false);
  });
});

describe("language on Discord", () => {
  it("GIVEN interaction.locale ru and no /lang THEN Russian; /lang en overrides it", async () => {
    const ru = await h.command("coordinators", { query: "ICT" }, { ...IND, locale: "ru" });
    expect(ru.text).toMatch(/Российская Федерация/);
    await h.command("lang", { lang: "en" }, { ...IND, locale: "ru" });
    expect((await h.command("coordinators", { query: "ICT" }, { ...IND, locale: "ru" })).text).toMatch(/Russian Federation/);
  });

  it("GIVEN a member with a role mapped to Israel WHEN they use /lang and lose the role THEN they act for no one", async () => {
    await h.app.as("secretariat", "/link role discord:R-ISR Israel");
    await h.command("lang", { lang: "ru" }, { userId: "D-NEW", roles: ["R-ISR"] });
    expect(await h.app.repos.identities.find("discord", "D-NEW")).toBeNull();
    const r = await h.command("object", { target: "MC/2023/DRAFT/4", stance: "objection", reason: "No" }, { userId: "D-NEW", roles: [] });
    expect(r.text).toMatch(/Секретариат|привязан/i);
    expect(await h.app.db.prisma.position.count({ where: { userId: "D-NEW" } })).toBe(0);
  });
});
