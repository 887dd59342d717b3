/**
 * Printing intake papers: a batch control report, one election's confirmation, or every
 * confirmation of a batch. What to print is read from the book in one snapshot and put into
 * words here; a worker lays it out (workers/print-intake.ts) into a `.partial` file that takes its
 * name only once complete (never over another file unless main's dialog said so). A finished
 * print is journaled; a cancelled or failed one leaves neither a file nor a journal entry.
 */
import { linkSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { IntakePrintWhat, PrintIntakeInput, PrintIntakeOutput, PrintIntakeProgress } from '../../workers/print-intake';
import { runJob } from '../../workers/run-job';
import type { BookStore } from '../../store/port';
import type { ConfirmationPrint } from '../../pdf/intake-print-model';
import { batchOf } from './batch-rows';
import { batchReportOf, reportSource } from './batch-report';
import { confirmationOf, confirmationSource } from './confirmation';

export interface Printer {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
}

export interface PrintControl {
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((p: { done: number; total: number; unit: string }) => void) | undefined;
  /** Replace a file already there (main's save dialog asked). */
  readonly overwrite?: boolean;
  /** The instant printed on the paper (ISO UTC); the desk's clock. */
  readonly now: () => Date;
}

export interface PrintedFile {
  readonly fileName: string;
  readonly pages: number;
}

/** Confirmations per file: a confirmation is one or two pages, so a file stays well under 1,000 pages. */
export const CONFIRMATIONS_PER_FILE = 400;

/** Runs the worker into `file`'s partial, then gives the file its name; removes the partial whatever happens. */
async function writeFile(input: IntakePrintWhat, file: string, control: PrintControl, total: number): Promise<PrintIntakeOutput> {
  const partial = `${file}.partial`;
  try {
    const out = await runJob<PrintIntakeInput, PrintIntakeOutput, PrintIntakeProgress>('print-intake', { ...input, file: partial }, {
      ...(control.signal ? { signal: control.signal } : {}),
      maxHeapMb: 128,
      onProgress: (p) => control.onProgress?.({ done: p.letters, total, unit: 'letters printed' }),
    });
    try {
      if (control.overwrite === true) renameSync(partial, file);
      else linkSync(partial, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new DeskFailure('CONFLICT', `${path.basename(file)} already exists: choose another name (nothing was printed or recorded)`);
      throw error;
    }
    return out;
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Journals a finished print; paper the journal does not know of must not remain. */
async function journalPrint(store: BookStore, by: Printer, action: string, payload: object, files: readonly string[]): Promise<void> {
  try {
    await store.change({ id: by.id, username: by.username }, action, async () => ({ payload, result: null }));
  } catch (error) {
    for (const f of files) rmSync(f, { force: true });
    throw error;
  }
}

/** The batch control report into `file`, with the journal head its figures were drawn at. */
export async function printBatchReport(store: BookStore, by: Printer, batchId: number, file: string, control: PrintControl): Promise<PrintedFile & { readonly balanced: boolean }> {
  const at = control.now().toISOString();
  const source = await store.read((r) => reportSource(r, batchId));
  const report = batchReportOf(source, { ...by, at });
  const out = await writeFile({ title: `Batch control report — ${report.title}`, report }, file, control, 1);
  const fileName = path.basename(file);
  await journalPrint(store, by, 'batch.reportPrinted', { batchId, fileName, pages: out.pages, drawnAt: source.head, balanced: report.balanced, items: source.view.figures.items.total, amount: source.view.figures.amountTotal.amount }, [file]);
  return { fileName, pages: out.pages, balanced: report.balanced };
}

/** One election's confirmation into `file`. */
export async function printConfirmation(store: BookStore, by: Printer, electionId: number, file: string, control: PrintControl): Promise<PrintedFile> {
  const at = control.now().toISOString();
  const letter = await store.read(async (r) => confirmationOf(r, await confirmationSource(r, electionId), { username: by.username, at }));
  const out = await writeFile({ title: `Confirmation — ${letter.reference}`, confirmations: [letter] }, file, control, 1);
  const fileName = path.basename(file);
  await journalPrint(store, by, 'election.confirmationPrinted', { electionId, certificate: letter.certificateNumber, fileName, pages: out.pages }, [file]);
  return { fileName, pages: out.pages };
}

export interface BatchConfirmations {
  readonly batchId: number;
  readonly letters: number;
  readonly pages: number;
  readonly files: readonly PrintedFile[];
}

/** Every confirmation of a batch (reversed elections too, marked withdrawn), into files in `folder`. */
export async function printBatchConfirmations(store: BookStore, by: Printer, batchId: number, folder: string, control: PrintControl): Promise<BatchConfirmations> {
  const at = control.now().toISOString();
  const { letters, cusip } = await store.read(async (r) => {
    const batch = await batchOf(r, batchId);
    const program = await r.programs.byId(batch.programId);
    const elections = await r.intake.where('elections', 'batchId', batchId);
    const out: ConfirmationPrint[] = [];
    for (const e of elections) out.push(await confirmationOf(r, await confirmationSource(r, e.id), { username: by.username, at }));
    return { letters: out, cusip: program?.cusip ?? 'program' };
  });
  if (letters.length === 0) throw new DeskFailure('CONFLICT', `Batch ${batchId} has no elections keyed: there is no confirmation to print`, 'batchId');
  const chunks = Math.ceil(letters.length / CONFIRMATIONS_PER_FILE);
  const written: string[] = [];
  const files: PrintedFile[] = [];
  try {
    for (let i = 0; i < chunks; i++) {
      const name = `${cusip}-batch-${batchId}-confirmations${chunks > 1 ? `-${i + 1}-of-${chunks}` : ''}.pdf`;
      const part = letters.slice(i * CONFIRMATIONS_PER_FILE, (i + 1) * CONFIRMATIONS_PER_FILE);
      const done = i * CONFIRMATIONS_PER_FILE;
      const file = path.join(folder, name);
      const out = await writeFile({ title: `Confirmations — batch ${batchId}`, confirmations: part }, file, { ...control, overwrite: false, onProgress: (p) => control.onProgress?.({ ...p, done: done + p.done, total: letters.length }) }, letters.length);
      written.push(file);
      files.push({ fileName: name, pages: out.pages });
    }
  } catch (error) {
    for (const f of written) rmSync(f, { force: true }); // all or nothing: no unrecorded paper remains
    throw error;
  }
  const pages = files.reduce((n, f) => n + f.pages, 0);
  await journalPrint(store, by, 'batch.confirmationsPrinted', { batchId, letters: letters.length, pages, files: files.map((f) => ({ ...f })) }, written);
  return { batchId, letters: letters.length, pages, files };
}
