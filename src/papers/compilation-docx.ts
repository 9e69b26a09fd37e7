/**
 * The compilation as a Word document, in the layout of a UN compilation of comments: each paragraph of
 * the draft in a shaded box, the delegations' comments below it with the state's name in bold, and a
 * closing table of member states that commented and did not. Built with the `docx` package.
 */
import {
  AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
} from "docx";
import type { CompiledEntry, Compilation } from "../services/compilation.ts";

const box = { style: BorderStyle.SINGLE, size: 6, color: "8C8C8C", space: 4 } as const;

/** Line breaks in typed text become breaks in the run, not lost spaces. */
const runs = (text: string, o: { bold?: boolean; italics?: boolean } = {}) =>
  text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...o }));

function entryParas(c: Compilation, e: CompiledEntry): Paragraph[] {
  const meta = [e.kind, e.dateText, ...(e.late ? [c.l.late] : [])].join(", ");
  const head = new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: e.state, bold: true }), new TextRun({ text: ` (${meta})` })] });
  return e.text ? [head, new Paragraph({ indent: { left: 360 }, children: runs(e.text) })] : [head];
}

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })], width: { size: 50, type: WidthType.PERCENTAGE } });

export async function compilationDocx(c: Compilation): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: c.l.title })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: c.doc.title, bold: true })] }),
    new Paragraph({ children: [new TextRun({ text: `${c.l.symbol}: `, bold: true }), new TextRun(c.doc.symbol)] }),
    new Paragraph({ children: [new TextRun({ text: `${c.l.revision}: `, bold: true }), new TextRun(String(c.doc.revision))] }),
    new Paragraph({ children: [new TextRun({ text: `${c.l.date}: `, bold: true }), new TextRun(c.doc.date ?? c.l.none)] }),
    new Paragraph({ children: [new TextRun({ text: `${c.l.due}: `, bold: true }), new TextRun(c.doc.due ?? c.l.none)] }),
  ];
  if (c.l.since) body.push(new Paragraph({ children: [new TextRun({ text: c.l.since, italics: true })] }));
  for (const p of c.paragraphs) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: `${c.l.paragraph} ${p.ref}` })] }));
    body.push(new Paragraph({
      shading: { type: ShadingType.CLEAR, color: "auto", fill: "E8E8E8" },
      border: { top: box, bottom: box, left: box, right: box },
      children: runs(p.text),
    }));
    if (!p.entries.length) body.push(new Paragraph({ children: [new TextRun({ text: c.l.noComments, italics: true })] }));
    for (const e of p.entries) body.push(...entryParas(c, e));
  }
  body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: c.l.general })] }));
  if (!c.general.length) body.push(new Paragraph({ children: [new TextRun({ text: c.l.noComments, italics: true })] }));
  for (const e of c.general) body.push(...entryParas(c, e));

  body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: c.l.closing })] }));
  const height = Math.max(c.commented.length, c.silent.length, 1);
  body.push(new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: [cell(c.l.commented, true), cell(c.l.silent, true)] }),
      ...Array.from({ length: height }, (_, i) => new TableRow({ children: [cell(c.commented[i]?.name ?? (i === 0 ? c.l.none : "")), cell(c.silent[i]?.name ?? (i === 0 ? c.l.none : ""))] })),
    ],
  }));
  const doc = new Document({
    creator: "Delegate Desk",
    title: `${c.l.title}: ${c.doc.symbol}`,
    styles: { default: { document: { run: { font: "Times New Roman", size: 24 } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
