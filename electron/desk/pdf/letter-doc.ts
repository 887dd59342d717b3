/**
 * A one-page letter on the rights agent's letterhead (the cover letter that goes with a
 * replacement certificate): the addressee as registered, a subject line, paragraphs and a
 * table of facts. No TIN ever appears in a letter.
 */
import type { PdfNode } from './certificate-doc';
import { FONT_NAME } from './fonts';
import { RIGHTS_AGENT } from './certificate-text';

export interface LetterContent {
  readonly title: string;
  readonly date: string;
  readonly addressee: readonly string[];
  readonly subject: string;
  readonly paragraphs: readonly string[];
  readonly facts: readonly (readonly [string, string])[];
  readonly closing: string;
}

export function letterDocument(l: LetterContent): { readonly [key: string]: unknown } {
  const content: PdfNode[] = [
    { text: RIGHTS_AGENT.name, bold: true, fontSize: 14 },
    { text: RIGHTS_AGENT.office, fontSize: 9, margin: [0, 0, 0, 24] },
    { text: l.date, margin: [0, 0, 0, 16] },
    { stack: l.addressee.map((text) => ({ text })), margin: [0, 0, 0, 16] },
    { text: l.subject, bold: true, margin: [0, 0, 0, 12] },
    ...l.paragraphs.map((text) => ({ text, margin: [0, 0, 0, 8] })),
    { table: { widths: [160, '*'], body: l.facts.map(([k, v]) => [{ text: k, bold: true }, { text: v }]) }, layout: 'lightHorizontalLines', margin: [0, 8, 0, 16] },
    { text: l.closing, margin: [0, 0, 0, 32] },
    { text: `${RIGHTS_AGENT.name}, as Rights Agent`, italics: false },
  ];
  return { info: { title: l.title, creator: 'Offering Desk', producer: 'Offering Desk' }, pageSize: 'LETTER', pageMargins: [64, 64, 64, 64], defaultStyle: { font: FONT_NAME, fontSize: 10.5, lineHeight: 1.2 }, content };
}
