/**
 * Printing (PDF, a worker) and exporting (CSV) a §10 report into the file main's dialog chose.
 * The report is drawn from one snapshot, put into words here, laid out by the worker into a
 * `.partial` file that takes its name only once complete; a finished print or export is
 * journaled (`reports.printed`, `reports.exported`) with the journal entry its figures were
 * drawn at, so the paper sent to the company can be traced to the book. A cancelled or failed
 * one leaves neither a file nor a journal entry.
 */
import { linkSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { DailyReportView, FinalReportView, HolderListingView, ReportExportView, ReportOutputRequest } from '../../../../shared/ipc/reports';
import type { BookStore } from '../../store/port';
import { HOLDER_ROWS_PER_PART } from '../../pdf/report-doc';
import type { PrintReportInput, PrintReportOutput, PrintReportProgress, ReportPrintWhat } from '../../workers/print-report';
import { runJob } from '../../workers/run-job';
import type { PrintControl, PrintedFile, Printer } from '../intake/intake-print';
import { dailyFrom } from './daily';
import { finalFrom } from './final';
import { HOLDER_NOTES, holderListingFrom } from './holders';
import { dailyCsv, finalCsv, holdersCsv } from './report-csv';
import type { ProgramItemsReader } from '../supervision/items-off-main';
import { withReportSource } from './report-cache';
import { headerOf } from './report-source';
import { dailyPrint, finalPrint, holdersPrint, shortDate } from './report-words';

export type DrawnReport =
  | { readonly report: 'daily'; readonly view: DailyReportView }
  | { readonly report: 'final'; readonly view: FinalReportView }
  | { readonly report: 'holders'; readonly view: HolderListingView };

/** The report asked for, drawn in one snapshot; refused in words before any dialog opens when it cannot be drawn. */
export function drawReport(store: BookStore, request: ReportOutputRequest, asOf: Date, read?: ProgramItemsReader): Promise<DrawnReport> {
  return withReportSource(store, request.programId, asOf, async (r, source) => {
    if (request.report === 'daily') return { report: 'daily', view: dailyFrom(source, request.day) };
    if (request.report === 'final') {
      const view = finalFrom(source);
      if (!view.available) throw new DeskFailure('CONFLICT', `Final report: ${view.unavailableReason ?? 'not yet available'}`, 'report');
      return { report: 'final', view };
    }
    const listing = await holderListingFrom(r, source);
    return { report: 'holders', view: { ...headerOf(source, HOLDER_NOTES), total: listing.rows.length, offset: 0, rows: listing.rows, totals: listing.totals } };
  }, read);
}

/** A name for the file main's dialog proposes. */
export function reportFileName(drawn: DrawnReport, extension: 'pdf' | 'csv'): string {
  const cusip = drawn.view.cusip;
  if (drawn.report === 'daily') return `${cusip}-daily-report-${drawn.view.day}.${extension}`;
  if (drawn.report === 'final') return `${cusip}-final-certified-report.${extension}`;
  return `${cusip}-holder-listing-${drawn.view.drawnLocal.slice(0, 10)}.${extension}`;
}

export const reportTitle = (drawn: DrawnReport): string =>
  drawn.report === 'daily' ? `Daily report for ${shortDate(drawn.view.day)}` : drawn.report === 'final' ? 'Final certified report' : 'Holder listing';

/** Holder rows per file: about 1,000 pages (DESIGN: a bulk file stays at or under 1,000 pages). */
export const HOLDER_ROWS_PER_FILE = HOLDER_ROWS_PER_PART * 990;

async function writePdf(what: ReportPrintWhat, footer: string, file: string, control: PrintControl, total: number): Promise<number> {
  const partial = `${file}.partial`;
  try {
    const out = await runJob<PrintReportInput, PrintReportOutput, PrintReportProgress>('print-report', { ...what, file: partial, footer }, {
      ...(control.signal ? { signal: control.signal } : {}),
      maxHeapMb: 192,
      onProgress: (p) => control.onProgress?.({ done: Math.min(p.parts, total), total, unit: 'parts printed' }),
    });
    try {
      if (control.overwrite === true) renameSync(partial, file);
      else linkSync(partial, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new DeskFailure('CONFLICT', `${path.basename(file)} already exists: choose another name (nothing was printed or recorded)`);
      throw error;
    }
    return out.pages;
  } finally {
    rmSync(partial, { force: true });
  }
}

/** The files a print makes: one, or the holder listing in parts beside the chosen file. */
function holderFiles(file: string, rows: number): string[] {
  const count = Math.max(1, Math.ceil(rows / HOLDER_ROWS_PER_FILE));
  if (count === 1) return [file];
  const ext = path.extname(file);
  const base = file.slice(0, file.length - ext.length);
  return Array.from({ length: count }, (_, i) => `${base}-part-${i + 1}-of-${count}${ext || '.pdf'}`);
}

async function printFiles(drawn: DrawnReport, request: ReportOutputRequest, by: Printer, file: string, control: PrintControl): Promise<{ files: string[]; pages: number }> {
  const footer = `${reportTitle(drawn)} \u2014 ${drawn.view.programName}`;
  if (drawn.report !== 'holders') {
    const report = drawn.report === 'daily' ? dailyPrint(drawn.view, by) : finalPrint(drawn.view, by, officerOf(request));
    return { files: [file], pages: await writePdf({ kind: 'figures', report }, footer, file, control, 1) };
  }
  const files = holderFiles(file, drawn.view.rows.length);
  const written: string[] = [];
  let pages = 0;
  try {
    for (const [i, f] of files.entries()) {
      const rows = drawn.view.rows.slice(i * HOLDER_ROWS_PER_FILE, (i + 1) * HOLDER_ROWS_PER_FILE);
      const listing = holdersPrint({ ...drawn.view, rows }, by);
      pages += await writePdf({ kind: 'holders', listing }, files.length > 1 ? `${footer} \u2014 file ${i + 1} of ${files.length}` : footer, f, { ...control, overwrite: control.overwrite === true && files.length === 1 }, Math.ceil(rows.length / HOLDER_ROWS_PER_PART) + 2);
      written.push(f);
    }
  } catch (error) {
    for (const f of written) rmSync(f, { force: true });
    throw error;
  }
  return { files, pages };
}

/** The final report's certifying officer, named in the request (its schema requires one for the final report). */
function officerOf(request: ReportOutputRequest): { readonly name: string; readonly title: string } {
  if (!request.officer) throw new DeskFailure('INVALID_INPUT', 'Certifying officer: name the officer who certifies the report', 'officer');
  return request.officer;
}

function payloadOf(drawn: DrawnReport, request: ReportOutputRequest): Record<string, unknown> {
  const v = drawn.view;
  const base = { programId: v.programId, report: drawn.report, drawnAt: v.head, drawnLocal: v.drawnLocal };
  if (drawn.report === 'daily') return { ...base, day: drawn.view.day, rightsExercised: drawn.view.today.rightsExercised, cumulativeRightsExercised: drawn.view.cumulative.rightsExercised };
  if (drawn.report === 'final') return { ...base, officer: request.officer?.name ?? null, rightsExercised: drawn.view.totals?.rightsExercised ?? 0, dueAt: drawn.view.due.dueAt, dueState: drawn.view.due.state };
  return { ...base, certificates: drawn.view.totals.certificates, rightsExercised: drawn.view.totals.rightsExercised };
}

async function journal(store: BookStore, by: Printer, action: string, payload: object, files: readonly string[]): Promise<void> {
  try {
    await store.change({ id: by.id, username: by.username }, action, async () => ({ payload, result: null }));
  } catch (error) {
    for (const f of files) rmSync(f, { force: true }); // paper the journal does not know of must not remain
    throw error;
  }
}

/** Prints the drawn report into `file` (a job's body), then journals it. */
export async function printReport(store: BookStore, by: Printer, drawn: DrawnReport, request: ReportOutputRequest, file: string, control: PrintControl): Promise<PrintedFile & { readonly files: readonly string[] }> {
  const { files, pages } = await printFiles(drawn, request, by, file, control);
  const names = files.map((f) => path.basename(f));
  await journal(store, by, 'reports.printed', { ...payloadOf(drawn, request), files: names, pages }, files);
  return { fileName: names[0]!, pages, files: names };
}

/** Writes the drawn report as CSV into `file` (main's dialog chose it and asked before replacing), then journals it. */
export async function exportReport(store: BookStore, by: Printer, drawn: DrawnReport, request: ReportOutputRequest, file: string): Promise<ReportExportView> {
  const handle = await open(file, 'w', 0o600);
  try {
    if (drawn.report === 'daily') await handle.write(dailyCsv(drawn.view));
    else if (drawn.report === 'final') await handle.write(finalCsv(drawn.view, officerOf(request)));
    else for (const piece of holdersCsv(drawn.view)) await handle.write(piece);
    await handle.sync();
  } finally {
    await handle.close();
  }
  const rows = drawn.report === 'holders' ? drawn.view.rows.length : 1;
  const fileName = path.basename(file);
  await journal(store, by, 'reports.exported', { ...payloadOf(drawn, request), fileName, rows }, [file]);
  return { fileName, rows };
}
