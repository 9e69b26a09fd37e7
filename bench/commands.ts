/** Paragraph targets for /object, so that each objection is a new record (not "already on record"). */
const TARGETS: string[] = [
  ...["PP1", "PP2", "PP3", "PP4", "PP5", ...[1, 2, 3].flatMap((s) => Array.from({ length: s === 1 ? 12 : s === 2 ? 9 : 5 }, (_, k) => `${s}.${k + 1}`)), "4.1", "4.2", "5.1", "5.2", "5.3"].map((p) => `MC/2023/DRAFT/4 para ${p}`),
  ...["PP1", "PP2", "PP3", "PP4", "PP5", "PP6", "PP7", "PP8", ...Array.from({ length: 15 }, (_, k) => String(k + 1))].map((p) => `MC/2023/DRAFT/5 para ${p}`),
  ...["PP1", "PP2", "PP3", ...Array.from({ length: 8 }, (_, k) => String(k + 1))].map((p) => `MC/2023/CHAIR/1/Rev.1 para ${p}`),
];

/**
 * What users type, in proportion: mostly reads, a third writes, each write a new record. `i` is global
 * across the bench's runs (each run passes its own offset), so /object never repeats a (delegation,
 * paragraph) pair until TARGETS × delegations objections have been sent. `user` (when set) picks the
 * delegation for that command instead of i.
 */
export function commandFor(i: number): { command: string; text: string; user?: number } {
  const mix: [string, string][] = [
    ["coordinators", ""], ["deadlines", "all"], ["comment", `MC/2023/DRAFT/4 para 1.10 Bench remark ${i}: we propose three years`],
    ["coordinators", "terrorism"], ["drafts", "MC/2023/DRAFT/4"], ["comment", `MC/2023/DRAFT/4 General remark ${i}`],
    ["deadlines", ""], ["object", ""], ["events", ""], ["coordinators", "ICT"],
  ];
  const [command, text] = mix[i % mix.length]!;
  if (command !== "object") return { command, text };
  const k = Math.floor(i / mix.length);
  return { command, text: `${TARGETS[k % TARGETS.length]} as objection Needs more work ${i}`, user: Math.floor(k / TARGETS.length) + k };
}

/** Every run takes its command indexes from here, so no write repeats an earlier one in any database. */
let nextBase = 0;
export const takeBase = (n: number) => {
  const b = nextBase;
  nextBase += n + 10;
  return b;
};
