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

/**
 * The facts of a data set the contract relies on, so the same suite can run on another forum's data
 * (a fixture with its own states, drafts and areas): pass its ContractData as the second argument.
 */
export type ContractData = {
  /** A Member State, another one, and an observer, by name. */
  member: string;
  other: string;
  observer: string;
  /** A draft the member comments on, and one of its paragraphs; the comment's kind as typed and as shown. */
  draft: string;
  para: string;
  /** A paragraph of another draft to object to / comment on with pings. */
  objectTo: string;
  /** In the Chair's digest preview: a line saying what is blocked and by whom. */
  blocked: RegExp;
  /** A document restricted from observers, and one they see. */
  restricted: RegExp;
  unrestricted: RegExp;
  /** An area whose coordinators answer in Russian with these words. */
  area: string;
  russian: RegExp[];
};

/** The seed data of CICA (data/cica.yaml) as of the seeds' "today". */
export const CICA_CONTRACT: ContractData = {
  member: "India",
  other: "Israel",
  observer: "Turkmenistan",
  draft: "MC/2023/DRAFT/4",
  para: "1.10",
  objectTo: "DRAFT/5 para 11",
  blocked: /MC\/2023\/DRAFT\/4 — Israel \(reservation/,
  restricted: /MC\/2023\/DRAFT\/4/,
  unrestricted: /SWG\/2023-II\/INF\/2/,
  area: "ICT",
  russian: [/Координатор/, /Российская Федерация/],
};

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

export function adapterContract(make: () => Promise<ContractDriver>, data: ContractData = CICA_CONTRACT) {
  describe("adapter contract", () => {
    let d: ContractDriver;
    beforeEach(async () => {
      d = await make();
      await d.link("U-IND", data.member);
      await d.link("U-ISR", data.other);
      await d.link("U-CHAIR", "chair");
      await d.link("U-TKM", data.observer);
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

    it("GIVEN a delegate WHEN it comments on a paragraph THEN the reply names the comment and it is stored", async () => {
      const before = await d.count("comment");
      const r = await d.send("U-IND", `/comment ${data.draft} para ${data.para} kind drafting Replace two with three years`);
      expect(r.text).toMatch(new RegExp(`Comment #\\d+ filed for ${esc(data.member)} on ${esc(data.draft)} para ${esc(data.para)} \\(drafting proposal\\)`));
      expect(r.ephemeral).toBe(true);
      expect(await d.count("comment")).toBe(before + 1);
    });

    it("GIVEN text with @everyone, @here and <!channel> WHEN echoed THEN nobody is pinged", async () => {
      const r = await d.send("U-IND", `/comment ${data.objectTo} @everyone @here <!channel> <!here> <@U123> please look`);
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
      expect(r.text).toMatch(data.blocked);
    });

    it("GIVEN bad input THEN the reply gives the correct usage and no stack trace", async () => {
      const r = await d.send("U-IND", "/comment");
      expect(r.text).toMatch(/\/comment <document>/);
      expect(r.text).not.toMatch(/at \w+ \(|Error:/);
    });

    it("GIVEN an observer WHEN it lists drafts THEN restricted drafts are not shown", async () => {
      const r = await d.send("U-TKM", "/drafts");
      expect(r.text).not.toMatch(data.restricted);
      expect(r.text).toMatch(data.unrestricted);
    });

    it("GIVEN one delegation WHEN it tries to withdraw another's position THEN it is refused", async () => {
      await d.send("U-IND", `/object ${data.objectTo} as objection Not acceptable`);
      const listed = await d.send("U-IND", "/withdraw");
      const id = /#(\d+)/.exec(listed.text)?.[1];
      expect(id).toBeDefined();
      const r = await d.send("U-ISR", `/withdraw ${id}`);
      expect(r.text).toMatch(/belongs to another delegation/);
    });

    it("GIVEN a Russian-speaking user THEN replies come in Russian", async () => {
      await d.send("U-IND", "/lang ru");
      const r = await d.send("U-IND", `/coordinators ${data.area}`);
      for (const w of data.russian) expect(r.text).toMatch(w);
    });
  });
}
