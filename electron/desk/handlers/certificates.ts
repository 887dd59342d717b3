import { open } from 'node:fs/promises';
import path from 'node:path';
import { instantToWallTime } from '../../../shared/domain';
import { DeskFailure } from '../../../shared/ipc/result';
import { issuable, summaryOfIssue, type IssueSummary } from '../services/certificates';
import { printContext } from '../services/certificate-faces';
import { printCertificates, reprintCertificate } from '../services/certificates-print';
import { mailingListCsv } from '../services/mailing-list';
import { actorOf } from '../services/views';
import type { BookStore, JobProgress, JournalActor } from '../store/port';
import type { IssueCertificatesInput } from '../workers/issue-certificates';
import { runJob } from '../workers/run-job';
import { signedIn, type HandlerContext, type HandlerTable } from './types';

/** Writes the mailing list into the file main's dialog chose (which asked before replacing one) and journals the export. */
async function exportMailingList(store: BookStore, by: JournalActor, programId: number, file: string): Promise<{ fileName: string; rows: number }> {
  const handle = await open(file, 'w', 0o600);
  let lines = 0;
  try {
    for await (const chunk of mailingListCsv(store, programId)) {
      lines += chunk.split('\r\n').length - 1;
      await handle.write(chunk);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  const rows = lines - 1; // the header
  const fileName = path.basename(file);
  // Holder records left the book (§15): who exported what is on record.
  await store.change(by, 'certificates.mailingListExported', async () => ({ payload: { programId, fileName, rows }, result: null }));
  return { fileName, rows };
}

/**
 * Starts the issue as a job: refused at once, in words, when the program cannot be issued (so the
 * screen hears why before any job exists); the issue itself runs in a worker on its own connection.
 */
async function startIssue(programId: number, ctx: HandlerContext) {
  const user = signedIn(ctx);
  ctx.jobs.checkCanStart('certificates.issue');
  await ctx.store.read((r) => issuable(r, programId));
  const work: IssueCertificatesInput = { location: ctx.store.locationForWorkers(), actor: actorOf(user), programId };
  return ctx.jobs.start('certificates.issue', user, async (job) => {
    const summary = await runJob<IssueCertificatesInput, IssueSummary, JobProgress>('issue-certificates', work, { signal: job.signal, onProgress: job.onProgress }).catch((error: unknown) =>
      committedDespiteCancel(ctx, programId, user.username, error),
    );
    // Housekeeping after a bulk write: a book file folds its grown write-ahead log back in.
    await ctx.store.checkpoint().catch(() => undefined);
    return summary;
  });
}

/**
 * A cancel that reached the worker only once its change was committing came too late to undo
 * it: the job then answers what the book holds (the issue, done), never "cancelled" over an issue
 * that exists. The worker has ended by the time runJob settles, so the book's answer is final.
 */
async function committedDespiteCancel(ctx: HandlerContext, programId: number, username: string, error: unknown): Promise<IssueSummary> {
  if (!(error instanceof DeskFailure && error.code === 'CANCELLED')) throw error;
  const issue = await ctx.store.read((r) => r.certificates.issueOf(programId));
  if (issue?.issuedBy !== username) throw error;
  return summaryOfIssue(issue);
}

export const certificatesHandlers = {
  'certificates.issue': (input, ctx) => startIssue(input.programId, ctx),
  'certificates.exportMailingList': async (input, ctx) => {
    const user = signedIn(ctx);
    const store = ctx.store;
    const { program } = await store.read((r) => printContext(r, input.programId)); // refused before the dialog opens
    const chosen = await ctx.host.chooseSavePath({ title: 'Save the mailing list', defaultName: `${program.cusip}-mailing-list.csv` });
    if (chosen === null) throw new DeskFailure('CANCELLED', 'Export cancelled; nothing was written');
    return exportMailingList(store, actorOf(user), input.programId, chosen);
  },
  'certificates.print': async (input, ctx) => {
    const user = signedIn(ctx);
    const store = ctx.store;
    await store.read((r) => printContext(r, input.programId));
    const folder = await ctx.host.chooseFolder({ title: 'Print certificates into a folder' });
    if (folder === null) throw new DeskFailure('CANCELLED', 'Printing cancelled; nothing was written');
    const selection = { class: input.class, fromNumber: input.fromNumber, toNumber: input.toNumber };
    return ctx.jobs.start('certificates.print', user, (job) =>
      printCertificates(store, actorOf(user), input.programId, selection, folder, { signal: job.signal, onProgress: job.onProgress, workers: 2 }),
    );
  },
  'certificates.reprint': async (input, ctx) => {
    const user = signedIn(ctx);
    const store = ctx.store;
    const certificate = await store.read((r) => r.certificates.byId(input.certificateId));
    if (!certificate) throw new DeskFailure('NOT_FOUND', 'There is no such certificate in this book', 'certificateId');
    const chosen = await ctx.host.chooseSavePath({ title: `Reprint ${certificate.number} as a DUPLICATE`, defaultName: `${certificate.number}-DUPLICATE.pdf` });
    if (chosen === null) throw new DeskFailure('CANCELLED', 'Reprint cancelled; nothing was printed or recorded');
    const today = instantToWallTime(ctx.now().getTime()).slice(0, 10); // the date in New York
    return ctx.jobs.start('certificates.reprint', user, (job) =>
      reprintCertificate(store, actorOf(user), input.certificateId, input.reason, chosen, { signal: job.signal, today, overwrite: true }),
    );
  },
} satisfies Partial<HandlerTable>;
