/** Builds a real .docx with the docx package: one Word paragraph per line (headings as Word headings). */
import { Document, HeadingLevel, Packer, Paragraph } from "docx";

export async function makeDocx(lines: { text: string; heading?: boolean }[]): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: lines.map((l) => new Paragraph(l.heading ? { text: l.text, heading: HeadingLevel.HEADING_2 } : { text: l.text })) }],
  });
  return Packer.toBuffer(doc);
}

/** A new draft in the seeds' style: preambular paragraphs, numbered ones, brackets with marks in every form. */
export const DRAFT_LINES = [
  { text: "DRAFT DECISION ON TOURISM COOPERATION", heading: true },
  { text: "The Member States of CICA," },
  { text: "Recalling the CICA Catalogue of Confidence Building Measures," },
  { text: "Decide to" },
  { text: "1. Promote tourism exchanges among the Member States;" },
  { text: "2. Encourage [intercivilizational and intercultural exchanges] (+Iran) through tourism;" },
  { text: "3. Develop [cultural [and religious] (-CHN)] (+IND) tourism routes (IND, CHN tcb);" },
  { text: "4. Request the Secretariat to report to the SOC [annually] (-IND, -IRAN)." },
];
export const REV1_LINES = DRAFT_LINES.map((l) => (l.text.startsWith("2.") ? { text: "2. Encourage intercivilizational and intercultural exchanges through tourism;" } : l));
