// Worker entry: copies the open book file to a temporary file (SQLite's online backup, page by
// page), then checks the copy like any book being opened — integrity, identity, the whole journal
// chain — and forces it to disk. Main only renames the checked copy into place. With no source,
// only checks the copy (an office database's export, written by main, is checked here too).
import Database from 'better-sqlite3';
import { createPrivate, fsyncFile } from '../store/files';
import type { ChainReport } from '../store/journal-chain';
import type { JobProgress, JournalHead } from '../store/port';
import { walkWithHead } from '../store/sqlite/chain-source';
import { withCheckedBookAsync } from '../store/sqlite/inspect';
import { serveJob } from './job-port';

export interface BackupBookInput {
  /** The book file to copy, or null when `temp` is already written and only needs checking. */
  readonly source: string | null;
  readonly temp: string;
}

export interface BackupBookOutput {
  readonly journal: ChainReport;
  /** The last sound entry of the copy's journal. */
  readonly head: JournalHead | null;
}

/** Pages copied per step (4 MiB at SQLite's default page size): a progress report after each. */
const PAGES_PER_STEP = 1024;

serveJob<BackupBookInput, BackupBookOutput, JobProgress>(async ({ source, temp }, progress) => {
  if (source !== null) await copyBook(source, temp, progress);
  const checked = await withCheckedBookAsync(temp, (db) => walkWithHead(db, (p) => progress({ done: p.done, total: p.total, unit: 'journal entries checked' })));
  fsyncFile(temp);
  return checked;
});

async function copyBook(source: string, temp: string, progress: (p: JobProgress) => void): Promise<void> {
  // Read-only and on its own connection: WAL lets it read while clerks save on main's.
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // One read transaction for the whole copy: the copy is the book as of its start, and saves
    // committed meanwhile on other connections neither show up half-way nor restart the copy.
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    createPrivate(temp);
    await db.backup(temp, {
      progress: ({ totalPages, remainingPages }) => {
        progress({ done: totalPages - remainingPages, total: totalPages, unit: 'pages copied' });
        return PAGES_PER_STEP;
      },
    });
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}
