import { instantToWallTime } from '../../../shared/domain';
import { DeskFailure } from '../../../shared/ipc/result';
import { listJournal, verifyBookJournal } from '../services/journal';
import { exportJournal, journalActions, searchJournal } from '../services/journal-search';
import { actorOf } from '../services/views';
import { signedIn, type HandlerTable } from './types';

export const journalHandlers = {
  // A job that holds the book: the worker keeps its own connection to the book file, which a
  // restore must not replace (nor a backup copy) while the walk is under way. Answers { jobId };
  // the JournalVerification is the job's result.
  'journal.verify': (_input, ctx) => {
    const user = signedIn(ctx);
    const store = ctx.store;
    return ctx.jobs.start('journal.verify', user, (job) => verifyBookJournal(store, job));
  },
  'journal.list': (input, ctx) => listJournal(ctx.store, input),
  'journal.search': (input, ctx) => searchJournal(ctx.store, input.filter, input.offset, input.limit),
  'journal.actions': (_input, ctx) => journalActions(ctx.store),
  'journal.export': async (input, ctx) => {
    const user = signedIn(ctx);
    const store = ctx.store;
    const today = instantToWallTime(ctx.now().getTime()).slice(0, 10);
    const chosen = await ctx.host.chooseSavePath({ title: 'Export the audit trail', defaultName: `audit-trail-${today}.csv` });
    if (chosen === null) throw new DeskFailure('CANCELLED', 'Export cancelled; nothing was written');
    return exportJournal(store, actorOf(user), input.filter, chosen);
  },
} satisfies Partial<HandlerTable>;
