/**
 * Slack as a platform of the bot (src/platforms.ts): its variables, when it runs, and how it starts.
 * Bolt is imported only when Slack starts.
 */
import { z } from "zod";
import { opt } from "../../core/env.ts";
import type { CheckedEnv, PlatformModule } from "../../core/platform-module.ts";

/** Where each Slack secret is found, so a refusal can say what to set. */
const WHERE = {
  SLACK_BOT_TOKEN: "the Bot User OAuth Token (xoxb-…) from OAuth & Permissions",
  SLACK_SIGNING_SECRET: "the Signing Secret from Basic Information",
  SLACK_APP_TOKEN: "an app-level token (xapp-…, scope connections:write) from Basic Information → App-Level Tokens",
} as const;

const env = {
  SLACK_BOT_TOKEN: opt(z.string().startsWith("xoxb-", `SLACK_BOT_TOKEN must be ${WHERE.SLACK_BOT_TOKEN}`)),
  SLACK_SIGNING_SECRET: opt(z.string()),
  SLACK_APP_TOKEN: opt(z.string().startsWith("xapp-", `SLACK_APP_TOKEN must be ${WHERE.SLACK_APP_TOKEN}`)),
  /** http (POST /slack/events) or socket (Socket Mode); unset: socket when SLACK_APP_TOKEN is set. */
  SLACK_MODE: opt(z.enum(["http", "socket"], "SLACK_MODE must be http or socket")),
  SLACK_API_URL: opt(z.url("SLACK_API_URL must be a URL, e.g. http://127.0.0.1:4000/api/")),
};
const slackEnv = z.object(env);
type SlackEnv = z.infer<typeof slackEnv>;
const read = (e: CheckedEnv): SlackEnv => slackEnv.parse(e);

type SlackMode = "http" | "socket";
const slackMode = (e: SlackEnv): SlackMode | undefined => (!e.SLACK_BOT_TOKEN ? undefined : (e.SLACK_MODE ?? (e.SLACK_APP_TOKEN ? "socket" : "http")));

export const slack: PlatformModule = {
  name: "slack",
  exampleUserId: "U024BE7LH",
  env,
  where: WHERE,
  checkEnv(raw, need) {
    const e = read(raw);
    const set = (["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_MODE"] as const).filter((k) => e[k] !== undefined);
    if (!set.length) return;
    const socket = e.SLACK_MODE ? e.SLACK_MODE === "socket" : !!e.SLACK_APP_TOKEN;
    const others = `or unset ${set.join(", ")} to run without Slack`;
    if (!e.SLACK_BOT_TOKEN) need("SLACK_BOT_TOKEN", `${set.join(", ")} ${set.length > 1 ? "are" : "is"}`, others);
    else if (socket && !e.SLACK_APP_TOKEN) need("SLACK_APP_TOKEN", "SLACK_MODE=socket", "or set SLACK_MODE=http (needs SLACK_SIGNING_SECRET and a public URL)");
    else if (!socket && !e.SLACK_SIGNING_SECRET)
      need("SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN is (HTTP mode)", "or set SLACK_APP_TOKEN for Socket Mode, or unset SLACK_BOT_TOKEN to run without Slack");
  },
  configured: (raw) => slackMode(read(raw)) !== undefined,
  preload: () => import("./index.ts"),
  async start(o) {
    const e = read(o.env);
    const { startSlack } = await import("./index.ts");
    const s = await startSlack({
      desk: o.desk, log: o.log, botToken: e.SLACK_BOT_TOKEN!, signingSecret: e.SLACK_SIGNING_SECRET ?? "", apiUrl: e.SLACK_API_URL,
      ...(slackMode(e) === "socket" ? { appToken: e.SLACK_APP_TOKEN } : { http: o.http }), port: o.port, host: o.host, inbox: o.inbox,
    });
    return { chat: s, followUp: s.followUp, ready: () => s.connected(), info: { port: s.port } };
  },
  async poster(o) {
    const e = read(o.env);
    const { startSlack } = await import("./index.ts");
    // A loopback ephemeral port, so a running bot's port stays free.
    return startSlack({ desk: o.desk, log: o.log, botToken: e.SLACK_BOT_TOKEN!, signingSecret: e.SLACK_SIGNING_SECRET ?? "unused: only posting", apiUrl: e.SLACK_API_URL, port: 0, host: "127.0.0.1" });
  },
};
