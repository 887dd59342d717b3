import { SYSTEM_ACTOR } from './port';
import type { QueryStore } from './query-store';
import { ROW_DIGESTS_VERSION } from './row-digests';

/** The first schema version with a search index (sqlite/schema.ts and postgres/schema.ts). */
export const SEARCH_INDEX_VERSION = 4;

/**
 * Journals a book's creation or upgrade as it is opened, the same on both stores. The entry that
 * creates a book, or upgrades it to row digests, records where its digests begin (the baseline):
 * rows up to it were written before any entry could prove them.
 */
export async function recordOpening(store: QueryStore, from: number, to: number): Promise<void> {
  const beginRowDigests = from < ROW_DIGESTS_VERSION && to >= ROW_DIGESTS_VERSION;
  if (from === 0) {
    await store.change(SYSTEM_ACTOR, 'book.created', async () => ({ payload: { schemaVersion: to }, result: null }), { beginRowDigests });
  } else if (from !== to) {
    await store.change(
      SYSTEM_ACTOR,
      'book.migrated',
      async (tx) => {
        // A book from before the search index gets one, built from its records.
        if (from < SEARCH_INDEX_VERSION) await tx.search.rebuild();
        return { payload: { before: { schemaVersion: from }, after: { schemaVersion: to } }, result: null };
      },
      { beginRowDigests },
    );
  }
}
