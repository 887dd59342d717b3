import { listJournal, verifyBookJournal } from '../services/journal';
import type { HandlerTable } from './types';

export const journalHandlers = {
  'journal.verify': (_input, ctx) => verifyBookJournal(ctx.store),
  'journal.list': (input, ctx) => listJournal(ctx.store, input),
} satisfies Partial<HandlerTable>;
