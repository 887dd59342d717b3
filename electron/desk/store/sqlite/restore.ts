import { constants, copyFileSync, existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { DeskFailure } from '../../../../shared/ipc/result';
import { fileStamp, fsyncDirectory, fsyncFile, removeQuietly, sameFile, temporarySibling, writeDurably } from '../files';
import type { BookHandle, BookStore, JournalActor } from '../port';
import { bookRefused, withCheckedBook } from './inspect';
import { openSqliteBook } from './open';

/**
 * Replaces the open book with a backup. The source is checked like any book being opened; if
 * it is refused the open book is not touched. Otherwise the book is closed, copied aside as
 * `<book>.before-restore-<UTC stamp>`, replaced by the source, reopened (and migrated if the
 * backup is older), and a `book.restored` entry is appended by `actor`.
 * Whatever happens, `handle.current` is an open book afterwards.
 */
export async function restoreSqliteBook(
  handle: BookHandle,
  source: string,
  actor: (restored: BookStore) => Promise<JournalActor>,
  now: () => Date,
): Promise<{ setAside: string }> {
  const bookPath = handle.current.location;
  if (sameFile(source, bookPath)) throw bookRefused(source, 'it is the book that is open now');
  // Checked once, here, as it is read; the image written below is that checked image.
  const image = withCheckedBook(source, (db) => db.serialize());
  const before = await handle.current.read(async (r) => ({ journalEntries: await r.journal.count() }));
  const reopen = (alreadyChecked = false) => openSqliteBook(bookPath, { now, mode: 'open', alreadyChecked });

  const temp = temporarySibling(bookPath, 'restore');
  try {
    writeDurably(temp, image);

    await handle.current.close();
    if (existsSync(`${bookPath}-wal`)) {
      // Another program still has the book open: replacing it now would mix two books.
      handle.current = await reopen();
      throw new DeskFailure('CONFLICT', 'The book is open in another program (for example the command line); close it and try again');
    }
    const setAside = freeName(`${bookPath}.before-restore-${fileStamp(now())}`);
    try {
      copyFileSync(bookPath, setAside, constants.COPYFILE_EXCL);
      fsyncFile(setAside);
    } catch (error) {
      handle.current = await reopen();
      throw error;
    }
    renameSync(temp, bookPath);
    removeQuietly(`${bookPath}-shm`);
    fsyncDirectory(path.dirname(bookPath));

    try {
      handle.current = await reopen(true);
    } catch (error) {
      // Put the book back as it was; the set-aside copy stays as well.
      copyFileSync(setAside, bookPath);
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
