// Worker entry: writes one PDF of intake prints — a batch's confirmations, one confirmation, or a
// batch control report — laid out one letter at a time, posting the letters and pages written.
// Main gives it what to print, already in words; it never opens the book.
import { batchReportContent } from '../pdf/batch-report-doc';
import { confirmationContent, pageFooter } from '../pdf/confirmation-doc';
import type { BatchReportPrint, ConfirmationPrint } from '../pdf/intake-print-model';
import { writeIntakePdf, type PrintPart } from '../pdf/intake-render';
import { serveJob } from './job-port';

/** What one file holds: letters of confirmation, or one batch control report. */
export type IntakePrintWhat =
  | { readonly title: string; readonly confirmations: readonly ConfirmationPrint[] }
  | { readonly title: string; readonly report: BatchReportPrint };

export type PrintIntakeInput = IntakePrintWhat & { readonly file: string };

export interface PrintIntakeOutput {
  readonly pages: number;
  readonly letters: number;
}

export interface PrintIntakeProgress {
  readonly letters: number;
  readonly pages: number;
}

function* partsOf(input: PrintIntakeInput): Generator<PrintPart> {
  if ('report' in input) {
    yield { content: batchReportContent(input.report), footer: pageFooter(`Batch control report — ${input.report.title}`) };
    return;
  }
  for (const c of input.confirmations) yield { content: confirmationContent(c), footer: pageFooter(`Confirmation — ${c.reference} — certificate ${c.certificateNumber}`) };
}

serveJob<PrintIntakeInput, PrintIntakeOutput, PrintIntakeProgress>(async (input, progress) => {
  let letters = 0;
  const pages = await writeIntakePdf(partsOf(input), input.file, input.title, (done, written) => {
    letters = done;
    progress({ letters: done, pages: written });
  });
  return { pages, letters };
});
