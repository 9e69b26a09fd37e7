/**
 * Issue 15: one identity read per Slack command, through real Bolt — for a linked delegate and for
 * someone not linked at all (who still needs a language for the refusal). Counted at the repository.
 */
import { afterEach, describe, expect, it } from "vitest";
import { slackWorld, textOf, type SlackWorld } from "./harness.ts";

describe("identity reads per Slack command", () => {
  let w: SlackWorld;
  afterEach(async () => { await w.close(); });

  async function reads(w: SlackWorld, userId: string, line: string): Promise<{ n: number; text: string }> {
    const ids = w.app.repos.identities;
    const real = ids.find;
    let n = 0;
    ids.find = (platform, user) => { n++; return real(platform, user); };
    try {
      const { ack, responseId } = await w.command(userId, line);
      expect(ack.status).toBe(200);
      const text = textOf(await w.answer(responseId));
      return { n, text };
    } finally {
      ids.find = real;
    }
  }

  it("GIVEN a linked delegate and an unlinked user WHEN each sends a command THEN each command reads the identity table once", async () => {
    w = await slackWorld();
    await w.link("UIND", "India");
    const linked = await reads(w, "UIND", "/coordinators ICT");
    expect(linked.text).toMatch(/Russian Federation/);
    expect(linked.n).toBe(1);
    const stranger = await reads(w, "UNOBODY", "/object DRAFT/5 para 11 as objection No");
    expect(stranger.text).toMatch(/not linked|link/i);
    expect(stranger.n).toBe(1);
  });
});
