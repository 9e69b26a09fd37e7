/**
 * The adapter contract: the same behaviour through every platform. Each adapter's test file calls
 * `adapterContract(makeDriver)` with a driver that sends commands the way its platform does
 * (console line, signed Slack request through Bolt, Discord interaction through discord.js).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contractCase, type ContractCase } from "./forum-case.ts";
import { SEED_NOW } from "../helpers/app.ts";

/** The names and symbols come from the forum's data set (default: CICA's), never from this file. */
const CICA_CASE = contractCase("data/cica.yaml", SEED_NOW);
const re = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

export type ContractReply = {
  /** Everything the user sees, as plain text. */
  text: string;
  ephemeral: boolean;
  /** True when the platform payload could not ping @everyone/@here/channel/users/roles. */
  pingSafe: boolean;
};

export type ContractDriver = {
  name: string;
  /** Links a platform user to a state (name or code), "chair" or "secretariat", directly in the database. */
  link: (userId: string, who: string) => Promise<void>;
  /** Sends a command line exactly as typed ("/comment MC/2023/DRAFT/4 para 1.10 …"). */
  send: (userId: string, line: string) => Promise<ContractReply>;
  /** Reads the stored rows, to check that what was reported done is durable. */
  count: (table: "comment" | "position") => Promise<number>;
  close: () => Promise<void>;
};

export function adapterContract(make: () => Promise<ContractDriver>, c: ContractCase = CICA_CASE) {
  describe("adapter contract", () => {
    let d: ContractDriver;
    beforeEach(async () => {
      d = await make();
      await d.link("U-IND", c.delegate.name);
      await d.link("U-ISR", c.blocker.name);
      await d.link("U-CHAIR", "chair");
      await d.link("U-TKM", c.observer.name);
    });
    afterEach(async () => {
      await d.close();
    });

    it("GIVEN an unlinked user THEN one clear message says how to get linked", async () => {
      const r = await d.send("U-NOBODY", "/drafts");
      expect(r.text).toMatch(/not linked to a delegation/);
      expect(r.text).toMatch(/\/link user \w+:U-NOBODY/);
      expect(r.ephemeral).toBe(true);
    });

    it("GIVEN a delegation WHEN it comments on a bracketed paragraph THEN the reply names the comment and it is stored", async () => {
      const before = await d.count("comment");
      const r = await d.send("U-IND", `/comment ${c.draft} para ${c.para} kind drafting Replace two with three years`);
      expect(r.text).toMatch(new RegExp(`Comment #\\d+ filed for ${re(c.delegate.name)} on ${re(c.draft)} para ${re(c.para)} \\(drafting proposal\\)`));
      expect(r.ephemeral).toBe(true);
      expect(await d.count("comment")).toBe(before + 1);
    });

    it("GIVEN text with @everyone, @here and <!channel> WHEN echoed THEN nobody is pinged", async () => {
      const r = await d.send("U-IND", `/comment ${c.draft} para ${c.para} @everyone @here <!channel> <!here> <@U123> please look`);
      expect(r.text).toContain("please look");
      expect(r.pingSafe).toBe(true);
    });

    it("GIVEN a delegate WHEN it asks for the digest THEN it is politely refused and told who can", async () => {
      const r = await d.send("U-IND", "/digest");
      expect(r.text).toMatch(/only the Chair, Secretariat can do that/);
      expect(r.ephemeral).toBe(true);
    });

    it("GIVEN the Chair WHEN it previews the digest THEN it lists what is blocked and by whom", async () => {
      const r = await d.send("U-CHAIR", "/digest");
      expect(r.text).toMatch(/Still blocked/);
      expect(r.text).toMatch(new RegExp(`${re(c.draft)} — ${re(c.blocker.name)} \\(${re(c.blocker.stance)}`));
    });

    it("GIVEN bad input THEN the reply gives the correct usage and no stack trace", async () => {
      const r = await d.send("U-IND", "/comment");
      expect(r.text).toMatch(/\/comment <document>/);
      expect(r.text).not.toMatch(/at \w+ \(|Error:/);
    });

    it("GIVEN an observer WHEN it lists drafts THEN restricted drafts are not shown", async () => {
      const r = await d.send("U-TKM", "/drafts");
      expect(r.text).not.toContain(c.draft);
      expect(r.text).toContain(c.publicDoc);
    });

    it("GIVEN one delegation WHEN it tries to withdraw another's position THEN it is refused", async () => {
      await d.send("U-IND", `/object ${c.draft} para ${c.para} as objection Not acceptable`);
      const listed = await d.send("U-IND", "/withdraw");
      const id = /#(\d+)/.exec(listed.text)?.[1];
      expect(id).toBeDefined();
      const r = await d.send("U-ISR", `/withdraw ${id}`);
      expect(r.text).toMatch(/belongs to another delegation/);
    });

    it("GIVEN a Russian-speaking user THEN replies come in Russian", async () => {
      await d.send("U-IND", "/lang ru");
      const r = await d.send("U-IND", `/coordinators ${c.area.query}`);
      expect(r.text).toMatch(/Координатор/);
      expect(r.text).toContain(c.area.coordinatorRu);
    });
  });
}
