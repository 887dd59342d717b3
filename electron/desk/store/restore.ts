import { constants, copyFileSync, existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { DeskFailure } from '../../../shared/ipc/result';
import { fileStamp, fsyncDirectory, fsyncFile, removeQuietly, sameFile, temporarySibling, writeDurably } from './files';
import { bookRefused, inspectBook, withCheckedBook } from './inspect';
import { openBook } from './open';
import type { JournalActor } from './repos/journal';
import type { BookStore } from './store';

/** The open book, replaceable as a whole (restore swaps the store underneath). */
export interface BookHandle {
  current: BookStore;
}

/**
 * Replaces the open book with a backup. The source is checked like any book being opened; if
 * it is refused the open book is not touched. Otherwise the book is closed, copied aside as
 * `<book>.before-restore-<UTC stamp>`, replaced by the source, reopened (and migrated if the
 * backup is older), and a `book.restored` entry is appended by `actor`.
 * Whatever happens, `handle.current` is an open book afterwards.
 */
export function restoreBook(handle: BookHandle, source: string, actor: (restored: BookStore) => JournalActor, now: () => Date): { setAside: string } {
  const bookPath = handle.current.path;
  if (sameFile(source, bookPath)) throw bookRefused(source, 'it is the book that is open now');
  const image = withCheckedBook(source, (db) => db.serialize());
  const before = handle.current.read((r) => ({ journalEntries: r.journal.count() }));

  const temp = temporarySibling(bookPath, 'restore');
  try {
    writeDurably(temp, image);
    inspectBook(temp);

    handle.current.close();
    if (existsSync(`${bookPath}-wal`)) {
      // Another program still has the book open: replacing it now would mix two books.
      handle.current = openBook(bookPath, { now, mode: 'open' });
      throw new DeskFailure('CONFLICT', 'The book is open in another program (for example the command line); close it and try again');
    }
    const setAside = freeName(`${bookPath}.before-restore-${fileStamp(now())}`);
    try {
      copyFileSync(bookPath, setAside, constants.COPYFILE_EXCL);
      fsyncFile(setAside);
    } catch (error) {
      handle.current = openBook(bookPath, { now, mode: 'open' });
      throw error;
    }
    renameSync(temp, bookPath);
    removeQuietly(`${bookPath}-shm`);
    fsyncDirectory(path.dirname(bookPath));

    try {
      handle.current = openBook(bookPath, { now, mode: 'open' });
    } catch (error) {
      // Put the book back as it was; the set-aside copy stays as well.
      copyFileSync(setAside, bookPath);
      handle.current = openBook(bookPath, { now, mode: 'open' });
      throw error;
    }
    const restored = handle.current;
    restored.change(actor(restored), 'book.restored', (tx) => ({
      payload: { source: path.resolve(source), setAside, before, after: { journalEntries: tx.journal.count() } },
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
