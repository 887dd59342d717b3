// Worker entry: walks a book's journal chain on its own read-only connection. For a SQLite book,
// WAL lets this reader see the last committed state while the main thread goes on writing.
import { verifyJournal, type ChainReport, type VerifyProgress } from '../store/journal-chain';
import { openChainReader } from '../store/chain-reader';
import { serveJob } from './job-port';

export interface VerifyJournalInput {
  /** A book file's path or an office database's URL (the worker opens its own connection). */
  readonly location: string;
}

serveJob<VerifyJournalInput, ChainReport, VerifyProgress>(async ({ location }, progress) => {
  const reader = await openChainReader(location);
  try {
    return await verifyJournal(reader.source, { onProgress: progress });
  } finally {
    await reader.close();
  }
});
