// Batch control's channels: figures and closing answer at once; prints are jobs writing where
// main's own dialog chose (never a path from the renderer).
import { DeskFailure } from '../../../shared/ipc/result';
import type { SessionUser } from '../../../shared/ipc/types';
import { batchControl, batchSummaries, closeBatch } from '../services/intake/batch-control';
import { batchOf } from '../services/intake/batch-rows';
import { printBatchConfirmations, printBatchReport, printConfirmation, type Printer } from '../services/intake/intake-print';
import { actorOf } from '../services/views';
import { signedIn, type HandlerContext, type HandlerTable } from './types';

const printer = (u: SessionUser): Printer => ({ id: u.id, username: u.username, displayName: u.displayName });

async function savePath(ctx: HandlerContext, title: string, defaultName: string, what: string): Promise<string> {
  const chosen = await ctx.host.chooseSavePath({ title, defaultName });
  if (chosen === null) throw new DeskFailure('CANCELLED', `${what} cancelled; nothing was printed or recorded`);
  return chosen;
}

export const batchControlHandlers = {
  'batchControl.list': (input, ctx) => ctx.store.read((r) => batchSummaries(r, input.programId)),
  'batchControl.figures': (input, ctx) => ctx.store.read((r) => batchControl(r, input.batchId)),
  'batchControl.close': (input, ctx) => closeBatch(ctx.store, actorOf(signedIn(ctx)), input),
  'batchControl.printReport': async (input, ctx) => {
    const user = signedIn(ctx);
    const store = ctx.store;
    const batch = await store.read((r) => batchOf(r, input.batchId)); // refused before the dialog opens
    const file = await savePath(ctx, `Print the control report of batch ${batch.id}`, `batch-${batch.id}-control-report.pdf`, 'Printing');
    return ctx.jobs.start('batchControl.printReport', user, (job) => printBatchReport(store, printer(user), batch.id, file, { signal: job.signal, onProgress: job.onProgress, overwrite: true, now: ctx.now }));
  },
  'batchControl.printConfirmations': async (input, ctx) => {
    const user = signedIn(ctx);
    const store = ctx.store;
    const batch = await store.read((r) => batchOf(r, input.batchId));
    const folder = await ctx.host.chooseFolder({ title: `Print the confirmations of batch ${batch.id} into a folder` });
    if (folder === null) throw new DeskFailure('CANCELLED', 'Printing cancelled; nothing was printed or recorded');
    return ctx.jobs.start('batchControl.printConfirmations', user, (job) => printBatchConfirmations(store, printer(user), batch.id, folder, { signal: job.signal, onProgress: job.onProgress, now: ctx.now }));
  },
  'batchControl.printConfirmation': async (input, ctx) => {
    const user = signedIn(ctx);
    const store = ctx.store;
    const election = await store.read((r) => r.intake.byId('elections', input.electionId));
    if (!election) throw new DeskFailure('NOT_FOUND', `Election: there is no election ${input.electionId} in this book`, 'electionId');
    const file = await savePath(ctx, `Print the confirmation of election ${election.id}`, `election-${election.id}-confirmation.pdf`, 'Printing');
    return ctx.jobs.start('batchControl.printConfirmation', user, (job) => printConfirmation(store, printer(user), election.id, file, { signal: job.signal, onProgress: job.onProgress, overwrite: true, now: ctx.now }));
  },
} satisfies Partial<HandlerTable>;
