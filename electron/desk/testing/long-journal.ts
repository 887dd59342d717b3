// Grows a book's journal to a given length quickly, for tests and benches of the chain walk:
// the entries are appended through the journal repository (so they chain exactly as real ones)
// in a few large changes instead of one transaction each.
import type { BookStore } from '../store/store';
import { SYSTEM_ACTOR } from '../store/store';

export function growJournal(store: BookStore, entries: number, perChange = 50_000): void {
  let left = entries;
  while (left > 0) {
    // The change itself appends one entry after its body.
    const batch = Math.min(left, perChange);
    store.change(SYSTEM_ACTOR, 'test.bulk', (tx, at) => {
      for (let i = 1; i < batch; i += 1) tx.journal.append(SYSTEM_ACTOR, 'test.entry', { i, note: 'a journal entry of ordinary size' }, at);
      return { payload: { appended: batch }, result: null };
    });
    left -= batch;
  }
}
