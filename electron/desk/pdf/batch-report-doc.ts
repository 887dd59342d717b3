/**
 * The pdfmake document of a batch control report: the items keyed, the shares, the amounts by
 * payment method, the deficiencies by code, and each envelope's stated count against the items
 * keyed from it — what the clerk balances before closing the batch. It carries the journal head
 * it was drawn at, who drew it and when (New York time), so a printed report can be tied to the book.
 */
import type { PdfNode } from './certificate-doc';
import { gridTable, heading, lineTable } from './confirmation-doc';
import type { BatchReportPrint, ReportEnvelope } from './intake-print-model';


const envelopeRow = (e: ReportEnvelope): string[] => [e.seq, e.source, e.stamped, e.stated, e.keyed, e.balance];

/** The content of one batch control report. */
export function batchReportContent(b: BatchReportPrint): PdfNode[] {
  const methods = b.methods.length === 0 ? [] : b.methods.map((m) => [m.method, m.count, m.amount]);
  const deficiencies = b.deficiencies.map((d) => [d.code, d.title, d.count]);
  return [
    { text: b.issuer.toUpperCase(), bold: true, fontSize: 10 },
    { text: `${b.programName} — CUSIP ${b.cusip}`, fontSize: 9 },
    { text: 'BATCH CONTROL REPORT', bold: true, fontSize: 14, margin: [0, 10, 0, 0] },
    { text: b.title, bold: true, fontSize: 11 },
    { text: b.state, margin: [0, 2, 0, 0] },
    {
      text: b.balance,
      bold: true,
      color: b.balanced ? '#23773a' : '#b3261e',
      margin: [0, 6, 0, 0],
    },
    {
      columns: [
        { width: '*', stack: [heading('Items keyed'), lineTable(b.items, 190)] },
        { width: '*', stack: [heading('Shares'), lineTable(b.shares, 190)] },
      ],
      columnGap: 16,
    },
    heading('Amounts by payment method'),
    gridTable(['Method', 'Payments', 'Amount'], [...methods, [b.methodsTotal.method, b.methodsTotal.count, b.methodsTotal.amount]], ['*', 80, 120], [1, 2]),
    heading('Deficiencies by code'),
    deficiencies.length === 0 ? { text: 'None found in the items of this batch.' } : gridTable(['Code', 'Deficiency', 'Items'], deficiencies, [170, '*', 60], [2]),
    heading('Envelopes'),
    gridTable(['Envelope', 'Source', 'Stamped (New York)', 'Stated items', 'Keyed items', 'Balance'], [...b.envelopes.map(envelopeRow), envelopeRow(b.envelopesTotal)], [48, 70, 110, 66, 66, '*'], [3, 4]),
    { text: b.head, fontSize: 8, margin: [0, 12, 0, 0] },
    { text: b.drawn, fontSize: 8 },
  ];
}
