/**
 * The pdfmake document of an election's confirmation, one letter per election: the holder's
 * registration and address as on the register (TIN masked), what was received, how it was
 * applied (§4b deemed exercise, amount applied, refund due), what is deficient in words with
 * its code, and what happens next. US Letter, the embedded font, a page count per letter.
 */
import type { PdfNode } from './certificate-doc';
import { FONT_NAME } from './fonts';
import type { ConfirmationPrint, PrintLine } from './intake-print-model';

const MARGIN = 40;
/** A thin rule across the page (a new node each time: pdfmake writes its layout into the nodes it is given). */
const rule = (): PdfNode => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: 612 - 2 * MARGIN, y2: 0, lineWidth: 0.5 }], margin: [0, 6, 0, 6] });

export const heading = (text: string): PdfNode => ({ text, bold: true, fontSize: 10.5, margin: [0, 7, 0, 2] });

/** Tight rows without rules: label/value lines read as a form. */
const TIGHT = { hLineWidth: () => 0, vLineWidth: () => 0, paddingTop: () => 1, paddingBottom: () => 1, paddingLeft: () => 0, paddingRight: () => 6 };

/** Label/value lines as a borderless two-column table (kept together across a page break). */
export function lineTable(lines: readonly PrintLine[], labelWidth = 200): PdfNode {
  return {
    table: { widths: [labelWidth, '*'], body: lines.map((l) => [{ text: l.label, color: '#333333' }, { text: l.value, bold: true }]) },
    layout: TIGHT,
    margin: [0, 0, 0, 2],
  };
}

/** A table with a header row and thin rules between lines. */
export function gridTable(header: readonly string[], rows: readonly (readonly string[])[], widths: readonly (number | string)[], alignRight: readonly number[] = []): PdfNode {
  const cell = (text: string, column: number, head: boolean) => ({ text, bold: head, alignment: alignRight.includes(column) ? 'right' : 'left', fillColor: head ? '#eeeeee' : undefined });
  return {
    table: { headerRows: 1, widths, body: [header.map((h, i) => cell(h, i, true)), ...rows.map((r) => r.map((v, i) => cell(v, i, false)))] },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0, hLineColor: () => '#999999', paddingTop: () => 1.5, paddingBottom: () => 1.5 },
    margin: [0, 0, 0, 4],
  };
}

function addressBlock(c: ConfirmationPrint): PdfNode {
  return {
    columns: [
      { width: '*', stack: [...c.registration.filter((l) => l !== '').map((l) => ({ text: l, bold: true })), ...c.address.map((l) => ({ text: l }))] },
      {
        width: 200,
        stack: [
          { text: `Certificate ${c.certificateNumber}`, bold: true, alignment: 'right' },
          { text: c.className, alignment: 'right' },
          { text: c.tinLine, alignment: 'right' },
          { text: c.reference, alignment: 'right' },
        ],
      },
    ],
    margin: [0, 6, 0, 2],
  };
}

function deficiencyNodes(c: ConfirmationPrint): PdfNode[] {
  if (c.deficiencies.length === 0) return [{ text: 'None. The election is in good order as received.', margin: [0, 0, 0, 2] }];
  return c.deficiencies.map((d) => ({
    stack: [{ text: [{ text: `${d.title} `, bold: true }, { text: `(${d.code})`, color: '#444444' }] }, { text: d.description, fontSize: 9 }],
    margin: [0, 0, 0, 4],
    unbreakable: true,
  }));
}

/** The content of one confirmation. */
export function confirmationContent(c: ConfirmationPrint): PdfNode[] {
  const payments = c.payments.length === 0
    ? [{ text: 'No payment was received with this election.', margin: [0, 0, 0, 2] }]
    : [gridTable(['Method', 'Identified by', 'Status', 'Amount'], c.payments.map((p) => [p.method, p.detail, p.status, p.amount]), [90, '*', 150, 80], [3])];
  return [
    { text: c.issuer.toUpperCase(), bold: true, fontSize: 10 },
    { text: `${c.programName} — CUSIP ${c.cusip}`, fontSize: 9 },
    { text: 'CONFIRMATION OF ELECTION RECEIVED', bold: true, fontSize: 14, margin: [0, 10, 0, 0] },
    ...(c.reversed === null ? [] : [{ text: c.reversed, bold: true, color: '#b3261e', margin: [0, 4, 0, 0] }]),
    addressBlock(c),
    rule(),
    heading('What we received'),
    lineTable(c.received),
    heading('Payments'),
    ...payments,
    heading('How it was applied'),
    lineTable(c.applied),
    heading('Deficiencies'),
    ...deficiencyNodes(c),
    heading('What happens next'),
    ...c.next.map((s) => ({ text: s, margin: [0, 0, 0, 3] })),
    rule(),
    { text: c.printed, fontSize: 8, color: '#444444' },
  ];
}

/** How every intake page is set: US Letter, the embedded font. */
export const INTAKE_PAGE_SETUP = {
  pageSize: 'LETTER',
  pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
  defaultStyle: { font: FONT_NAME, fontSize: 9, lineHeight: 1.1 },
} as const;

/** "Page 1 of 2", with what the pages are. */
export const pageFooter =
  (what: string) =>
  (page: number, pages: number): PdfNode => ({ text: `${what} — page ${page} of ${pages}`, fontSize: 7, alignment: 'center', color: '#555555', margin: [0, 16, 0, 0] });
