import { DeskFailure } from '../../../shared/ipc/result';
import { officeChoice, switchBook } from '../services/book-choice';
import type { HandlerTable } from './types';

/**
 * File ▸ Open a book file… and File ▸ Connect to an office database…: open before anyone signs
 * in (a new workstation chooses its book first), refused while the desk is locked. Switching signs
 * out whoever was signed in.
 */
export const bookChoiceHandlers = {
  'book.openFile': async (_input, ctx) => {
    const chosen = await ctx.host.chooseOpenPath({ title: 'Open a book file' });
    if (chosen === null) throw new DeskFailure('CANCELLED', 'No book was opened; the desk stays on its book');
    ctx.jobs.checkCanStart('book.open'); // no other book while a job holds this one
    return switchBook(ctx, chosen, { kind: 'sqlite', path: chosen }, { mode: 'open' });
  },
  // File ▸ New book…: the only way the app makes a book file besides its very first default one.
  'book.newFile': async (_input, ctx) => {
    const chosen = await ctx.host.chooseSavePath({ title: 'New book', defaultName: 'new.book' });
    if (chosen === null) throw new DeskFailure('CANCELLED', 'No book was made; the desk stays on its book');
    ctx.jobs.checkCanStart('book.open');
    return switchBook(ctx, chosen, { kind: 'sqlite', path: chosen }, { mode: 'create' });
  },
  'book.connect': async (input, ctx) => {
    const { url, remember } = officeChoice(input, (plain) => ctx.host.sealSecret(plain));
    ctx.jobs.checkCanStart('book.open');
    return switchBook(ctx, url, remember, { mode: 'open-or-create' });
  },
} satisfies Partial<HandlerTable>;
