// The register import's channels (shared/ipc/register-import.ts). Main's open dialog chooses the
// file, and the desk keeps its path behind an opaque token; the import runs as a job in a worker
// (workers/import-register.ts) on its own connection to the book. Each desk keeps its finished
// imports' reports (for the problems grid and the export) while its jobs are listed.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { DeskFailure } from '../../../shared/ipc/result';
import type { RegisterImportResult } from '../../../shared/ipc/register-import';
import type { JobProgress } from '../../../shared/ipc/types';
import { checkRegisterFile, RegisterFileError } from '../importers/file-bytes';
import { parseLayout, type LayoutSpec } from '../importers/layout';
import { formatOf, previewFile, type FileFormat } from '../importers/preview';
import { problemsCsvChunks, reportJsonChunks } from '../importers/report';
import type { JobRegistry } from '../jobs/registry';
import { bookTinKey } from '../security/tin-vault';
import { keySource } from './tin-key-source';
import type { RegisterImportOutcome } from '../services/register-import';
import { listLayouts, resolveLayout, saveLayout } from '../services/register-layouts';
import { actorOf } from '../services/views';
import { runJob } from '../workers/run-job';
import type { ImportRegisterInput } from '../workers/import-register';
import { signedIn, type HandlerContext, type HandlerTable } from './types';

interface ChosenFile {
  readonly path: string;
  readonly fileName: string;
  readonly format: FileFormat;
}

interface DeskImports {
  readonly files: Map<string, ChosenFile>;
  readonly outcomes: Map<number, RegisterImportOutcome>;
}

/** One set per desk (its job registry), gone with it. */
const desks = new WeakMap<JobRegistry, DeskImports>();
const importsOf = (ctx: HandlerContext): DeskImports => {
  let found = desks.get(ctx.jobs);
  if (!found) desks.set(ctx.jobs, (found = { files: new Map(), outcomes: new Map() }));
  return found;
};

/** Finished imports kept for their reports; the oldest go first. */
const KEEP_OUTCOMES = 20;

const asFailure = (error: unknown): unknown => (error instanceof RegisterFileError ? new DeskFailure('INVALID_INPUT', error.message, 'file') : error);

function outcomeOf(ctx: HandlerContext, jobId: number): RegisterImportOutcome {
  const outcome = importsOf(ctx).outcomes.get(jobId);
  if (outcome) return outcome;
  const job = ctx.jobs.get(jobId);
  if (job?.kind === 'register.import' && job.state === 'running') throw new DeskFailure('CONFLICT', 'The import is still running: its report is ready when it has finished', 'jobId');
  throw new DeskFailure('NOT_FOUND', 'There is no report of that import on this desk (it failed, was cancelled, or finished long ago)', 'jobId');
}

const summary = (o: RegisterImportOutcome): RegisterImportResult => ({
  committed: o.committed, importId: o.importId, file: o.report.file, imported: o.report.imported, rejected: o.report.rejected, problemCount: o.report.problems.length,
});

export const registerImportHandlers = {
  'register.layouts': (input, ctx) => listLayouts(ctx.store, input.issuer),
  'register.saveLayout': (input, ctx) => {
    if (input.spec['format'] !== input.format) throw new DeskFailure('INVALID_INPUT', `Layout: its format is ${String(input.spec['format'])}, not ${input.format}`, 'spec.format');
    return saveLayout(ctx.store, actorOf(signedIn(ctx)), input);
  },
  'register.chooseFile': async (_input, ctx) => {
    const chosen = await ctx.host.chooseOpenPath({ title: 'Choose a register file (CSV, fixed-width or .xlsx)' });
    if (chosen === null) throw new DeskFailure('CANCELLED', 'No file was chosen');
    const fileName = path.basename(chosen);
    try {
      const bytes = await checkRegisterFile(chosen, fileName);
      const format = formatOf(fileName);
      const preview = await previewFile(chosen, format);
      const fileToken = randomBytes(16).toString('hex');
      importsOf(ctx).files.set(fileToken, { path: chosen, fileName, format });
      return { fileToken, fileName, bytes, format, preview };
    } catch (error) {
      throw asFailure(error);
    }
  },
  'register.startImport': async (input, ctx) => {
    const user = signedIn(ctx);
    ctx.jobs.checkCanStart('register.import');
    const state = importsOf(ctx);
    const file = state.files.get(input.fileToken);
    if (!file) throw new DeskFailure('NOT_FOUND', 'That file is no longer chosen on this desk: choose it again', 'fileToken');
    const layout = 'name' in input.layout ? await resolveLayout(ctx.store, input.programId, input.layout.name) : mappedLayout(input.layout.spec);
    const key = await bookTinKey(ctx.store, await keySource(ctx), { create: !input.dryRun, now: ctx.now });
    const work: ImportRegisterInput = {
      location: ctx.store.locationForWorkers(),
      actor: actorOf(user),
      import: { programId: input.programId, file: file.path, fileName: file.fileName, layoutName: layout.name, spec: layout.spec, goodRowsOnly: input.goodRowsOnly, dryRun: input.dryRun },
      key: key.state === 'ready' ? { keyId: key.vault.keyId, key: key.vault.exportKey(), record: key.record, isNew: key.isNew } : null,
      lockedReason: key.state === 'ready' ? '' : key.reason,
    };
    let jobId = 0;
    const started = ctx.jobs.start('register.import', user, async (job) => {
      const outcome = await runJob<ImportRegisterInput, RegisterImportOutcome, JobProgress>('import-register', work, { signal: job.signal, onProgress: job.onProgress });
      state.outcomes.set(jobId, outcome);
      // Housekeeping after a bulk write: a book file folds its grown write-ahead log back in.
      if (outcome.committed) await ctx.store.checkpoint().catch(() => undefined);
      for (const old of [...state.outcomes.keys()].slice(0, Math.max(0, state.outcomes.size - KEEP_OUTCOMES))) state.outcomes.delete(old);
      return summary(outcome);
    });
    jobId = started.jobId;
    return started;
  },
  'register.importResult': (input, ctx) => summary(outcomeOf(ctx, input.jobId)),
  'register.problems': (input, ctx) => {
    const { problems } = outcomeOf(ctx, input.jobId).report;
    return { total: problems.length, problems: problems.slice(input.offset, input.offset + input.limit).map((p) => ({ ...p })) };
  },
  'register.exportReport': async (input, ctx) => {
    const { report } = outcomeOf(ctx, input.jobId);
    const chosen = await ctx.host.chooseSavePath({ title: 'Save the import report', defaultName: `register-report-${report.file.sha256.slice(0, 12)}.${input.format}` });
    if (chosen === null) throw new DeskFailure('CANCELLED', 'The report was not saved');
    const handle = await open(chosen, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, 0o600);
    try {
      for (const chunk of input.format === 'json' ? reportJsonChunks(report) : problemsCsvChunks(report.problems)) await handle.write(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { fileName: path.basename(chosen) };
  },
} satisfies Partial<HandlerTable>;

/** A layout mapped on the screen for this import only (saved layouts go through register.saveLayout). */
function mappedLayout(spec: unknown): { name: string; spec: LayoutSpec } {
  const parsed = parseLayout(spec);
  if (!parsed.ok) throw new DeskFailure('INVALID_INPUT', `Layout: ${parsed.message}`, 'layout');
  return { name: `mapped on screen (${parsed.spec.format})`, spec: parsed.spec };
}
