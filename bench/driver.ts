/**
 * The Slack side of the benchmark, in a worker thread: the fake Slack (Web API and response_url) and the
 * load generator that posts signed slash commands. In production Slack is another machine; keeping its
 * work off the bot's event loop keeps the figures about the bot. Messages: main → {load}, worker →
 * {ready, apiUrl} once, then {done, result} per load.
 */
import { parentPort } from "node:worker_threads";
import { openLoop, type Sample } from "./load.ts";
import { now } from "./stats.ts";
import { slashBody, slackHeaders, startFakeSlack, type FakeSlack } from "./fake-slack.ts";
import { commandFor } from "./commands.ts";

export type LoadRequest = { type: "load"; port: number; /** Several bot processes: commands go round-robin. */ ports?: number[]; rate: number; seconds: number; users: string[]; tag: string; waitReply: boolean; secret: string; /** Added to every command's index, so runs never repeat a write. */ base?: number };

async function sendSlash(fake: FakeSlack, r: LoadRequest, i: number): Promise<Sample> {
  const id = `${r.tag}-${r.rate}-${i}`;
  const { command, text, user } = commandFor((r.base ?? 0) + i);
  const body = slashBody({ command, text, userId: r.users[(user ?? i) % r.users.length]!, channelId: "CBENCH", responseUrl: fake.responseUrl(id), triggerId: `trig.${id}` });
  const port = r.ports?.length ? r.ports[i % r.ports.length]! : r.port;
  const t0 = now();
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", headers: slackHeaders(r.secret, body), body });
  const ack = now() - t0;
  await res.arrayBuffer();
  if (!r.waitReply) return { ack, reply: ack, ok: res.status === 200 };
  return { ack, reply: (await fake.replied(id)) - t0, ok: res.status === 200 };
}

const fake = await startFakeSlack();
parentPort!.on("message", async (m: LoadRequest | { type: "close" }) => {
  if (m.type === "close") {
    await fake.close();
    parentPort!.close();
    return;
  }
  const result = await openLoop(m.rate, m.seconds, (i) => sendSlash(fake, m, i));
  parentPort!.postMessage({ type: "done", result });
});
parentPort!.postMessage({ type: "ready", apiUrl: fake.apiUrl });
