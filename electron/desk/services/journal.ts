import type { JournalEntryView, JournalVerification } from '../../../shared/ipc/types';
import type { BookStore, JobControl, VerifyProgress } from '../store/port';

export async function listJournal(store: BookStore, options: { beforeSeq?: number | undefined; limit: number }): Promise<JournalEntryView[]> {
  const entries = await store.read((r) => r.journal.list(options));
  return entries.map((e) => ({ seq: e.seq, at: e.at, username: e.username, action: e.action, payload: e.payload, hash: e.hash }));
}

/** Walks the journal chain off the main thread (each store does it its own way), with progress and cancel. */
export function verifyBookJournal(store: BookStore, control: JobControl<VerifyProgress> = {}): Promise<JournalVerification> {
  return store.verifyJournal(control);
}
