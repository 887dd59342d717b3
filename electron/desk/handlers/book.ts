import { DeskFailure } from '../../../shared/ipc/result';
import { findActiveUser } from '../services/accounts';
import { backupBook, bookInfo, restoreFromBackup, suggestedBackupName } from '../services/book';
import { signedIn, type HandlerTable } from './types';

export const bookHandlers = {
  'book.info': (_input, ctx) => bookInfo(ctx.store),
  'book.backup': async (_input, ctx) => {
    const user = signedIn(ctx);
    // The path comes from main's own dialog, never from the screen; the dialog asked before replacing a file.
    const chosen = await ctx.host.chooseSavePath({ title: 'Back up the book', defaultName: suggestedBackupName(ctx.store, ctx.now()) });
    if (chosen === null) throw new DeskFailure('CANCELLED', 'Backup cancelled; nothing was written');
    return ctx.exclusive(() => backupBook(ctx.store, user, chosen, { overwrite: true }));
  },
  'book.restore': async (_input, ctx) => {
    const user = signedIn(ctx);
    const chosen = await ctx.host.chooseOpenPath({ title: 'Restore the book from a backup' });
    if (chosen === null) throw new DeskFailure('CANCELLED', 'Restore cancelled; the book was not changed');
    const info = await ctx.exclusive(() => restoreFromBackup(ctx.book, user, chosen, ctx.now));
    // The restored book has its own users table: keep the session only if it knows this person.
    const there = await findActiveUser(ctx.book.current, user.username);
    if (there) ctx.session.replaceUser(there);
    else ctx.session.signOut();
    return info;
  },
} satisfies Partial<HandlerTable>;
