import { listJournal, verifyBookJournal } from '../services/journal';
import type { HandlerTable } from './types';

export const journalHandlers = {
  // Exclusive: the worker holds its own connection to the book file, which a restore must not
  // replace (nor a backup copy) while the walk is under way.
  'journal.verify': (_input, ctx) => ctx.exclusive(() => verifyBookJournal(ctx.store)),
  'journal.list': (input, ctx) => listJournal(ctx.store, input),
} satisfies Partial<HandlerTable>;
