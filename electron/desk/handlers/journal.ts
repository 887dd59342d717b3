import { listJournal, verifyBookJournal } from '../services/journal';
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
} satisfies Partial<HandlerTable>;
