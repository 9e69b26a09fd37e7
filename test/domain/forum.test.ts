/** What the forum description gives the rest of the desk (src/domain/forum.ts, src/domain/types.ts). */
import { describe, expect, it } from "vitest";
import { bodyCodes, forumTerms } from "../../src/domain/forum.ts";
import { COMMENT_KINDS } from "../../src/domain/types.ts";
import { CICA } from "../helpers/forum.ts";

describe("the forum's bodies and terms", () => {
  it("GIVEN CICA THEN its bodies are the MC, SOC, SWG, Secretariat and Chairmanship, whose symbols head documents", () => {
    expect(bodyCodes(CICA)).toEqual(["MC", "SOC", "SWG", "SEC", "CHAIR"]);
  });
  it("GIVEN a language THEN the messages are filled with the forum's acronym, modalities document and wording in it", () => {
    expect(forumTerms(CICA, "en")).toMatchObject({ forum: "CICA", modalitiesDocument: "MC/2023/DRAFT/4", measure: "CBM", decider: "SOC" });
    expect(forumTerms(CICA, "ru")).toMatchObject({ forum: "СВМДА", modalitiesDocument: "MC/2023/DRAFT/4", measure: "МД" });
  });
});

describe("comments", () => {
  it("GIVEN a comment THEN it is a general remark, a drafting proposal or a question (DOMAIN.md, Positions)", () => {
    expect(COMMENT_KINDS).toEqual(["general", "drafting", "question"]);
  });
});
