// Worker entry: writes one PDF of a §10 report — the daily or final report, or (a part of) the
// holder listing a page at a time — posting the parts and pages written. Main gives it the
// report already in words; it never opens the book.
import { pageFooter } from '../pdf/confirmation-doc';
import { writeIntakePdf, type PrintPart } from '../pdf/intake-render';
import { figuresReportContent, holderListingParts, type FiguresReportPrint, type HolderListingPrint } from '../pdf/report-doc';
import { serveJob } from './job-port';

export type ReportPrintWhat = { readonly kind: 'figures'; readonly report: FiguresReportPrint } | { readonly kind: 'holders'; readonly listing: HolderListingPrint };

export type PrintReportInput = ReportPrintWhat & { readonly file: string; readonly footer: string };

export interface PrintReportOutput {
  readonly pages: number;
}

export interface PrintReportProgress {
  readonly parts: number;
  readonly pages: number;
}

function* partsOf(input: PrintReportInput): Generator<PrintPart> {
  const footer = pageFooter(input.footer);
  if (input.kind === 'figures') {
    yield { content: figuresReportContent(input.report), footer };
    return;
  }
  for (const content of holderListingParts(input.listing)) yield { content, footer };
}

serveJob<PrintReportInput, PrintReportOutput, PrintReportProgress>(async (input, progress) => {
  const pages = await writeIntakePdf(partsOf(input), input.file, input.footer, (parts, written) => progress({ parts, pages: written }));
  return { pages };
});
