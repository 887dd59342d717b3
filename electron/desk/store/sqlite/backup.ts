import { existsSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { DeskFailure } from '../../../../shared/ipc/result';
import { fsyncDirectory, fsyncFile, removeQuietly, sameFile, temporarySibling, writeDurably } from '../files';
import { verifyJournal } from '../journal-chain';
import type { BackupCopy } from '../port';
import { sqliteChainSource } from './chain-source';
import { withCheckedBook, withCheckedBookAsync } from './inspect';

/**
 * Online backup of the open book: SQLite's backup API copies a consistent snapshot to a
 * temporary sibling of `destination`, the copy is checked like any book being opened, and only
 * then renamed into place — so `destination` is either the old file or a complete, sound copy.
 */
export async function backupOpenBook(
  bookPath: string,
  copyTo: (temp: string) => Promise<unknown>,
  destination: string,
  options: { overwrite: boolean },
): Promise<BackupCopy> {
  const target = prepareDestination(bookPath, destination, options.overwrite);
  const temp = temporarySibling(target, 'backup');
  try {
    await copyTo(temp);
    return await finish(temp, target);
  } finally {
    removeQuietly(temp);
    removeQuietly(`${temp}-wal`);
    removeQuietly(`${temp}-shm`);
  }
}

/** Backup of a book file that need not be open (the command line): read-only on the source. */
export async function backupBookFile(source: string, destination: string): Promise<BackupCopy> {
  const target = prepareDestination(source, destination, false);
  const image = withCheckedBook(source, (db) => db.serialize());
  const temp = temporarySibling(target, 'backup');
  try {
    writeDurably(temp, image);
    return await finish(temp, target);
  } finally {
    removeQuietly(temp);
  }
}

export function prepareDestination(bookPath: string, destination: string, overwrite: boolean): string {
  const target = path.resolve(destination);
  if (sameFile(target, bookPath) || sameFile(target, `${bookPath}-wal`) || sameFile(target, `${bookPath}-shm`)) {
    throw new DeskFailure('INVALID_INPUT', 'A backup cannot be written over the book itself; choose another file');
  }
  if (!existsSync(path.dirname(target))) throw new DeskFailure('NOT_FOUND', `The folder for the backup does not exist: ${path.dirname(target)}`);
  if (existsSync(target) && !overwrite) throw new DeskFailure('CONFLICT', `The backup file already exists: ${target}`);
  return target;
}

/** Checks a finished temporary copy like any book being opened, then moves it into place. */
export async function finish(temp: string, target: string): Promise<BackupCopy> {
  // The copy must itself pass as a book: integrity, application id, version.
  const journal = await withCheckedBookAsync(temp, (db) => verifyJournal(sqliteChainSource(db)));
  fsyncFile(temp);
  renameSync(temp, target);
  fsyncDirectory(path.dirname(target));
  return { path: target, bytes: statSync(target).size, journal };
}
