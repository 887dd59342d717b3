/**
 * The one layout of a letter to a holder on the rights agent's letterhead: the cover letter that
 * goes with a replacement certificate, and the supervisor desk's deficiency, cure, rejection and
 * foreign-holder letters. The addressee as registered (with, beside it, what the letter concerns),
 * a subject line, then the body as blocks: paragraphs, headings, numbered problems (each with its
 * code in small print, for the holder's reply) and tables of facts. A TIN appears only masked.
 */
import type { PdfNode } from './certificate-doc';
import { FONT_NAME } from './fonts';
import { RIGHTS_AGENT } from './certificate-text';
import type { PageSetup } from './render';

export interface LetterItem {
  readonly title: string;
  readonly body: string;
  /** Small print under the item (a deficiency's code, to quote in a reply). */
  readonly small?: string;
}

export type LetterBlock =
  | { readonly kind: 'paragraph'; readonly text: string; readonly bold?: boolean }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'items'; readonly items: readonly LetterItem[] }
  /** A plain numbered list of short lines (what to send back). */
  | { readonly kind: 'list'; readonly lines: readonly string[] }
  | { readonly kind: 'facts'; readonly rows: readonly (readonly [string, string])[] };

export interface LetterContent {
  readonly title: string;
  readonly date: string;
  readonly addressee: readonly string[];
  /** Lines set right, beside the addressee: certificate, masked TIN, the item's reference. */
  readonly reference?: readonly string[];
  readonly subject: string;
  readonly body: readonly LetterBlock[];
  readonly closing: string;
  /** Small print at the foot of the letter's last page (a reference for the reply). */
  readonly footnote?: string;
  /** What each page's footer names ("Letter — election 12"); pages are counted per letter. */
  readonly footer?: string;
}

const MARGIN = 56;
const WIDTH = 612 - 2 * MARGIN;

/** How every letter's page is set: US Letter, the embedded font. */
export const LETTER_PAGE_SETUP: PageSetup = {
  pageSize: 'LETTER',
  pageMargins: [MARGIN, 48, MARGIN, 56],
  defaultStyle: { font: FONT_NAME, fontSize: 10, lineHeight: 1.15 },
};

function blockNode(b: LetterBlock): PdfNode {
  switch (b.kind) {
    case 'paragraph':
      return { text: b.text, bold: b.bold === true, margin: [0, 0, 0, 8] };
    case 'heading':
      return { text: b.text, bold: true, margin: [0, 6, 0, 4] };
    case 'items':
      return {
        ol: b.items.map((item) => ({
          stack: [{ text: item.title, bold: true }, { text: item.body }, ...(item.small ? [{ text: item.small, fontSize: 7.5, color: '#444444' }] : [])],
          margin: [0, 0, 0, 6],
        })),
        margin: [0, 0, 0, 6],
      };
    case 'list':
      return { ol: b.lines.map((text) => ({ text, margin: [0, 0, 0, 3] })), margin: [0, 0, 0, 8] };
    case 'facts':
      return { table: { widths: [170, '*'], body: b.rows.map(([k, v]) => [{ text: k, bold: true }, { text: v }]) }, layout: 'lightHorizontalLines', margin: [0, 4, 0, 12] };
  }
}

function addressBlock(l: LetterContent): PdfNode {
  const addressee = { stack: l.addressee.map((text) => ({ text })) };
  if (!l.reference || l.reference.length === 0) return { ...addressee, margin: [0, 0, 0, 16] };
  return { columns: [{ width: '*', ...addressee }, { width: 190, stack: l.reference.map((text) => ({ text, alignment: 'right', fontSize: 9 })) }], margin: [0, 0, 0, 16] };
}

/** The content of one letter (a part of a streamed file, or a whole document). */
export function letterContent(l: LetterContent): PdfNode[] {
  return [
    { text: RIGHTS_AGENT.name, bold: true, fontSize: 14 },
    { text: RIGHTS_AGENT.office, fontSize: 9, margin: [0, 0, 0, 18] },
    { text: l.date, margin: [0, 0, 0, 12] },
    addressBlock(l),
    { text: l.subject, bold: true, margin: [0, 0, 0, 12] },
    ...l.body.map(blockNode),
    { text: l.closing, margin: [0, 6, 0, 24] },
    { text: `${RIGHTS_AGENT.name}, as Rights Agent` },
    ...(l.footnote ? [{ canvas: [{ type: 'line', x1: 0, y1: 0, x2: WIDTH, y2: 0, lineWidth: 0.5 }], margin: [0, 18, 0, 4] }, { text: l.footnote, fontSize: 7.5, color: '#444444' }] : []),
  ];
}

/** "Letter — election 12 — page 1 of 2": each letter counts its own pages. */
export const letterFooter =
  (what: string) =>
  (page: number, pages: number): PdfNode => ({ text: `${what} — page ${page} of ${pages}`, fontSize: 7, alignment: 'center', color: '#555555', margin: [0, 20, 0, 0] });

/** One letter as a whole pdfmake document (printed into memory by workers/print-letter.ts). */
export function letterDocument(l: LetterContent): { readonly [key: string]: unknown } {
  return {
    info: { title: l.title, creator: 'Offering Desk', producer: 'Offering Desk' },
    ...LETTER_PAGE_SETUP,
    ...(l.footer ? { footer: letterFooter(l.footer) } : {}),
    content: letterContent(l),
  };
}
