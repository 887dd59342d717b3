// The Payments area's channels (shared/ipc/payments.ts). Roles are checked by the channel map
// (a split and a layout need a supervisor); the bank file is chosen in main's open dialog and the
// report's CSV is written where main's save dialog says — no path ever comes from the screen.
// Each desk keeps the reports of the bank files it read lately, for their export.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { BankFileReport } from '../../../shared/ipc/payments';
import { DeskFailure } from '../../../shared/ipc/result';
import type { JobRegistry } from '../jobs/registry';
import type { JobProgress } from '../store/port';
import type { ReadBankFileInput } from '../workers/read-bank-file';
import { runJob } from '../workers/run-job';
import { listBankLayouts, saveBankLayout } from '../services/payments/bank-layouts';
import { unmatchedCsv } from '../services/payments/bank-match';
import { clearPayment, getPayment, returnPayment } from '../services/payments/clearance';
import { correctPayment } from '../services/payments/correction';
import { depositSlip } from '../services/payments/deposit-slip';
import { findPayments } from '../services/payments/find';
import { escrowLedger } from '../services/payments/ledger';
import { splitPayment } from '../services/payments/split';
import { signedIn, type HandlerContext, type HandlerTable } from './types';

/** Bank file reports kept per desk (its job registry), by bank file and by the job that read it; the oldest go first. */
interface DeskReports {
  readonly byFile: Map<number, BankFileReport>;
  readonly byJob: Map<number, number>;
}
const reports = new WeakMap<JobRegistry, DeskReports>();
const KEEP_REPORTS = 20;

function reportsOf(ctx: HandlerContext): DeskReports {
  let found = reports.get(ctx.jobs);
  if (!found) reports.set(ctx.jobs, (found = { byFile: new Map(), byJob: new Map() }));
  return found;
}

function keep(ctx: HandlerContext, jobId: number, report: BankFileReport): void {
  const { byFile, byJob } = reportsOf(ctx);
  byFile.set(report.bankFileId, report);
  byJob.set(jobId, report.bankFileId);
  for (const old of [...byFile.keys()].slice(0, Math.max(0, byFile.size - KEEP_REPORTS))) byFile.delete(old);
  for (const old of [...byJob.keys()].slice(0, Math.max(0, byJob.size - KEEP_REPORTS))) byJob.delete(old);
}

async function writeDurably(file: string, text: string): Promise<void> {
  const handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, 0o600);
  try {
    await handle.write(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export const paymentsHandlers = {
  'payments.find': (input, ctx) => findPayments(ctx.store, input.programId, { checkNumber: input.checkNumber, amount: input.amount, payer: input.payer, status: input.status, electionId: input.electionId }, input.limit),
  'payments.get': (input, ctx) => getPayment(ctx.store, input.paymentId),
  'payments.clear': (input, ctx) => clearPayment(ctx.store, signedIn(ctx), input),
  'payments.return': (input, ctx) => returnPayment(ctx.store, signedIn(ctx), input),
  'payments.split': (input, ctx) => splitPayment(ctx.store, signedIn(ctx), input),
  'payments.correct': (input, ctx) => correctPayment(ctx.store, signedIn(ctx), input),
  'payments.bankLayouts': (_input, ctx) => listBankLayouts(ctx.store),
  'payments.saveBankLayout': (input, ctx) => saveBankLayout(ctx.store, signedIn(ctx), input),
  // A job in a worker: the file is read (progress in bytes, Cancel in the status bar) and applied in
  // one change on the worker's own connection, so parsing a large file never holds up the window.
  'payments.readBankFile': async (input, ctx) => {
    const user = signedIn(ctx);
    const chosen = await ctx.host.chooseOpenPath({ title: `Choose ${input.bank}'s clearance file (CSV)` });
    if (chosen === null) throw new DeskFailure('CANCELLED', 'No file was chosen');
    const work: ReadBankFileInput = { location: ctx.store.locationForWorkers(), user, work: { programId: input.programId, bank: input.bank, layout: input.layout, file: chosen, fileName: path.basename(chosen) } };
    let jobId = 0;
    const started = ctx.jobs.start('payments.bankFile', user, async (job) => {
      const report = await runJob<ReadBankFileInput, BankFileReport, JobProgress>('read-bank-file', work, { signal: job.signal, onProgress: job.onProgress });
      keep(ctx, jobId, report);
      return { bankFileId: report.bankFileId, cleared: report.cleared, returned: report.returned, unmatched: report.unmatched.length };
    });
    jobId = started.jobId;
    return started;
  },
  'payments.bankFileReport': (input, ctx) => {
    const { byFile, byJob } = reportsOf(ctx);
    const report = byFile.get(byJob.get(input.jobId) ?? 0);
    if (report) return report;
    const job = ctx.jobs.get(input.jobId);
    if (job?.kind === 'payments.bankFile' && job.state === 'running') throw new DeskFailure('CONFLICT', 'The bank file is still being read: its report is ready when it has finished', 'jobId');
    throw new DeskFailure('NOT_FOUND', 'There is no report of that bank file on this desk (it failed, was cancelled, or was read long ago)', 'jobId');
  },
  'payments.exportUnmatched': async (input, ctx) => {
    const report = reportsOf(ctx).byFile.get(input.bankFileId);
    if (!report) throw new DeskFailure('NOT_FOUND', 'This desk no longer has the report of that bank file: read lately files only', 'bankFileId');
    const chosen = await ctx.host.chooseSavePath({ title: 'Save the unmatched lines', defaultName: `unmatched-${report.fileName.replace(/\.[^.]*$/, '')}.csv` });
    if (chosen === null) throw new DeskFailure('CANCELLED', 'The unmatched lines were not saved');
    await writeDurably(chosen, unmatchedCsv(report.unmatched));
    return { fileName: path.basename(chosen), lines: report.unmatched.length };
  },
  'payments.ledger': (input, ctx) => escrowLedger(ctx.store, input.programId),
  'payments.depositSlip': (input, ctx) => depositSlip(ctx.store, input.batchId),
} satisfies Partial<HandlerTable>;
