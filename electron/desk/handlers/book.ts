import { DeskFailure } from '../../../shared/ipc/result';
import { findActiveUser } from '../services/accounts';
import { backupBook, bookInfo, restoreFromBackup, suggestedBackupName } from '../services/book';
import { signedIn, type HandlerTable } from './types';

// Backup and restore answer { jobId } as soon as the job is started; jobs.list and main's job
// pushes carry its progress and outcome (the BackupResult or BookInfo these channels used to answer).
export const bookHandlers = {
  'book.info': (_input, ctx) => bookInfo(ctx.store),
  'book.backup': async (_input, ctx) => {
    const user = signedIn(ctx);
    ctx.jobs.checkCanStart('book.backup'); // before the dialog: no asking for a file only to refuse
    // The path comes from main's own dialog, never from the screen; the dialog asked before replacing a file.
    const chosen = await ctx.host.chooseSavePath({ title: 'Back up the book', defaultName: suggestedBackupName(ctx.store, ctx.now()) });
    if (chosen === null) throw new DeskFailure('CANCELLED', 'Backup cancelled; nothing was written');
    const store = ctx.store;
    return ctx.jobs.start('book.backup', user, (job) => backupBook(store, user, chosen, { overwrite: true }, job));
  },
  'book.restore': async (_input, ctx) => {
    const user = signedIn(ctx);
    ctx.jobs.checkCanStart('book.restore');
    const chosen = await ctx.host.chooseOpenPath({ title: 'Restore the book from a backup' });
    if (chosen === null) throw new DeskFailure('CANCELLED', 'Restore cancelled; the book was not changed');
    return ctx.jobs.start('book.restore', user, async (job) => {
      const info = await restoreFromBackup(ctx.book, user, chosen, ctx.now, job);
      // The restored book has its own users table: keep the session only if it knows this person
      // (and only if it is still theirs: someone else may have signed in meanwhile).
      if (ctx.session.current().user?.id === user.id) {
        const there = await findActiveUser(ctx.book.current, user.username);
        if (there) ctx.session.replaceUser(there);
        else ctx.session.signOut();
      }
      return info;
    });
  },
} satisfies Partial<HandlerTable>;
