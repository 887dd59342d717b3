import { constants, existsSync } from 'node:fs';
import { copyFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { DeskFailure } from '../../../../shared/ipc/result';
import { fileStamp, fsyncDirectoryAsync, fsyncFileAsync, removeQuietly, sameFile, temporarySibling } from '../files';
import type { BookHandle, BookStore, JobControl, JobProgress, JournalActor } from '../port';
import { jobCancelled, runJob } from '../../workers/run-job';
import type { RestoreBookInput, RestoreBookOutput } from '../../workers/restore-book';
import { bookRefused } from './inspect';
import { openSqliteBook } from './open';

/**
 * Replaces the open book with a backup. The source is checked like any book being opened, once,
 * in a worker that writes the checked image beside the book; if it is refused, or the job is
 * cancelled before the swap, the open book is not touched and the image is removed. Otherwise
 * the book is closed, copied aside as `<book>.before-restore-<UTC stamp>`, replaced by the
 * image, reopened (and migrated if the backup is older), and a `book.restored` entry is appended
 * by `actor`. File copies go through libuv's threads, so a large book does not hold main up.
 * Whatever happens, `handle.current` is an open book afterwards.
 */
export async function restoreSqliteBook(
  handle: BookHandle,
  source: string,
  actor: (restored: BookStore) => Promise<JournalActor>,
  now: () => Date,
  control: JobControl<JobProgress> = {},
): Promise<{ setAside: string }> {
  const bookPath = handle.current.location;
  if (sameFile(source, bookPath)) throw bookRefused(source, 'it is the book that is open now');
  const before = await handle.current.read(async (r) => ({ journalEntries: await r.journal.count() }));
  const reopen = (alreadyChecked = false) => openSqliteBook(bookPath, { now, mode: 'open', alreadyChecked });

  const temp = temporarySibling(bookPath, 'restore');
  try {
    // Checked once, in the worker, as it is read; the image it writes to `temp` is that checked image.
    await runJob<RestoreBookInput, RestoreBookOutput, JobProgress>('restore-book', { source, temp }, control);
    // The last moment a cancel can take effect: from here on the swap is carried through.
    if (control.signal?.aborted === true) throw jobCancelled();

    await handle.current.close();
    if (existsSync(`${bookPath}-wal`)) {
      // Another program still has the book open: replacing it now would mix two books.
      handle.current = await reopen();
      throw new DeskFailure('CONFLICT', 'The book is open in another program (for example the command line); close it and try again');
    }
    const setAside = freeName(`${bookPath}.before-restore-${fileStamp(now())}`);
    try {
      await copyFile(bookPath, setAside, constants.COPYFILE_EXCL);
      await fsyncFileAsync(setAside);
    } catch (error) {
      handle.current = await reopen();
      throw error;
    }
    // Through libuv's threads: replacing a large file frees its blocks, which can take tens of ms.
    await rename(temp, bookPath);
    removeQuietly(`${bookPath}-shm`);
    await fsyncDirectoryAsync(path.dirname(bookPath));

    try {
      handle.current = await reopen(true);
    } catch (error) {
      // Put the book back as it was; the set-aside copy stays as well.
      await copyFile(setAside, bookPath);
      handle.current = await reopen();
      throw error;
    }
    const restored = handle.current;
    await restored.change(await actor(restored), 'book.restored', async (tx) => ({
      payload: { source: path.resolve(source), setAside, before, after: { journalEntries: await tx.journal.count() } },
      result: null,
    }));
    return { setAside };
  } finally {
    removeQuietly(temp);
  }
}

/** `name`, or `name-2`, `name-3`… if two restores fall in the same second. */
function freeName(name: string): string {
  let candidate = name;
  for (let n = 2; existsSync(candidate); n += 1) candidate = `${name}-${n}`;
  return candidate;
}
