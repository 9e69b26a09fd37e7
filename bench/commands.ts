/** What users type, in proportion: mostly reads, a third writes (each a new record). Same mix for every adapter. */
export function commandFor(i: number): { command: string; text: string } {
  const mix: [string, string][] = [
    ["coordinators", ""], ["deadlines", "all"], ["comment", `MC/2023/DRAFT/4 para 1.10 Bench remark ${i}: we propose three years`],
    ["coordinators", "terrorism"], ["drafts", "MC/2023/DRAFT/4"], ["comment", `MC/2023/DRAFT/4 General remark ${i}`],
    ["deadlines", ""], ["object", `MC/2023/DRAFT/4 para 1.${(i % 9) + 1} Needs more work ${i}`], ["events", ""], ["coordinators", "ICT"],
  ];
  const [command, text] = mix[i % mix.length]!;
  return { command, text };
}
