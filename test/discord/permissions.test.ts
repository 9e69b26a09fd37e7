/** Who may do what on Discord: identity table, channel link, guild role mapped by the Secretariat, refusals. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { harness, type Harness } from "./harness.ts";

const ROLE = "1200000000000000001";
const SEC = { userId: "D-SEC" };

describe("discord: identity and permissions", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness({ roles: [ROLE] });
    await h.link("D-SEC", "secretariat");
    await h.link("D-IND", "India");
    await h.link("D-TKM", "Turkmenistan");
  });
  afterAll(() => h.close());

  it("GIVEN an unknown user THEN one clear, private message says how to get linked, with their Discord id", async () => {
    const r = await h.command("drafts", {}, { userId: "D-STRANGER" });
    expect(r.text).toMatch(/not linked to a delegation/);
    expect(r.text).toMatch(/\/link user discord:D-STRANGER <your state>/);
    expect(r.ephemeral).toBe(true);
  });

  it("GIVEN the Secretariat maps a guild role to Kazakhstan WHEN an unlinked member holding it comments THEN the comment is Kazakhstan's", async () => {
    const before = await h.command("comment", { document: "MC/2023/DRAFT/4", text: "Role test" }, { userId: "D-ROLE", roles: [ROLE] });
    expect(before.text).toMatch(/not linked/);
    const link = await h.command("link", { what: "role", ref: `discord:${ROLE}`, who: "Kazakhstan" }, SEC);
    expect(link.text).toMatch(/Linked role/);
    const r = await h.command("comment", { document: "MC/2023/DRAFT/4", text: "Role test" }, { userId: "D-ROLE", roles: [ROLE] });
    expect(r.text).toMatch(/Comment #\d+ filed for Kazakhstan on MC\/2023\/DRAFT\/4/);
  });

  it("GIVEN a channel linked to Israel WHEN an unlinked user acts there THEN it acts for Israel; elsewhere it is not linked", async () => {
    const channel = "1300000000000000001";
    await h.command("link", { what: "channel", ref: `discord:${channel}`, who: "Israel" }, SEC);
    const r = await h.command("withdraw", {}, { userId: "D-CHAN", channelId: channel });
    expect(r.text).toMatch(/Open positions of Israel/);
    const elsewhere = await h.command("withdraw", {}, { userId: "D-CHAN" });
    expect(elsewhere.text).toMatch(/not linked/);
  });

  it("GIVEN a linked user in a direct message THEN the identity table still applies", async () => {
    const r = await h.command("withdraw", {}, { userId: "D-IND", dm: true });
    expect(r.text).toMatch(/Open positions of India/);
  });

  it("GIVEN a delegate WHEN it uses Secretariat and Chair commands THEN it is refused and told who can", async () => {
    const link = await h.command("link", { what: "user", ref: "discord:X", who: "India" }, { userId: "D-IND" });
    expect(link.text).toMatch(/only the Secretariat can do that/);
    const digest = await h.command("digest", {}, { userId: "D-IND" });
    expect(digest.text).toMatch(/only the Chair, Secretariat can do that/);
  });

  it("GIVEN an observer THEN restricted drafts are hidden and it cannot object, and it gets no modal for it", async () => {
    const list = await h.command("drafts", {}, { userId: "D-TKM" });
    expect(list.text).not.toMatch(/MC\/2023\/DRAFT\/4/);
    const obj = await h.command("object", { target: "SWG/2023-II/INF/2" }, { userId: "D-TKM" });
    expect(obj.kind).toBe("message");
    expect(obj.text).toMatch(/only the delegates of Member States can do that/);
  });
});
