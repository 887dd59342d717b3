// Worker entry: walks a book's journal chain on its own read-only connection. WAL lets this
// reader see the last committed state while the main thread goes on writing.
import Database from 'better-sqlite3';
import { verifyJournal, type ChainReport, type VerifyProgress } from '../store/journal-chain';
import { serveJob } from './job-port';

export interface VerifyJournalInput {
  readonly bookPath: string;
}

serveJob<VerifyJournalInput, ChainReport, VerifyProgress>(({ bookPath }, progress) => {
  const db = new Database(bookPath, { readonly: true, fileMustExist: true });
  try {
    return verifyJournal(db, progress);
  } finally {
    db.close();
  }
});
