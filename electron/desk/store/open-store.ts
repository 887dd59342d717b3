import { DeskFailure } from '../../../shared/ipc/result';
import type { BookHandle, BookStore, JobControl, JobProgress, JournalActor } from './port';
import { openChainReader } from './chain-reader';
import { verifyJournal } from './journal-chain';
import { isPostgresUrl } from './postgres/connect';
import { inspectPostgresBook } from './postgres/migrate';
import { openPostgresBook } from './postgres/store';
import { backupBookFile } from './sqlite/backup';
import { sqliteChainSource } from './sqlite/chain-source';
import { withCheckedBookAsync } from './sqlite/inspect';
import { openSqliteBook } from './sqlite/open';
import { restoreSqliteBook } from './sqlite/restore';

export { isPostgresUrl, redactUrl } from './postgres/connect';

export interface OpenStoreOptions {
  readonly now: () => Date;
  /** 'open-or-create' (the app), 'create' (refuses an existing book), 'open' (refuses a missing one). */
  readonly mode?: 'open-or-create' | 'create' | 'open';
  /** Progress and cancel of the check a book file gets before it opens (in a worker). */
  readonly control?: JobControl<JobProgress>;
}

/** Opens the book at `location`: a file path (SQLite) or a postgres:// URL (an office's server). */
export function openStore(location: string, options: OpenStoreOptions): Promise<BookStore> {
  return isPostgresUrl(location) ? openPostgresBook(location, options) : openSqliteBook(location, options);
}

/**
 * Replaces the open book with a backup file. For a book file the current one is set aside; an
 * office database is restored by its administrator with the server's own tools.
 */
export async function restoreStore(
  handle: BookHandle,
  source: string,
  actor: (restored: BookStore) => Promise<JournalActor>,
  now: () => Date,
  control: JobControl<JobProgress> = {},
): Promise<{ setAside: string }> {
  if (handle.current.kind === 'postgres') {
    throw new DeskFailure(
      'CONFLICT',
      'An office database is not restored from the desk: its administrator restores it with the server\'s own tools (pg_restore), or opens the backup file as a book of its own',
    );
  }
  return restoreSqliteBook(handle, source, actor, now, control);
}

/** What `verify` found: the book's version and its journal chain. */
export interface BookVerification {
  readonly schemaVersion: number;
  readonly chain: import('./port').ChainReport;
}

/**
 * Checks a book without changing it: a file is refused if corrupt, foreign or newer, then its
 * chain walked on a read-only connection; a database is checked to be a book of ours, then walked.
 */
export async function verifyLocation(location: string): Promise<BookVerification> {
  if (!isPostgresUrl(location)) {
    return withCheckedBookAsync(location, async (db, facts) => ({ schemaVersion: facts.schemaVersion, chain: await verifyJournal(sqliteChainSource(db)) }));
  }
  const schemaVersion = await inspectPostgresBook(location);
  const reader = await openChainReader(location);
  try {
    return { schemaVersion, chain: await verifyJournal(reader.source) };
  } finally {
    await reader.close();
  }
}

/** A consistent copy of the book at `location` as a new book file; the book is only read. */
export async function backupLocation(location: string, destination: string, now: () => Date): Promise<import('./port').BackupCopy> {
  if (!isPostgresUrl(location)) return backupBookFile(location, destination);
  const store = await openPostgresBook(location, { now, mode: 'open', readOnly: true });
  try {
    return await store.backup(destination, { overwrite: false });
  } finally {
    await store.close();
  }
}
