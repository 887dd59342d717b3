import { DeskFailure } from '../../../shared/ipc/result';
import type { BookHandle, BookStore, JobControl, JobProgress, JournalActor } from './port';
import { openChainReader } from './chain-reader';
import { verifyJournal } from './journal-chain';
import { isPostgresUrl } from './postgres/connect';
import { inspectPostgresBook } from './postgres/migrate';
import { openPostgresBook } from './postgres/store';
import { backupBookFile } from './sqlite/backup';
import { sqliteChainSource, sqliteRowSource } from './sqlite/chain-source';
import type { ChainReport, ChainSource } from './journal-chain';
import type { JournalHead } from './port';
import { RowExpectations, type RowReport, type RowSource } from './row-proof';
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
  /** A book file another connection of this process already has open, checked: joined without a second check. */
  readonly alreadyChecked?: boolean;
  /** A worker's connection for one bulk job (a register import): a larger page cache while it lasts. */
  readonly bulk?: boolean;
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

/** What `verify` found: the book's version, its journal chain, the head it reached, and its rows. */
export interface BookVerification {
  readonly schemaVersion: number;
  readonly chain: ChainReport;
  /** The last entry whose link held (null for an empty journal). */
  readonly head: JournalHead | null;
  /** Every business row against the journal's digests; not scanned when the chain is broken. */
  readonly rows: RowReport | null;
  /** The entry `expect` names, as this book has it (undefined when none was asked for). */
  readonly expected?: { readonly seq: number; readonly hash: string | null };
}

/**
 * Checks a book without changing it: a file is refused if corrupt, foreign or newer, then its
 * chain walked and its rows proved on a read-only connection; a database is checked to be a book
 * of ours, then the same on one snapshot. `expect` names a witnessed entry to look up.
 */
export async function verifyLocation(location: string, expect?: { seq: number }): Promise<BookVerification> {
  if (!isPostgresUrl(location)) {
    return withCheckedBookAsync(location, async (db, facts) => {
      // One snapshot for the walk and the scan: a desk saving meanwhile is not half-seen as planted rows.
      db.exec('BEGIN');
      try {
        return await proveBook(facts.schemaVersion, sqliteChainSource(db), sqliteRowSource(db), expect);
      } finally {
        db.exec('COMMIT');
      }
    });
  }
  const schemaVersion = await inspectPostgresBook(location);
  const reader = await openChainReader(location);
  try {
    return await proveBook(schemaVersion, reader.source, reader.rows, expect);
  } finally {
    await reader.close();
  }
}

async function proveBook(schemaVersion: number, chainSource: ChainSource, rowSource: RowSource, expect?: { seq: number }): Promise<BookVerification> {
  const expectations = new RowExpectations();
  let head: JournalHead | null = null;
  let expected: { seq: number; hash: string | null } | undefined = expect && { seq: expect.seq, hash: null };
  const chain = await verifyJournal(chainSource, {
    onEntry: (entry) => {
      expectations.addEntry(entry);
      head = { seq: Number(entry.seq), hash: entry.hash };
      if (expected && Number(entry.seq) === expected.seq) expected = { seq: expected.seq, hash: entry.hash };
    },
  });
  const rows = chain.ok ? await expectations.check(rowSource) : null;
  return { schemaVersion, chain, head, rows, ...(expected ? { expected } : {}) };
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
