import type { JournalEntryView, JournalVerification } from '../../../shared/ipc/types';
import type { ChainReport, VerifyProgress } from '../store/journal-chain';
import type { BookStore } from '../store/store';
import { runJob, type JobOptions } from '../workers/run-job';
import type { VerifyJournalInput } from '../workers/verify-journal';

export function listJournal(store: BookStore, options: { beforeSeq?: number | undefined; limit: number }): JournalEntryView[] {
  return store.read((r) => r.journal.list(options)).map((e) => ({ seq: e.seq, at: e.at, username: e.username, action: e.action, payload: e.payload, hash: e.hash }));
}

/**
 * Walks the journal chain in a worker thread, on its own read-only connection to the book: a
 * long journal takes seconds, and the main thread must stay free for the window meanwhile.
 */
export function verifyBookJournal(store: BookStore, options: JobOptions<VerifyProgress> = {}): Promise<JournalVerification> {
  return runJob<VerifyJournalInput, ChainReport, VerifyProgress>('verify-journal', { bookPath: store.path }, options);
}
