import { SYSTEM_ACTOR, type BookStore } from './port';

/** The first schema version with a search index (sqlite/schema.ts and postgres/schema.ts). */
export const SEARCH_INDEX_VERSION = 4;

/** Journals a book's creation or upgrade as it is opened, the same on both stores. */
export async function recordOpening(store: BookStore, from: number, to: number): Promise<void> {
  if (from === 0) {
    await store.change(SYSTEM_ACTOR, 'book.created', async () => ({ payload: { schemaVersion: to }, result: null }));
  } else if (from !== to) {
    await store.change(SYSTEM_ACTOR, 'book.migrated', async (tx) => {
      // A book from before the search index gets one, built from its records.
      if (from < SEARCH_INDEX_VERSION) await tx.search.rebuild();
      return { payload: { before: { schemaVersion: from }, after: { schemaVersion: to } }, result: null };
    });
  }
}
