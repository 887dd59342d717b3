// Grows a book's journal to a given length quickly, for tests and benches of the chain walk:
// the entries are appended through the journal repository (so they chain exactly as real ones)
// in a few large changes instead of one transaction each.
import { SYSTEM_ACTOR, type BookStore } from '../store/port';
import type { JournalRepo } from '../store/repos/journal';

export async function growJournal(store: BookStore, entries: number, perChange = 50_000): Promise<void> {
  let left = entries;
  while (left > 0) {
    // The change itself appends one entry after its body.
    const batch = Math.min(left, perChange);
    await store.change(SYSTEM_ACTOR, 'test.bulk', async (tx, at) => {
      // The store's own repositories carry the appending side; services never reach it.
      const journal = tx.journal as JournalRepo;
      for (let i = 1; i < batch; i += 1) await journal.append(SYSTEM_ACTOR, 'test.entry', { i, note: 'a journal entry of ordinary size' }, at);
      return { payload: { appended: batch }, result: null };
    });
    left -= batch;
  }
}
