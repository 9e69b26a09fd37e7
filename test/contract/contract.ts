/**
 * The adapter contract: the same behaviour through every platform. Each adapter's test file calls
 * `adapterContract(makeDriver)` with a driver that sends commands the way its platform does
 * (console line, signed Slack request through Bolt, Discord interaction through discord.js).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";

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

export function adapterContract(make: () => Promise<ContractDriver>) {
  describe("adapter contract", () => {
    let d: ContractDriver;
    beforeEach(async () => {
      d = await make();
      await d.link("U-IND", "India");
      await d.link("U-ISR", "Israel");
      await d.link("U-CHAIR", "chair");
      await d.link("U-TKM", "Turkmenistan");
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

    it("GIVEN India WHEN it comments on para 1.10 THEN the reply names the comment and it is stored", async () => {
      const before = await d.count("comment");
      const r = await d.send("U-IND", "/comment MC/2023/DRAFT/4 para 1.10 kind drafting Replace two with three years");
      expect(r.text).toMatch(/Comment #\d+ filed for India on MC\/2023\/DRAFT\/4 para 1\.10 \(drafting proposal\)/);
      expect(r.ephemeral).toBe(true);
      expect(await d.count("comment")).toBe(before + 1);
    });

    it("GIVEN text with @everyone, @here and <!channel> WHEN echoed THEN nobody is pinged", async () => {
      const r = await d.send("U-IND", "/comment DRAFT/5 para 11 @everyone @here <!channel> <!here> <@U123> please look");
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
      expect(r.text).toMatch(/MC\/2023\/DRAFT\/4 — Israel \(reservation/);
    });

    it("GIVEN bad input THEN the reply gives the correct usage and no stack trace", async () => {
      const r = await d.send("U-IND", "/comment");
      expect(r.text).toMatch(/\/comment <document>/);
      expect(r.text).not.toMatch(/at \w+ \(|Error:/);
    });

    it("GIVEN an observer WHEN it lists drafts THEN restricted drafts are not shown", async () => {
      const r = await d.send("U-TKM", "/drafts");
      expect(r.text).not.toMatch(/MC\/2023\/DRAFT\/4/);
      expect(r.text).toMatch(/SWG\/2023-II\/INF\/2/);
    });

    it("GIVEN Israel WHEN it tries to withdraw India's position THEN it is refused", async () => {
      await d.send("U-IND", "/object DRAFT/5 para 11 as objection Not acceptable");
      const listed = await d.send("U-IND", "/withdraw");
      const id = /#(\d+)/.exec(listed.text)?.[1];
      expect(id).toBeDefined();
      const r = await d.send("U-ISR", `/withdraw ${id}`);
      expect(r.text).toMatch(/belongs to another delegation/);
    });

    it("GIVEN a Russian-speaking user THEN replies come in Russian", async () => {
      await d.send("U-IND", "/lang ru");
      const r = await d.send("U-IND", "/coordinators ICT");
      expect(r.text).toMatch(/Координатор/);
      expect(r.text).toMatch(/Российская Федерация/);
    });
  });
}
