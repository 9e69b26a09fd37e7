// The floor: a bare Bolt app that only acks, in its own Node process like the bot, driven the same way.
// Plain JavaScript (no tsx, no build) so it costs nothing the bot does not. Logs one JSON line when listening.
import bolt from "@slack/bolt";

const { App, HTTPReceiver, LogLevel } = bolt;
const quiet = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };
const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET, endpoints: "/slack/events", logger: quiet });
const app = new App({ token: "xoxb-floor", receiver, logger: quiet, clientOptions: { slackApiUrl: process.env.SLACK_API_URL } });
app.command(/.*/, async ({ ack }) => { await ack(); });
const server = await app.start({ port: Number(process.env.PORT ?? 0), host: "127.0.0.1" });
process.stderr.write(`${JSON.stringify({ msg: "running", port: server.address().port })}\n`);
process.on("SIGTERM", () => app.stop().then(() => process.exit(0)));
