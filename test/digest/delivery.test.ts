import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { createRepos } from "../../src/db/repos.ts";
import { DeliveryError } from "../../src/core/retry.ts";
import { deliverDay } from "../../src/digest/deliver.ts";
import { claim, LEASE_MS } from "../../src/digest/ledger.ts";
import { createLogger } from "../../src/log.ts";
import { testApp, SEED_NOW, type TestApp } from "../helpers/app.ts";
import { fakePlatform, runtimeFor } from "./helpers.ts";
import type { Destination } from "../../src/digest/destinations.ts";

const CHAIR: Destination = { platform: "slack", channelId: "C-CHAIR", lang: "en" };
const CHAIR_RU: Destination = { platform: "discord", channelId: "998877", lang: "ru" };

describe("digest delivery: exactly once, retries, failures", () => {
  let app: TestApp;
  const extra: Database[] = [];
  afterEach(async () => {
    for (const db of extra.splice(0)) await db.close();
    await app?.close();
  });

  it("GIVEN two workers on their own connections to one database WHEN both deliver the same days at the same time THEN each destination gets each day exactly once", async () => {
    app = await testApp({ now: SEED_NOW });
    const db2 = await openDatabase(app.url);
    extra.push(db2);
    const slackA = fakePlatform("slack");
    const discordA = fakePlatform("discord");
    const slackB = fakePlatform("slack");
    const discordB = fakePlatform("discord");
    const a = runtimeFor(app, [slackA, discordA], [CHAIR, CHAIR_RU], { worker: "A" }).rt;
    const b = { ...runtimeFor(app, [slackB, discordB], [CHAIR, CHAIR_RU], { worker: "B" }).rt, repos: createRepos(db2) };
    const days = ["2023-08-21", "2023-08-22", "2023-08-23", "2023-08-24"];
    const results = await Promise.all(days.flatMap((d) => [deliverDay(a, d), deliverDay(b, d)]));
    const posts = [...slackA.posted, ...slackB.posted];
    // A digest split into several messages counts once, by its first part "(1/n)".
    const firsts = (ps: { text: string }[]) => ps.map((p) => p.text.split("\n")[0]!).filter((t) => !/\((?!1\/)\d+\/\d+\)$/.test(t)).map((t) => t.replace(/ \(1\/\d+\)$/, ""));
    expect(firsts(posts).sort()).toEqual(
      ["21 August 2023", "22 August 2023", "23 August 2023", "24 August 2023"].map((d) => `Daily digest for the Chair, ${d}`),
    );
    expect(firsts([...discordA.posted, ...discordB.posted]).sort()).toEqual(
      ["21 августа 2023 г.", "22 августа 2023 г.", "23 августа 2023 г.", "24 августа 2023 г."].map((d) => `Ежедневная сводка для Председателя, ${d}`),
    );
    const outcomes = results.flat().map((r) => r.outcome);
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(8);
    expect(outcomes.filter((o) => o !== "sent").every((o) => o === "already_sent" || o === "busy")).toBe(true);
    const rows = await app.db.prisma.digestDelivery.findMany();
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.status === "sent" && r.sentAt && r.attempts === 1)).toBe(true);
  });

  it("GIVEN a digest already sent WHEN the bot restarts and runs the same day again THEN nothing is posted twice", async () => {
    app = await testApp({ now: SEED_NOW });
    const first = fakePlatform("slack");
    expect((await deliverDay(runtimeFor(app, [first], [CHAIR], { worker: "before-restart" }).rt, "2023-08-23"))[0]!.outcome).toBe("sent");
    const second = fakePlatform("slack");
    const again = await deliverDay(runtimeFor(app, [second], [CHAIR], { worker: "after-restart" }).rt, "2023-08-23", { retryFailed: true });
    expect(again).toEqual([{ destination: "slack:C-CHAIR", outcome: "already_sent" }]);
    expect(first.posted).toHaveLength(1);
    expect(second.calls()).toBe(0);
  });

  it("GIVEN a worker that died holding a claim WHEN another worker runs within the lease THEN it waits, and after the lease it takes over and sends", async () => {
    app = await testApp({ now: SEED_NOW });
    const crashedAt = new Date("2023-08-23T03:30:00Z");
    expect((await claim(app.repos, "2023-08-23", "slack:C-CHAIR", "crashed", crashedAt)).kind).toBe("claimed");
    const p = fakePlatform("slack");
    app.setNow(new Date(crashedAt.getTime() + LEASE_MS - 1000).toISOString());
    const { rt } = runtimeFor(app, [p], [CHAIR], { worker: "survivor" });
    expect((await deliverDay(rt, "2023-08-23"))[0]!.outcome).toBe("busy");
    expect(p.calls()).toBe(0);
    app.setNow(new Date(crashedAt.getTime() + LEASE_MS + 1000).toISOString());
    expect((await deliverDay(rt, "2023-08-23"))[0]!.outcome).toBe("sent");
    expect(p.posted).toHaveLength(1);
    const row = await app.repos.digests.get("2023-08-23", "slack:C-CHAIR");
    expect(row).toMatchObject({ status: "sent", claimedBy: "survivor", attempts: 2 });
  });

  it("GIVEN the platform answers 429 with Retry-After and then 500 WHEN the digest is delivered THEN it waits as told, backs off, and sends once", async () => {
    app = await testApp({ now: SEED_NOW });
    const p = fakePlatform("slack", [new DeliveryError("ratelimited", 3000), new DeliveryError("http_500")]);
    const { rt, waits } = runtimeFor(app, [p], [CHAIR]);
    const [r] = await deliverDay(rt, "2023-08-23");
    expect(r).toMatchObject({ outcome: "sent", messages: 1 });
    expect(p.calls()).toBe(3);
    expect(waits).toEqual([3000, 200]);
    expect(p.posted).toHaveLength(1);
    expect((await app.repos.digests.get("2023-08-23", "slack:C-CHAIR"))?.status).toBe("sent");
  });

  it("GIVEN the platform keeps failing WHEN the digest is delivered THEN it is logged, marked failed with the error, shown by /digest status, and a later run retries it", async () => {
    app = await testApp({ now: SEED_NOW });
    const lines: string[] = [];
    const log = createLogger("info", (l) => lines.push(l));
    const p = fakePlatform("slack", Array.from({ length: 5 }, () => new DeliveryError("http_500")));
    const { rt, waits } = runtimeFor(app, [p], [CHAIR], { log });
    const [r] = await deliverDay(rt, "2023-08-23");
    expect(r).toMatchObject({ outcome: "failed", error: "http_500" });
    expect(waits).toEqual([100, 200, 400, 800]);
    expect(lines.map((l) => JSON.parse(l)).find((l) => l.level === "error")).toMatchObject({ msg: "digest failed", key: "2023-08-23", destination: "slack:C-CHAIR", error: "http_500" });
    const status = await app.text("secretariat", "/digest status");
    expect(status).toContain("2023-08-23 → slack:C-CHAIR: FAILED after 1 attempt(s): http_500");
    // Without asking to retry failures (e.g. an alert path), the failed row is left alone.
    expect((await deliverDay(rt, "2023-08-23"))[0]!.outcome).toBe("failed");
    expect((await deliverDay(rt, "2023-08-23", { retryFailed: true }))[0]!.outcome).toBe("sent");
    expect(p.posted).toHaveLength(1);
    expect(await app.text("chair", "/digest status")).toMatch(/2023-08-23 → slack:C-CHAIR: sent .* \(2 attempt\(s\)\)/);
  });

  it("GIVEN the failed digest was retried up to the limit WHEN the scheduler runs again THEN it stops retrying", async () => {
    app = await testApp({ now: SEED_NOW });
    const p = fakePlatform("slack", Array.from({ length: 15 }, () => new DeliveryError("http_503")));
    const { rt } = runtimeFor(app, [p], [CHAIR]);
    for (let i = 0; i < 4; i++) await deliverDay(rt, "2023-08-23", { retryFailed: true, maxAttempts: 3 });
    expect(p.calls()).toBe(15);
    expect(await app.repos.digests.get("2023-08-23", "slack:C-CHAIR")).toMatchObject({ status: "failed", attempts: 3, lastError: "http_503" });
  });

  it("GIVEN a permanent error (not_in_channel) WHEN the digest is delivered THEN it is not retried and the error is kept", async () => {
    app = await testApp({ now: SEED_NOW });
    const p = fakePlatform("slack", [new DeliveryError("not_in_channel", undefined, true)]);
    const { rt, waits } = runtimeFor(app, [p], [CHAIR]);
    expect((await deliverDay(rt, "2023-08-23"))[0]).toMatchObject({ outcome: "failed", error: "not_in_channel" });
    expect(p.calls()).toBe(1);
    expect(waits).toEqual([]);
  });

  it("GIVEN a destination whose platform is not running in this process WHEN delivering THEN it is skipped without a claim, so another process can send it", async () => {
    app = await testApp({ now: SEED_NOW });
    const { rt } = runtimeFor(app, [fakePlatform("slack")], [CHAIR_RU]);
    expect((await deliverDay(rt, "2023-08-23"))[0]).toMatchObject({ outcome: "skipped", destination: "discord:998877" });
    expect(await app.repos.digests.get("2023-08-23", "discord:998877")).toBeNull();
  });
});
