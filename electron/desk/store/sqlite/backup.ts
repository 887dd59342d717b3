import { existsSync, statSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { DeskFailure } from '../../../../shared/ipc/result';
import { runJob } from '../../workers/run-job';
import type { BackupBookInput, BackupBookOutput } from '../../workers/backup-book';
import { fsyncDirectoryAsync, fsyncFile, removeQuietly, sameFile, sweepTemporaries, temporarySibling, writeDurably } from '../files';
import type { BackupCopy, JobControl, JobProgress } from '../port';
import { walkWithHead } from './chain-source';
import { withCheckedBook, withCheckedBookAsync } from './inspect';

/**
 * Online backup of the open book, in a worker (workers/backup-book.ts): on its own read-only
 * connection it copies one consistent snapshot to a temporary sibling of `destination` and checks
 * the copy like any book being opened; only then is it renamed into place here — so `destination`
 * is either the old file or a complete, sound copy. Cancelling ends the worker and removes the
 * temporary file: the book and the destination folder are as they were.
 */
export async function backupOpenBook(
  bookPath: string,
  destination: string,
  options: { overwrite: boolean },
  control: JobControl<JobProgress> = {},
): Promise<BackupCopy> {
  const target = prepareDestination(bookPath, destination, options.overwrite);
  const temp = temporarySibling(target, 'backup');
  try {
    const checked = await runJob<BackupBookInput, BackupBookOutput, JobProgress>('backup-book', { source: bookPath, temp }, control);
    return await moveIntoPlace(temp, target, checked);
  } finally {
    removeTemporary(temp);
  }
}

/** Checks a copy written by main (an office database's export) in the worker; returns its chain report. */
export function checkCopyInWorker(temp: string, control: JobControl<JobProgress> = {}): Promise<BackupBookOutput> {
  return runJob<BackupBookInput, BackupBookOutput, JobProgress>('backup-book', { source: null, temp }, control);
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
  // Copies a crash left in this folder hold password hashes and encrypted TINs: not kept lying about.
  sweepTemporaries(path.dirname(target));
  return target;
}

/** Checks a finished temporary copy like any book being opened (on this thread), then moves it into place. */
export async function finish(temp: string, target: string): Promise<BackupCopy> {
  // The copy must itself pass as a book: integrity, application id, version.
  const checked = await withCheckedBookAsync(temp, (db) => walkWithHead(db));
  fsyncFile(temp);
  return moveIntoPlace(temp, target, checked);
}

/**
 * Renames a checked copy (already forced to disk) over `target` and makes the rename durable. The
 * rename runs on libuv's threads: replacing a large file frees its blocks, tens of ms on main.
 */
export async function moveIntoPlace(temp: string, target: string, checked: BackupBookOutput): Promise<BackupCopy> {
  await rename(temp, target);
  await fsyncDirectoryAsync(path.dirname(target));
  return { path: target, bytes: statSync(target).size, journal: checked.journal, head: checked.head };
}

/** A copy in progress and whatever SQLite kept beside it (a worker ended mid-step can leave a journal). */
export function removeTemporary(temp: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) removeQuietly(`${temp}${suffix}`);
}
