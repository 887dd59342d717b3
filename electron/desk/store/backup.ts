import { existsSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { DeskFailure } from '../../../shared/ipc/result';
import { fsyncDirectory, fsyncFile, removeQuietly, sameFile, temporarySibling, writeDurably } from './files';
import { withCheckedBook } from './inspect';
import { verifyJournal, type ChainReport } from './journal-chain';
import type { BookStore } from './store';

export interface BackupCopy {
  readonly path: string;
  readonly bytes: number;
  /** What the copy's own journal chain walk found. */
  readonly journal: ChainReport;
}

/**
 * Online backup of the open book: SQLite's backup API copies a consistent snapshot to a
 * temporary sibling of `destination`, the copy is checked like any book being opened, and only
 * then renamed into place — so `destination` is either the old file or a complete, sound copy.
 */
export async function backupOpenBook(store: BookStore, destination: string, options: { overwrite: boolean }): Promise<BackupCopy> {
  const target = prepareDestination(store.path, destination, options.overwrite);
  const temp = temporarySibling(target, 'backup');
  try {
    await store.connection.backup(temp);
    return finish(temp, target);
  } finally {
    removeQuietly(temp);
    removeQuietly(`${temp}-wal`);
    removeQuietly(`${temp}-shm`);
  }
}

/** Backup of a book file that need not be open (the command line): read-only on the source. */
export function backupBookFile(source: string, destination: string): BackupCopy {
  const target = prepareDestination(source, destination, false);
  const image = withCheckedBook(source, (db) => db.serialize());
  const temp = temporarySibling(target, 'backup');
  try {
    writeDurably(temp, image);
    return finish(temp, target);
  } finally {
    removeQuietly(temp);
  }
}

function prepareDestination(bookPath: string, destination: string, overwrite: boolean): string {
  const target = path.resolve(destination);
  if (sameFile(target, bookPath) || sameFile(target, `${bookPath}-wal`) || sameFile(target, `${bookPath}-shm`)) {
    throw new DeskFailure('INVALID_INPUT', 'A backup cannot be written over the book itself; choose another file', 'destination');
  }
  if (!existsSync(path.dirname(target))) throw new DeskFailure('NOT_FOUND', `The folder for the backup does not exist: ${path.dirname(target)}`, 'destination');
  if (existsSync(target) && !overwrite) throw new DeskFailure('CONFLICT', `The backup file already exists: ${target}`, 'destination');
  return target;
}

function finish(temp: string, target: string): BackupCopy {
  // The copy must itself pass as a book: integrity, application id, version.
  const journal = withCheckedBook(temp, (db) => verifyJournal(db));
  fsyncFile(temp);
  renameSync(temp, target);
  fsyncDirectory(path.dirname(target));
  return { path: target, bytes: statSync(target).size, journal };
}
