/**
 * The Slack side of the benchmark, in a worker thread: the fake Slack (Web API and response_url) and the
 * load generator that posts signed slash commands. In production Slack is another machine; keeping its
 * work off the bot's event loop keeps the figures about the bot. Messages: main → {load|burst, id},
 * worker → {ready, apiUrl} once, then {done, id, result} per request, and {kill, id} once per burst
 * (answered by main → {restarted, id} once the bot listens again).
 */
import { parentPort } from "node:worker_threads";
import { openLoop, type Sample } from "./load.ts";
import { now } from "./stats.ts";
import { slashBody, slackHeaders, startFakeSlack, type FakeSlack } from "./fake-slack.ts";
import { commandFor } from "./commands.ts";

type Common = { id: number; port: number; users: string[]; tag: string; secret: string; /** Added to every command's index, so runs never repeat a write. */ base?: number };
export type LoadRequest = Common & { type: "load"; /** Several bot processes: commands go round-robin. */ ports?: number[]; rate: number; seconds: number; waitReply: boolean };
/** kill -9 burst: `n` commands at `rate`; after `killAfter` acks the main thread is told to kill the bot. */
export type BurstRequest = Common & { type: "burst"; n: number; rate: number; killAfter: number; replyTimeoutMs: number; quietMs: number };
export type BurstResult = { sent: number; acked: number; completed: number; answeredUnacked: number; ackedWrites: { i: number; command: string }[]; ackedBeforeKill: number; /** Acked but never answered, by command. */ lostByCommand: Record<string, number> };

const post = async (fake: FakeSlack, r: Common, port: number, i: number, id: string) => {
  const { command, text, user } = commandFor((r.base ?? 0) + i);
  const body = slashBody({ command, text, userId: r.users[(user ?? i) % r.users.length]!, channelId: "CBENCH", responseUrl: fake.responseUrl(id), triggerId: `trig.${id}` });
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", headers: slackHeaders(r.secret, body), body });
  await res.arrayBuffer();
  return { command, ok: res.status === 200 };
};

async function sendSlash(fake: FakeSlack, r: LoadRequest, i: number): Promise<Sample> {
  const id = `${r.tag}-${r.rate}-${i}`;
  const port = r.ports?.length ? r.ports[i % r.ports.length]! : r.port;
  const t0 = now();
  const { command, ok } = await post(fake, r, port, i, id);
  const ack = now() - t0;
  if (!r.waitReply) return { ack, reply: ack, ok, command };
  const reply = (await fake.replied(id)) - t0;
  return { ack, reply, ok, command, outcome: fake.outcome(id) };
}

async function burst(fake: FakeSlack, r: BurstRequest): Promise<BurstResult> {
  const acked: { i: number; id: string; command: string }[] = [];
  const tried: string[] = [];
  let killed = false;
  let ackedBeforeKill = 0;
  await openLoop(r.rate, r.n / r.rate, async (i) => {
    const id = `${r.tag}-${i}`;
    tried.push(id);
    const { command, ok } = await post(fake, r, r.port, i, id).catch(() => ({ command: "", ok: false }));
    if (ok) acked.push({ i, id, command });
    if (ok && !killed && acked.length >= r.killAfter) {
      killed = true;
      ackedBeforeKill = acked.length;
      parentPort!.postMessage({ type: "kill", id: r.id });
    }
    return { ack: 0, reply: 0, ok };
  }, r.replyTimeoutMs);
  // Every acknowledged command must be answered: by the first process, or by the second from the inbox.
  // Wait until all are, or until no new answer has come for `quietMs` since the bot was restarted (it has
  // done what it will do), or the overall deadline.
  const deadline = now() + r.replyTimeoutMs;
  let answered = 0;
  let lastChange = now();
  for (;;) {
    const n = acked.filter((a) => fake.hasReply(a.id)).length;
    if (n !== answered) { answered = n; lastChange = now(); }
    const restarted = restartedAt.get(r.id);
    if (n === acked.length || (restarted !== undefined && now() - Math.max(lastChange, restarted) > r.quietMs) || now() > deadline) break;
    await new Promise((res) => setTimeout(res, 200));
  }
  let completed = 0;
  const lostByCommand: Record<string, number> = {};
  for (const a of acked) {
    if (fake.hasReply(a.id)) completed++;
    else lostByCommand[a.command] = (lostByCommand[a.command] ?? 0) + 1;
  }
  const ackedIds = new Set(acked.map((a) => a.id));
  const answeredUnacked = tried.filter((id) => !ackedIds.has(id) && fake.hasReply(id)).length;
  const ackedWrites = acked.filter((a) => a.command === "comment" || a.command === "object").map(({ i, command }) => ({ i: (r.base ?? 0) + i, command }));
  return { sent: tried.length, acked: acked.length, completed, answeredUnacked, ackedWrites, ackedBeforeKill, lostByCommand };
}

/** When the main thread reported the killed bot listening again, per burst. */
const restartedAt = new Map<number, number>();

const fake = await startFakeSlack();
parentPort!.on("message", async (m: LoadRequest | BurstRequest | { type: "close" } | { type: "restarted"; id: number }) => {
  if (m.type === "restarted") {
    restartedAt.set(m.id, now());
    return;
  }
  if (m.type === "close") {
    await fake.close();
    parentPort!.close();
    return;
  }
  const result = m.type === "burst" ? await burst(fake, m) : await openLoop(m.rate, m.seconds, (i) => sendSlash(fake, m, i));
  parentPort!.postMessage({ type: "done", id: m.id, result });
});
parentPort!.postMessage({ type: "ready", apiUrl: fake.apiUrl });
