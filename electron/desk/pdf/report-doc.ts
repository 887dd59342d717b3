/**
 * The pdfmake documents of the §10 reports, from a print model already in words (main draws it
 * from the book; the worker only lays it out): the daily report's figures for the day and
 * cumulative, the final report with its due date, warning and certification block, and the
 * holder listing in parts of a page or so each, so a long listing streams with bounded memory.
 * Every report carries its footnotes, the journal entry it was drawn at, and who drew it when.
 */
import type { PdfNode } from './certificate-doc';
import { gridTable, heading } from './confirmation-doc';

export interface ReportPrintHead {
  readonly issuer: string;
  readonly program: string;
  readonly title: string;
  readonly subtitle: readonly string[];
  /** A warning printed in red under the title ("Due soon…", "Past due…"); empty for none. */
  readonly warning: string;
  readonly notes: readonly string[];
  /** "Drawn at journal entry 123 (hash 3f…)". */
  readonly journal: string;
  /** "Drawn by Sam Supervisor on December 10, 2003, 10:00 a.m. New York time". */
  readonly drawn: string;
}

export interface FiguresTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface Certification {
  readonly text: string;
  readonly officerName: string;
  readonly officerTitle: string;
  readonly agent: string;
}

export interface FiguresReportPrint {
  readonly head: ReportPrintHead;
  readonly figures: FiguresTable;
  readonly certification: Certification | null;
}

export interface HolderListingPrint {
  readonly head: ReportPrintHead;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly totals: readonly (readonly string[])[];
}

const RED = '#b3261e';

function titleBlock(h: ReportPrintHead): PdfNode[] {
  return [
    { text: h.issuer.toUpperCase(), bold: true, fontSize: 10 },
    { text: h.program, fontSize: 9 },
    { text: h.title, bold: true, fontSize: 14, margin: [0, 10, 0, 2] },
    ...h.subtitle.map((s) => ({ text: s, fontSize: 9 })),
    ...(h.warning === '' ? [] : [{ text: h.warning, bold: true, color: RED, margin: [0, 6, 0, 0] }]),
  ];
}

function closing(h: ReportPrintHead): PdfNode[] {
  return [
    heading('How the figures are defined'),
    { ol: h.notes.map((n) => ({ text: n, fontSize: 7.5, margin: [0, 0, 0, 1.5] })) },
    { text: h.journal, fontSize: 8, margin: [0, 10, 0, 0] },
    { text: h.drawn, fontSize: 8 },
  ];
}

const signatureLine = (label: string, value: string): PdfNode => ({
  stack: [
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 230, y2: 0, lineWidth: 0.5 }], margin: [0, 22, 0, 2] },
    { text: value === '' ? label : `${label}: ${value}`, fontSize: 8.5 },
  ],
});

function certificationBlock(c: Certification): PdfNode {
  return {
    stack: [
      heading('Certification'),
      { text: c.text, margin: [0, 0, 0, 4] },
      { text: c.agent, bold: true, margin: [0, 4, 0, 0] },
      { columns: [signatureLine('Signature', ''), signatureLine('Date', '')], columnGap: 24 },
      { columns: [signatureLine('Name', c.officerName), signatureLine('Title', c.officerTitle)], columnGap: 24 },
    ],
    unbreakable: true,
  };
}

/** The daily or final report: one part. */
export function figuresReportContent(r: FiguresReportPrint): PdfNode[] {
  const widths = r.figures.columns.map((_, i) => (i === 0 ? '*' : 90));
  const right = r.figures.columns.map((_, i) => i).filter((i) => i > 0);
  return [
    ...titleBlock(r.head),
    heading('Section 10 figures'),
    gridTable(r.figures.columns, r.figures.rows, widths, right),
    ...(r.certification ? [certificationBlock(r.certification)] : []),
    ...closing(r.head),
  ];
}

/** Rows of the listing per part: about a page each, so memory stays bounded whatever the length. */
export const HOLDER_ROWS_PER_PART = 45;

const HOLDER_WIDTHS = [62, 44, 28, '*', 52, 52, 46, 44, 52];
const HOLDER_RIGHT = [4, 5, 6];

/** The holder listing in parts: the title and totals first, then the rows a page at a time, the notes last. */
export function* holderListingParts(l: HolderListingPrint): Generator<PdfNode[]> {
  yield [...titleBlock(l.head), heading('Totals'), gridTable(['', 'Certificates', 'Rights'], l.totals, ['*', 80, 90], [1, 2])];
  for (let at = 0; at < l.rows.length; at += HOLDER_ROWS_PER_PART) {
    yield [{ text: `Holders ${at + 1}\u2013${Math.min(at + HOLDER_ROWS_PER_PART, l.rows.length)} of ${l.rows.length}`, bold: true, margin: [0, 0, 0, 3] }, gridTable(l.columns, l.rows.slice(at, at + HOLDER_ROWS_PER_PART), HOLDER_WIDTHS, HOLDER_RIGHT)];
  }
  yield closing(l.head);
}
