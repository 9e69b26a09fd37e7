/** Issue 9 items 4 and 9, and the Slack locale, through real Bolt against the fake Web API. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ask, SECRET, slackWorld, textOf, type SlackWorld } from "../slack/harness.ts";
import { sendInteraction, triggerId } from "../fakes/slack-client.ts";
import { isPingSafe } from "../../src/adapters/slack/escape.ts";

let w: SlackWorld;
beforeEach(async () => {
  w = await slackWorld();
  await w.link("UIND", "India");
});
afterEach(async () => { await w.close(); });

async function openForm(userId: string, line: string) {
  const sent = await w.command(userId, line);
  const call = await w.fake.waitFor(() => w.fake.callsOf("views.open").find((c) => c.args.trigger_id === sent.triggerId));
  return { ...sent, view: call.args.view };
}

const user = (id: string) => ({ id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: "T0FAKE" });

describe("item 4: form errors carry no live mention tokens", () => {
  it("GIVEN a form field '@everyone <!channel> <@U123>' WHEN the error comes back in the form THEN nothing in it can ping", async () => {
    const { view } = await openForm("UIND", "/comment");
    const r = await w.submit("UIND", view, { document: "@everyone <!channel> <!here> <@U123> <https://evil|x>", text: "hello" });
    expect(r.json.response_action).toBe("errors");
    expect(JSON.stringify(r.json.errors)).toMatch(/everyone/);
    expect(isPingSafe(r.json)).toBe(true);
    expect(JSON.stringify(r.json)).not.toMatch(/<https:/);
  });
});

describe("item 9: Slack transport edges get a polite, acked answer", () => {
  it("GIVEN a button this app did not make THEN it is acked and the user is told what to do", async () => {
    const message = { blocks: [{ type: "actions", elements: [{ type: "button", action_id: "legacy_btn", text: { type: "plain_text", text: "Old" }, value: "x" }] }] };
    const { ack, responseId } = await w.click("UIND", message, "legacy_btn");
    expect(ack.status).toBe(200);
    expect(textOf(await w.answer(responseId))).toMatch(/no longer supported/);
  });

  it("GIVEN a view submission with a foreign callback THEN it is acked with a message in the form", async () => {
    const r = await sendInteraction(w.eventsUrl, SECRET, {
      type: "view_submission", team: { id: "T0FAKE" }, user: user("UIND"), api_app_id: "A0DESK", trigger_id: triggerId(),
      view: { id: "V9", type: "modal", callback_id: "someone_else", private_metadata: "", state: { values: { f1: { v: { type: "plain_text_input", value: "x" } } } }, blocks: [] },
    });
    expect(r.status).toBe(200);
    expect(r.json.response_action).toBe("errors");
    expect(r.json.errors.f1).toMatch(/no longer supported/);
  });

  it("GIVEN our form submitted with an empty state THEN it is acked without an empty error map and the user gets the usage", async () => {
    const { view, responseId } = await openForm("UIND", "/comment");
    const r = await sendInteraction(w.eventsUrl, SECRET, {
      type: "view_submission", team: { id: "T0FAKE" }, user: user("UIND"), api_app_id: "A0DESK", trigger_id: triggerId(),
      view: { ...view, id: "V0FORM", state: { values: {} } },
    });
    expect(r.status).toBe(200);
    expect(r.json?.errors).toBeUndefined();
    expect(textOf(await w.answer(responseId))).toMatch(/Type: \/comment/);
  });

  it("GIVEN block_actions with a null user THEN the answer is not HTTP 500", async () => {
    const r = await sendInteraction(w.eventsUrl, SECRET, {
      type: "block_actions", team: { id: "T0FAKE" }, user: null, api_app_id: "A0DESK", trigger_id: triggerId(),
      actions: [{ type: "button", action_id: "dd_run_0", block_id: "b1", value: JSON.stringify({ k: "run", c: "help", t: "" }), action_ts: "1.1" }],
    });
    expect(r.status).toBe(200);
  });
});

describe("language on Slack", () => {
  it("GIVEN a Russian Slack locale and no /lang THEN replies are Russian; /lang en overrides; the locale is asked once", async () => {
    w.fake.locales.set("URU", "ru-RU");
    await w.link("URU", "Kazakhstan");
    expect((await ask(w, "URU", "/coordinators ICT")).text).toMatch(/Российская Федерация/);
    await ask(w, "URU", "/lang en");
    expect((await ask(w, "URU", "/coordinators ICT")).text).toMatch(/Russian Federation/);
    expect(w.fake.callsOf("users.info").filter((c) => c.args.user === "URU")).toHaveLength(1);
  });

  it("GIVEN an unlinked user with a Russian locale THEN the not-linked answer is Russian", async () => {
    w.fake.locales.set("UNEW", "ru-RU");
    expect((await ask(w, "UNEW", "/comment DRAFT/4 text")).text).toMatch(/[а-я]{4}/);
  });

  it("GIVEN /lang typed in a channel linked to a state by an unlinked user THEN no identity is created", async () => {
    await w.app.as("secretariat", "/link channel slack:C-ISR Israel");
    await ask(w, "USTRANGER", "/lang ru", { channelId: "C-ISR" });
    expect(await w.app.repos.identities.find("slack", "USTRANGER")).toBeNull();
    expect((await ask(w, "USTRANGER", "/object DRAFT/4 as objection no", { channelId: "C-OTHER" })).text).toMatch(/не привязан|привяж|Секретариат/i);
  });
});
