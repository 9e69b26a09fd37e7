/** Boots the real discord.js client against the fake Discord, over a fresh copy of the seeded database. */
import { startFakeDiscord, type Actor, type FakeDiscord, type Recorded } from "../fakes/discord.ts";
import { testApp, type TestApp, type TestAppOptions } from "../helpers/app.ts";
import { createDiscord, type DiscordHandle, type DiscordOptions } from "../../src/adapters/discord/index.ts";
import { silentLogger } from "../../src/log.ts";
import type { Desk } from "../../src/core/desk.ts";

export type Shown = {
  kind: "message" | "modal" | "choices" | "update";
  /** The body of the final visible answer (reply data, edit or update). */
  body: any;
  text: string;
  ephemeral: boolean;
  deferred: boolean;
  responses: Recorded[];
};

/** What a person reads in Discord: markdown escapes and our own markup removed. */
export function visible(body: any): string {
  if (!body) return "";
  const parts: string[] = [];
  if (body.content) parts.push(body.content);
  for (const e of body.embeds ?? []) {
    if (e.title) parts.push(e.title);
    if (e.description) parts.push(e.description);
    for (const f of e.fields ?? []) parts.push(`${f.name}: ${f.value}`);
    if (e.footer?.text) parts.push(e.footer.text);
  }
  const labels = (body.components ?? []).flatMap((r: any) => r.components.map((c: any) => c.label)).filter(Boolean);
  if (labels.length) parts.push(`[${labels.join("] [")}]`);
  return parts.join("\n").replace(/\*\*/g, "").replace(/^-# /gm, "").replace(/\\([^\w\s])/g, "$1");
}

export function shown(responses: Recorded[]): Shown {
  const first = responses[0]!.body;
  const deferred = first.type === 5 || first.type === 6;
  const last = deferred ? responses[1]!.body : first.data;
  const kind = first.type === 9 ? "modal" : first.type === 8 ? "choices" : first.type === 7 ? "update" : "message";
  const flags = deferred ? first.data?.flags ?? 0 : first.data?.flags ?? 0;
  return { kind, body: last, text: kind === "message" || kind === "update" ? visible(last) : "", ephemeral: (flags & 64) === 64, deferred, responses };
}

export type Harness = {
  app: TestApp;
  fake: FakeDiscord;
  discord: DiscordHandle;
  /** Runs a slash command as `as` and returns what the user finally sees. */
  command: (name: string, options: Record<string, string | number | boolean>, as: Actor) => Promise<Shown>;
  autocomplete: (name: string, options: Record<string, string | number>, focused: string, as: Actor) => Promise<{ name: string; value: string | number }[]>;
  button: (customId: string, as: Actor) => Promise<Shown>;
  submit: (modal: any, values: Record<string, string>, as: Actor) => Promise<Shown>;
  /** Links a Discord user to a state, "chair" or "secretariat" the way the Secretariat does. */
  link: (userId: string, who: string) => Promise<void>;
  close: () => Promise<void>;
};

export async function harness(o: { roles?: string[]; deskWrap?: (d: Desk) => Desk; options?: Partial<DiscordOptions>; responseWindowMs?: number; app?: TestAppOptions } = {}): Promise<Harness> {
  const app = await testApp(o.app);
  const fake = await startFakeDiscord({ roles: o.roles, responseWindowMs: o.responseWindowMs });
  const desk = o.deskWrap ? o.deskWrap(app.desk) : app.desk;
  const discord = createDiscord({ desk, log: silentLogger, token: "test-token", applicationId: fake.appId, apiUrl: fake.api, retry: { sleep: async () => {} }, ...o.options });
  await discord.login();
  const settle = async (id: string) => shown(await fake.settled(id));
  return {
    app, fake, discord,
    command: (name, options, as) => settle(fake.command(name, options, as)),
    async autocomplete(name, options, focused, as) {
      const r = await fake.settled(fake.autocomplete(name, options, focused, as));
      return r[0]!.body.data.choices;
    },
    button: (customId, as) => settle(fake.button(customId, as)),
    submit: (modal, values, as) => settle(fake.submitModal(modal, values, as)),
    async link(userId, who) {
      const r = await app.as("secretariat", `/link user discord:${userId} ${who}`);
      if (r.status !== "ok" && r.status !== "info") throw new Error(`link failed: ${r.summary}`);
    },
    async close() {
      await discord.destroy();
      await fake.close();
      await app.close();
    },
  };
}
