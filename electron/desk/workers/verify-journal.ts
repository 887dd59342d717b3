// Worker entry: walks a book's journal chain on its own read-only connection, then proves every
// business row from the journal's digests (store/row-proof.ts), both on one snapshot. For a SQLite
// book, WAL lets this reader see the last committed state while the main thread goes on writing.
import { verifyJournal, type ChainReport, type VerifyProgress } from '../store/journal-chain';
import { openChainReader } from '../store/chain-reader';
import { describeRowProblem, RowExpectations } from '../store/row-proof';
import { serveJob } from './job-port';

export interface VerifyJournalInput {
  /** A book file's path or an office database's URL (the worker opens its own connection). */
  readonly location: string;
}

serveJob<VerifyJournalInput, ChainReport, VerifyProgress>(async ({ location }, progress) => {
  const reader = await openChainReader(location);
  try {
    const expectations = new RowExpectations();
    let head = 0;
    const chain = await verifyJournal(reader.source, {
      onProgress: progress,
      onEntry: (entry) => {
        expectations.addEntry(entry);
        head = Number(entry.seq);
      },
    });
    if (!chain.ok) return chain;
    const rows = await expectations.check(reader.rows);
    if (!rows.first) return chain;
    // A row that fails its proof is reported against the entry it should match (the head, for a planted row).
    const seq = 'seq' in rows.first ? rows.first.seq : head;
    const more = rows.problems > 1 ? ` (and ${rows.problems - 1} more)` : '';
    return { ok: false, entries: chain.entries, firstBroken: { seq, reason: `${describeRowProblem(rows.first)}${more}` } };
  } finally {
    await reader.close();
  }
});
