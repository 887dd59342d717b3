// Nominees' DTC instructions (keyed or from a file main's dialog chooses), Notices of Guaranteed
// Delivery and their covers, and the open envelopes items are keyed into. Clerks and up.
import path from 'node:path';
import { DeskFailure } from '../../../shared/ipc/result';
import { keyDtcInstruction, listDtcInstructions, previewDtcInstruction } from '../services/intake/dtc';
import { correctDtcInstruction } from '../services/intake/dtc-correction';
import { keyedDtcInstruction } from '../services/intake/dtc-keyed';
import type { DtcImportResult } from '../../../shared/ipc/intake-more';
import type { JobRegistry } from '../jobs/registry';
import type { JobProgress } from '../store/port';
import type { ImportDtcInput } from '../workers/import-dtc';
import { runJob } from '../workers/run-job';
import { coverGuaranteedNotice, keyGuaranteedNotice, listGuaranteedNotices } from '../services/intake/guaranteed-delivery';
import { openEnvelopes } from '../services/intake/open-envelopes';
import { signedIn, type HandlerContext, type HandlerTable } from './types';

/** The results of the DTC files this desk imported lately, by job (the oldest go first). */
const results = new WeakMap<JobRegistry, Map<number, DtcImportResult>>();
const KEEP_RESULTS = 20;

function resultsOf(ctx: HandlerContext): Map<number, DtcImportResult> {
  let found = results.get(ctx.jobs);
  if (!found) results.set(ctx.jobs, (found = new Map()));
  return found;
}

function keepResult(ctx: HandlerContext, jobId: number, result: DtcImportResult): void {
  const kept = resultsOf(ctx);
  kept.set(jobId, result);
  for (const old of [...kept.keys()].slice(0, Math.max(0, kept.size - KEEP_RESULTS))) kept.delete(old);
}

export const intakeDtcHandlers = {
  'intakeItems.envelopes': (input, ctx) => openEnvelopes(ctx.store, input.programId),
  'dtc.preview': (input, ctx) => previewDtcInstruction(ctx.store, input),
  'dtc.save': (input, ctx) => keyDtcInstruction(ctx.store, signedIn(ctx), input),
  'dtc.correct': (input, ctx) => correctDtcInstruction(ctx.store, signedIn(ctx), input),
  'dtc.list': (input, ctx) => listDtcInstructions(ctx.store, input.programId),
  'dtc.keyed': (input, ctx) => keyedDtcInstruction(ctx.store, input.electionId),
  'dtc.importFile': async (input, ctx) => {
    const user = signedIn(ctx);
    const chosen = await ctx.host.chooseOpenPath({ title: 'Choose a DTC instruction file (CSV)' });
    if (chosen === null) throw new DeskFailure('CANCELLED', 'No file was chosen; nothing was imported');
    if (path.extname(chosen).toLowerCase() !== '.csv') throw new DeskFailure('INVALID_INPUT', `File: ${path.basename(chosen)} is not a .csv file`, 'file');
    ctx.jobs.checkCanStart('dtc.import');
    const work: ImportDtcInput = { location: ctx.store.locationForWorkers(), user, envelopeId: input.envelopeId, file: chosen };
    let jobId = 0;
    const started = ctx.jobs.start('dtc.import', user, async (job) => {
      const result = await runJob<ImportDtcInput, DtcImportResult, JobProgress>('import-dtc', work, { signal: job.signal, onProgress: job.onProgress });
      keepResult(ctx, jobId, result);
      return { committed: result.committed, instructions: result.instructions, problems: result.problems.length };
    });
    jobId = started.jobId;
    return started;
  },
  'dtc.importResult': (input, ctx) => {
    const result = resultsOf(ctx).get(input.jobId);
    if (result) return result;
    const job = ctx.jobs.get(input.jobId);
    if (job?.kind === 'dtc.import' && job.state === 'running') throw new DeskFailure('CONFLICT', 'The DTC file is still being imported: its result is ready when it has finished', 'jobId');
    throw new DeskFailure('NOT_FOUND', 'There is no result of that DTC import on this desk (it failed, was cancelled, or ran long ago)', 'jobId');
  },
  'guaranteed.save': (input, ctx) => keyGuaranteedNotice(ctx.store, signedIn(ctx), input, ctx.now()),
  'guaranteed.cover': (input, ctx) => coverGuaranteedNotice(ctx.store, signedIn(ctx), input, ctx.now()),
  'guaranteed.list': (input, ctx) => listGuaranteedNotices(ctx.store, input.programId, ctx.now()),
} satisfies Partial<HandlerTable>;
