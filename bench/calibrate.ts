/**
 * A CPU reference figure, so that runs on different machines can be compared. Two virtual machines that both
 * report "2 × AMD EPYC" measured a 2.3× difference in cold start and the digest on the same commit; the model
 * name does not say how fast a core is. The workload is fixed plain JavaScript of the kinds the bot spends its
 * time on (objects, strings, JSON, sorting, Map lookups), run in a fresh `node` process so the bench's heap
 * and JIT state do not count. Median of 3, in ms: lower is faster.
 */
import { spawnSync } from "node:child_process";
import { median } from "./stats.ts";

const WORKLOAD = `
const t0 = process.hrtime.bigint();
let sink = 0;
for (let round = 0; round < 4; round++) {
  const rows = [];
  for (let i = 0; i < 60000; i++) rows.push({ id: i, code: "P" + (i % 977), text: "Paragraph " + i + " of the draft", at: 1690000000000 + i * 7919 });
  const copy = JSON.parse(JSON.stringify(rows));
  copy.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : b.at - a.at));
  const byCode = new Map();
  for (const r of copy) { const g = byCode.get(r.code); if (g) g.push(r); else byCode.set(r.code, [r]); }
  for (const [code, g] of byCode) sink += (code + ": " + g.length + " " + g[0].text.slice(0, 12)).length;
  let x = 0;
  for (let i = 0; i < 2e7; i++) x = (x * 31 + i) | 0;
  sink += x & 1;
}
process.stdout.write(String(Number(process.hrtime.bigint() - t0) / 1e6) + " " + sink);
`;

export function cpuReferenceMs(runs = 3): number | null {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ["-e", WORKLOAD], { encoding: "utf8", timeout: 60_000 });
    const ms = Number(r.stdout?.split(" ")[0]);
    if (r.status !== 0 || !Number.isFinite(ms)) return null;
    times.push(ms);
  }
  return Math.round(median(times));
}
