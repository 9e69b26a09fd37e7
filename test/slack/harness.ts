/**
 * One Slack test world: a fresh seeded database, the fake Web API, and the real Bolt app listening on an
 * ephemeral port. Commands go in as signed HTTP requests; answers are read from what the fake recorded.
 */
import { randomUUID } from "node:crypto";
import { testApp, type TestApp, type TestAppOptions } from "../helpers/app.ts";
import { startFakeSlack, type FakeSlack } from "../fakes/slack-api.ts";
import { sendCommand, sendEvent, sendInteraction, triggerId, type SendOptions, type SignedResponse } from "../fakes/slack-client.ts";
import { startSlack, type SlackPlatform } from "../../src/adapters/slack/index.ts";
import type { Desk } from "../../src/core/desk.ts";
import type { Inbox } from "../../src/core/inbox.ts";
import { createLogger } from "../../src/log.ts";

export const SECRET = "test-signing-secret";

export type SlackWorld = {
  app: TestApp;
  fake: FakeSlack;
  slack: SlackPlatform;
  eventsUrl: string;
  /** Waits the adapter asked for between retries (nothing really sleeps). */
  sleeps: number[];
  logs: string[];
  link: (userId: string, who: string) => Promise<void>;
  /** Sends "/cmd text" as a user; returns the HTTP ack and the ids to find the answer by. */
  command: (userId: string, line: string, o?: SendOptions & { channelId?: string; triggerId?: string; responseId?: string }) => Promise<{ ack: SignedResponse; responseId: string; triggerId: string }>;
  /** The first response_url post for `responseId` (waits for it). */
  answer: (responseId: string) => Promise<Record<string, any>>;
  click: (userId: string, message: Record<string, any>, actionId: string, o?: { channelId?: string; responseId?: string; view?: Record<string, unknown> }) => Promise<{ ack: SignedResponse; responseId: string }>;
  submit: (userId: string, view: Record<string, any>, values: Record<string, string>) => Promise<SignedResponse>;
  event: (event: Record<string, unknown>, o?: SendOptions) => Promise<SignedResponse>;
  close: () => Promise<void>;
};

export async function slackWorld(o: { wrapDesk?: (d: Desk) => Desk; viewAckBudgetMs?: number; app?: TestAppOptions; inbox?: Inbox } = {}): Promise<SlackWorld> {
  const app = await testApp(o.app);
  const fake = await startFakeSlack();
  const sleeps: number[] = [];
  const logs: string[] = [];
  const desk = o.wrapDesk ? o.wrapDesk(app.desk) : app.desk;
  const slack = await startSlack({
    desk, log: createLogger("warn", (l) => logs.push(l)), botToken: "xoxb-test", signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0, host: "127.0.0.1",
    retry: { sleep: async (ms) => { sleeps.push(ms); } }, viewAckBudgetMs: o.viewAckBudgetMs, inbox: o.inbox,
  });
  const eventsUrl = `http://127.0.0.1:${slack.port}/slack/events`;

  const w: SlackWorld = {
    app, fake, slack, eventsUrl, sleeps, logs,
    link: async (userId, who) => {
      const r = await app.as("secretariat", `/link user slack:${userId} ${who}`);
      if (r.status !== "ok") throw new Error(`link failed: ${r.summary}`);
    },
    async command(userId, line, c = {}) {
      const m = /^(\/\S+)\s*([\s\S]*)$/.exec(line)!;
      const responseId = c.responseId ?? randomUUID();
      const trigger = c.triggerId ?? triggerId();
      const ack = await sendCommand(eventsUrl, SECRET, { command: m[1]!, text: m[2]!, user_id: userId, channel_id: c.channelId, trigger_id: trigger, response_url: fake.responseUrl(responseId) }, c);
      return { ack, responseId, triggerId: trigger };
    },
    answer: async (id) => (await fake.waitFor(() => fake.responsesTo(id)[0])).body,
    async click(userId, message, actionId, c = {}) {
      const button = (message.blocks as any[]).flatMap((b) => (b.type === "actions" ? b.elements : [])).find((e: any) => e.action_id === actionId);
      if (!button) throw new Error(`no button ${actionId} in ${JSON.stringify(message.blocks)}`);
      const responseId = c.responseId ?? randomUUID();
      const payload: Record<string, unknown> = {
        type: "block_actions", team: { id: "T0FAKE", domain: "fake" }, user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: "T0FAKE" },
        api_app_id: "A0DESK", token: "legacy", trigger_id: triggerId(),
        actions: [{ type: "button", action_id: actionId, block_id: "b1", text: button.text, value: button.value, action_ts: `${Date.now() / 1000}` }],
      };
      if (c.view) payload.view = c.view;
      else {
        payload.channel = { id: c.channelId ?? "C0GENERAL", name: "general" };
        payload.container = { type: "message", message_ts: "1.1", channel_id: c.channelId ?? "C0GENERAL", is_ephemeral: true };
        payload.response_url = fake.responseUrl(responseId);
      }
      const ack = await sendInteraction(eventsUrl, SECRET, payload);
      return { ack, responseId };
    },
    submit(userId, view, values) {
      const state: Record<string, Record<string, unknown>> = {};
      for (const b of view.blocks as any[]) {
        if (b.type !== "input") continue;
        const v = values[b.block_id];
        // A file input's value is the id of a file the fake holds (FakeSlack.addFile), as Slack sends after an upload.
        state[b.block_id] = {
          v: b.element.type === "static_select" ? { type: "static_select", selected_option: v ? { value: v } : null }
            : b.element.type === "file_input" ? { type: "file_input", files: v ? [{ id: v, name: "upload" }] : [] }
            : { type: "plain_text_input", value: v ?? null },
        };
      }
      return sendInteraction(eventsUrl, SECRET, {
        type: "view_submission", team: { id: "T0FAKE", domain: "fake" }, user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: "T0FAKE" },
        api_app_id: "A0DESK", token: "legacy", trigger_id: triggerId(),
        view: { ...view, id: view.id ?? "V0FORM", team_id: "T0FAKE", state: { values: state }, hash: "h1" },
      });
    },
    event: (event, c) => sendEvent(eventsUrl, SECRET, event, c),
    async close() {
      await slack.stop();
      await fake.close();
      await app.close();
    },
  };
  return w;
}

/** Everything a user reads in a Slack message or view, unescaped, as plain text. */
export function textOf(payload: unknown): string {
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") {
      for (const [k, v] of Object.entries(x)) {
        if (k === "text" && typeof v === "string") out.push(v);
        else if (k !== "value" && k !== "private_metadata") walk(v);
      }
    }
  };
  walk(payload);
  return out.join("\n").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/\u2060/g, "");
}

/** Sends a command and returns its response_url answer and that answer's text. */
export async function ask(w: SlackWorld, userId: string, line: string, o: SendOptions & { channelId?: string; triggerId?: string } = {}) {
  const sent = await w.command(userId, line, o);
  if (sent.ack.status !== 200) throw new Error(`ack ${sent.ack.status}`);
  const message = await w.answer(sent.responseId);
  return { ...sent, message, text: textOf(message) };
}
