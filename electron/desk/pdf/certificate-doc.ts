/**
 * The pdfmake document of rights certificates, as the seed certificate (002_…) shows them: a face
 * with the class colour band, the number and its Code 128 barcode, the CUSIP as printed, the
 * registration and address, the firm rights in the upper right (or --1--, with class B's
 * underlying common shares under them), VOID AFTER the expiration and the legends; a back with
 * the election form and, for a transferable class, the assignment form. Two pages a certificate.
 */
import { barcodeNode } from './barcode';
import { FONT_NAME } from './fonts';
import { assignmentText, electionParagraphs, faceParagraphs, HELD_NOTICE, PAYMENT_METHODS, RIGHTS_AGENT, topLegend, type LegendFacts } from './certificate-text';

/** pdfmake's document nodes (the package ships no types): plain JSON-like objects. */
export type PdfNode = string | { readonly [key: string]: unknown } | readonly PdfNode[];

/** Everything printed on one certificate; no TIN ever appears on it. */
export interface CertificateFace {
  readonly number: string;
  readonly classCode: string;
  /** As the terms name it: BLUE, GREEN, RED, … */
  readonly colour: string;
  readonly transferable: boolean;
  readonly firmRights: number;
  /** A class whose only right is to oversubscribe (C): the box shows --1--. */
  readonly oversubscriptionOnly: boolean;
  /** Class B: the underlying common shares the rights come from, printed under the firm rights. */
  readonly underlyingShares: string | null;
  readonly issuer: string;
  /** Nine characters: printed `983764 17 6`. */
  readonly cusip: string;
  readonly registration: readonly string[];
  readonly address: readonly string[];
  /** "DECEMBER 8, 2003". */
  readonly voidAfter: string;
  /** "5:00 p.m., New York City time, on December 8, 2003". */
  readonly expiresInWords: string;
  readonly price: string;
  readonly held: boolean;
  readonly duplicate: { readonly reprintedOn: string } | null;
  /** A new certificate of like tenor for a lost, stolen, destroyed or mutilated one (§2c): names the original. */
  readonly replacement?: { readonly replaces: string; readonly issuedOn: string } | null;
}

export const PAGES_PER_CERTIFICATE = 2;

/** Print colours of the classes' colour names; another name prints grey (its name is printed too). */
const COLOURS: Readonly<Record<string, string>> = {
  BLUE: '#1d4f9a',
  GREEN: '#23773a',
  RED: '#b3261e',
  YELLOW: '#c9a400',
  ORANGE: '#c8641b',
  PURPLE: '#5b2c83',
  BROWN: '#6d4c2f',
  BLACK: '#222222',
  GREY: '#666666',
  GRAY: '#666666',
};

export const bandColour = (colour: string): string => COLOURS[colour.toUpperCase()] ?? '#666666';

/** `983764176` → `983764 17 6`: issuer, issue, check digit, as CUSIPs are printed. */
export const printedCusip = (cusip: string): string => `${cusip.slice(0, 6)} ${cusip.slice(6, 8)} ${cusip.slice(8)}`;

/** Whole numbers with thousands separators, from digits (never through a float). */
export const groupDigits = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const certificateName = (f: Pick<CertificateFace, 'transferable' | 'classCode'>): string =>
  f.transferable ? 'Transferable Rights Certificate' : `Class ${f.classCode} Rights Certificate`;

const PAGE_WIDTH = 612;
const MARGIN = 36;
const INNER = PAGE_WIDTH - 2 * MARGIN;

function rightsBox(f: CertificateFace): PdfNode {
  const lines: PdfNode[] = [
    { text: f.oversubscriptionOnly ? 'OVERSUBSCRIPTION ONLY' : 'FIRM SUBSCRIPTION RIGHTS', fontSize: 7, bold: true, alignment: 'center' },
    { text: f.oversubscriptionOnly ? '--1--' : groupDigits(String(f.firmRights)), fontSize: 20, bold: true, alignment: 'center', margin: [0, 2, 0, 2] },
  ];
  if (f.underlyingShares !== null) {
    lines.push({ text: 'UNDERLYING COMMON SHARES', fontSize: 7, bold: true, alignment: 'center' }, { text: groupDigits(f.underlyingShares), fontSize: 13, bold: true, alignment: 'center' });
  }
  return { table: { widths: [150], body: [[{ stack: lines, margin: [4, 4, 4, 4] }]] }, layout: { hLineWidth: () => 1.5, vLineWidth: () => 1.5, hLineColor: () => bandColour(f.colour), vLineColor: () => bandColour(f.colour) } };
}

function band(f: CertificateFace): PdfNode {
  const label = `${f.transferable ? 'TRANSFERABLE RIGHTS' : `CLASS ${f.classCode} RIGHTS`} · ${f.colour.toUpperCase()}`;
  return {
    table: { widths: ['*'], body: [[{ text: label, color: 'white', bold: true, fontSize: 12, alignment: 'center', fillColor: bandColour(f.colour), margin: [0, 5, 0, 5] }]] },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  };
}

function numberBlock(f: CertificateFace): PdfNode {
  return {
    stack: [
      { text: `VOID AFTER ${f.voidAfter}`, bold: true, fontSize: 10 },
      { text: 'NUMBER', fontSize: 7, margin: [0, 6, 0, 0] },
      { text: f.number, bold: true, fontSize: 16 },
      { ...(barcodeNode(f.number, 170, 30) as object), margin: [0, 4, 0, 0] },
    ],
  };
}

function registrationBlock(f: CertificateFace): PdfNode {
  const lines = [...f.registration.filter((l) => l !== ''), ...f.address.filter((l) => l !== '')];
  return {
    table: { widths: ['*'], body: [[{ stack: [{ text: 'REGISTERED HOLDER AND ADDRESS', fontSize: 7, bold: true, margin: [0, 0, 0, 3] }, ...lines.map((text) => ({ text, fontSize: 11 }))], margin: [6, 6, 6, 6] }]] },
    margin: [0, 8, 0, 8],
  };
}

function marks(f: CertificateFace): PdfNode[] {
  const out: PdfNode[] = [];
  if (f.duplicate) out.push({ text: `DUPLICATE — reprinted ${f.duplicate.reprintedOn}; the original is void`, bold: true, fontSize: 14, color: '#b3261e', alignment: 'center', margin: [0, 0, 0, 6] });
  if (f.replacement) out.push({ text: `REPLACEMENT — replaces ${f.replacement.replaces}, issued ${f.replacement.issuedOn}; the original is cancelled and void`, bold: true, fontSize: 14, color: '#b3261e', alignment: 'center', margin: [0, 0, 0, 6] });
  if (f.held) out.push({ text: HELD_NOTICE, bold: true, fontSize: 8, margin: [0, 0, 0, 6] });
  return out;
}

function signatures(f: CertificateFace): PdfNode {
  return {
    columns: [
      { stack: [{ text: 'Dated:', fontSize: 8 }, { text: f.issuer.toUpperCase(), bold: true, fontSize: 8, margin: [0, 4, 0, 10] }, { text: 'By: ______________________  By: ______________________', fontSize: 8 }, { text: 'Chief Financial Officer          Chief Executive Officer', fontSize: 7 }] },
      { stack: [{ text: 'Countersigned and Registered:', fontSize: 8 }, { text: RIGHTS_AGENT.name.toUpperCase(), bold: true, fontSize: 8, margin: [0, 4, 0, 10] }, { text: 'as Rights Agent', fontSize: 8 }] },
    ],
    columnGap: 16,
    margin: [0, 8, 0, 0],
  };
}

const legendFacts = (f: CertificateFace): LegendFacts => ({ issuer: f.issuer, transferable: f.transferable, certificateName: certificateName(f), price: f.price, expiresInWords: f.expiresInWords });

function face(f: CertificateFace, breakBefore: boolean): PdfNode[] {
  return [
    { ...(band(f) as object), ...(breakBefore ? { pageBreak: 'before' } : {}) },
    ...marks(f),
    { columns: [numberBlock(f), { width: 150, stack: [rightsBox(f)] }], columnGap: 12 },
    { text: f.issuer.toUpperCase(), bold: true, fontSize: 15, alignment: 'center', margin: [0, 8, 0, 0] },
    { text: certificateName(f).toUpperCase(), bold: true, fontSize: 11, alignment: 'center' },
    { text: `CUSIP ${printedCusip(f.cusip)}`, fontSize: 10, alignment: 'center', margin: [0, 2, 0, 6] },
    { text: topLegend(f.transferable), fontSize: 7, bold: true },
    registrationBlock(f),
    ...faceParagraphs(legendFacts(f)).map((text) => ({ text, fontSize: 7.5, alignment: 'justify', margin: [0, 0, 0, 4] })),
    signatures(f),
  ];
}

const line = (label: string): PdfNode => ({ columns: [{ text: label, fontSize: 8, width: 170 }, { text: '_______________________________________________', fontSize: 8 }], margin: [0, 5, 0, 0] });

/** The back's first line, the one thing on it that differs between certificates of a class. */
const backHeader = (f: CertificateFace): PdfNode => ({ text: `${f.issuer.toUpperCase()} — ${f.number}`, bold: true, fontSize: 9, alignment: 'right', pageBreak: 'before' });

/** The back under its first line: the election form (and assignment form), the same on every certificate of a class. */
function backBody(f: CertificateFace): PdfNode[] {
  const e = electionParagraphs(legendFacts(f));
  const title = f.transferable ? 'FORM OF ELECTION TO EXERCISE TRANSFERABLE RIGHTS' : `FORM OF ELECTION TO EXERCISE CLASS ${f.classCode} RIGHTS`;
  const nodes: PdfNode[] = [
    { text: title, bold: true, fontSize: 12, alignment: 'center', margin: [0, 6, 0, 0] },
    { text: '(to be executed if the holder desires to exercise the rights) — Please print all information clearly and legibly.', fontSize: 8, alignment: 'center', margin: [0, 0, 0, 6] },
    { text: e.intro, fontSize: 8, alignment: 'justify' },
    line('Total number of shares requested:'),
    { text: `Purchase price: $${f.price} per share`, fontSize: 8, margin: [0, 5, 0, 0] },
    line('Total subscription price (amount enclosed): $'),
    { text: `Up to the number of firm subscription rights listed on the front of this ${certificateName(f)}.`, fontSize: 7, italics: true, margin: [0, 3, 0, 6] },
    { text: e.payment, fontSize: 8, alignment: 'justify' },
    { text: 'Method of payment (check one):', fontSize: 8, bold: true, margin: [0, 5, 0, 2] },
    ...PAYMENT_METHODS.map((m) => ({ text: `☐  ${m}`, fontSize: 8, margin: [8, 1, 0, 1] })),
    { text: e.understands, fontSize: 8, alignment: 'justify', margin: [0, 6, 0, 0] },
    { text: e.acknowledges, fontSize: 8, alignment: 'justify', margin: [0, 4, 0, 0] },
    line('Holder name:'),
    line('Social Security Number / TIN:'),
    line('Holder mailing address:'),
    line('Signature(s):'),
    line('Signature(s):'),
    line('Dated:'),
    { text: e.signatures, fontSize: 7, italics: true, margin: [0, 5, 0, 0] },
  ];
  if (f.transferable) {
    const a = assignmentText(certificateName(f));
    nodes.push(
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: INNER, y2: 0, lineWidth: 0.5 }], margin: [0, 10, 0, 6] },
      { text: 'ASSIGNMENT OF RIGHTS', bold: true, fontSize: 12, alignment: 'center' },
      { text: a.body, fontSize: 8, alignment: 'justify', margin: [0, 4, 0, 0] },
      line('Dated:'),
      line('Signature(s):'),
      { text: a.signatures, fontSize: 7, italics: true, margin: [0, 5, 0, 0] },
    );
  }
  return nodes;
}

/** The face and back of each certificate, in the order given: two pages each. */
export function certificatesContent(faces: readonly CertificateFace[]): PdfNode[] {
  return faces.flatMap((f, i) => [...face(f, i > 0), backHeader(f), ...backBody(f)]);
}

/** Certificates whose backs are drawn from a shared form: each back laid out as its first line only. */
export interface SharedBackContent {
  readonly content: PdfNode[];
  /** Per certificate: its back's shared part, by a key equal for equal backs. */
  readonly backs: readonly { readonly key: string; readonly sample: PdfNode[] }[];
}

export function certificatesSharedBackContent(faces: readonly CertificateFace[]): SharedBackContent {
  const backs = faces.map((f) => {
    const body = backBody(f);
    // Laid out as on its page (the first line, then the body), at the top of a document of its own.
    return { key: JSON.stringify(body), sample: [{ ...(backHeader(f) as object), pageBreak: undefined }, ...body] };
  });
  return { content: faces.flatMap((f, i) => [...face(f, i > 0), backHeader(f)]), backs };
}

/** How every certificate page is set: US Letter, the embedded font. */
export const PAGE_SETUP = {
  pageSize: 'LETTER',
  pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
  defaultStyle: { font: FONT_NAME, fontSize: 9, lineHeight: 1.1 },
} as const;

/** A whole document of certificates, for pdfmake's own createPdf. */
export function certificatesDocument(faces: readonly CertificateFace[], title: string): { readonly [key: string]: unknown } {
  return { info: { title, creator: 'Offering Desk', producer: 'Offering Desk' }, ...PAGE_SETUP, content: certificatesContent(faces) };
}
