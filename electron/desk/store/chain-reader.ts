import Database from 'better-sqlite3';
import type { ChainSource, StoredEntry } from './journal-chain';
import { newClient, isPostgresUrl } from './postgres/connect';
import { sqliteChainSource } from './sqlite/chain-source';

/** A read-only connection of its own to a book's journal (for a worker's chain walk). */
export async function openChainReader(location: string): Promise<{ source: ChainSource; close: () => Promise<void> }> {
  if (!isPostgresUrl(location)) {
    const db = new Database(location, { readonly: true, fileMustExist: true });
    return {
      source: sqliteChainSource(db),
      close: async () => {
        db.close();
      },
    };
  }
  const client = newClient(location);
  await client.connect();
  // One snapshot for the whole walk: clerks appending meanwhile are not half-seen.
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const source: ChainSource = {
    count: async () => (await client.query<{ n: number }>('SELECT count(*) AS n FROM journal')).rows[0]?.n ?? 0,
    chainSlice: async (afterSeq, limit) =>
      (await client.query<StoredEntry>('SELECT seq, at, username, action, payload, prev_hash, hash FROM journal WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit])).rows,
  };
  return {
    source,
    close: async () => {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    },
  };
}
