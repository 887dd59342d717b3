import type { JournalEntryView, JournalVerification } from '../../../shared/ipc/types';
import { verifyJournal } from '../store/journal-chain';
import type { BookStore } from '../store/store';

export function listJournal(store: BookStore, options: { beforeSeq?: number | undefined; limit: number }): JournalEntryView[] {
  return store.read((r) => r.journal.list(options)).map((e) => ({ seq: e.seq, at: e.at, username: e.username, action: e.action, payload: e.payload, hash: e.hash }));
}

export function verifyBookJournal(store: BookStore): JournalVerification {
  return verifyJournal(store.connection);
}
