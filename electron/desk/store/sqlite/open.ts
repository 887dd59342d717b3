import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BookStore, JobControl, JobProgress } from '../port';
import { recordOpening } from '../opening';
import { QueryStore } from '../query-store';
import { bookRefused, inspectBook, inspectBookInWorker } from './inspect';
import { migrate } from './migrate';
import { SqliteEngine } from './store';

export interface OpenBookOptions {
  readonly now: () => Date;
  /** 'open-or-create' (the app), 'create' (refuses an existing file), 'open' (refuses a missing one). */
  readonly mode?: 'open-or-create' | 'create' | 'open';
  /** The file is an image that was just checked as it was read (a restore): not checked again. */
  readonly alreadyChecked?: boolean;
  /** Progress and cancel of the check of an existing file (which runs in a worker). */
  readonly control?: JobControl<JobProgress>;
  /** A worker's connection for one bulk job: a larger page cache (BULK_CACHE_KIB). */
  readonly bulk?: boolean;
}

/**
 * Opens a book file read-write. An existing file is checked first — a large one in a worker —
 * without being written (see inspectBook) and refused untouched if it is not a sound book of
 * ours; then it is opened and migrated. A missing file becomes a new, empty book.
 */
export async function openSqliteBook(file: string, options: OpenBookOptions): Promise<BookStore> {
  const mode = options.mode ?? 'open-or-create';
  const exists = existsSync(file);
  if (exists && mode === 'create') throw bookRefused(file, 'a file of that name already exists');
  if (!exists && mode === 'open') throw bookRefused(file, 'there is no book at this path (a new book is made only with File ▸ New book… or `offering-desk init`)');
  if (exists && options.alreadyChecked !== true) await checkBook(file, options.control);
  else if (!existsSync(path.dirname(path.resolve(file)))) throw bookRefused(file, 'its folder does not exist');

  const db = openConnection(file);
  // The indexes a million-row import grows stay in memory while it writes (the connection is the job's alone).
  if (options.bulk === true) db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  let store: QueryStore | null = null;
  try {
    const { from, to } = migrate(db, options.now);
    store = await QueryStore.start(new SqliteEngine(file, db), options.now);
    await recordOpening(store, from, to);
    return store;
  } catch (error) {
    if (store) await store.close();
    else db.close();
    throw error;
  }
}

/**
 * Below this size (the file and any pending log) a book is checked on the calling thread: that
 * takes a few ms, less than starting a worker. Above it the check reads for seconds: a worker.
 */
export const CHECK_IN_WORKER_FROM_BYTES = 4 * 1024 * 1024;

async function checkBook(file: string, control: JobControl<JobProgress> | undefined): Promise<void> {
  const size = (name: string): number => (existsSync(name) ? statSync(name).size : 0);
  if (size(file) + size(`${file}-wal`) < CHECK_IN_WORKER_FROM_BYTES) inspectBook(file);
  else await inspectBookInWorker(file, control);
}

/** The page cache of a bulk job's connection: 256 MiB, released when the job's connection closes. */
export const BULK_CACHE_KIB = 256 * 1024;

/** A read-write connection with the settings every book connection needs. */
export function openConnection(file: string): Database.Database {
  const db = new Database(file);
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`The book could not be switched to WAL mode (got ${String(mode)})`);
    db.pragma('synchronous = FULL'); // a save is on disk before we say it is saved
    db.pragma('foreign_keys = ON');
    db.pragma('trusted_schema = OFF'); // books may come from backups: no schema-defined side effects
    db.pragma('cache_size = -32768'); // 32 MiB: keeps the holder index hot at a million holders
    db.pragma('journal_size_limit = 67108864'); // a log grown by a bulk job shrinks back to 64 MiB
    db.pragma('busy_timeout = 0'); // the store waits for a competing writer itself, without blocking the thread
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
