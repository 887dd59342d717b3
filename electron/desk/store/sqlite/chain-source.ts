import type Database from 'better-sqlite3';
import type { ChainSource, StoredEntry } from '../journal-chain';

/** The journal of a raw SQLite connection (a copy being checked, a worker's reader) as a chain walk reads it. */
export function sqliteChainSource(db: Database.Database): ChainSource {
  const count = db.prepare('SELECT count(*) AS n FROM journal');
  const slice = db.prepare('SELECT seq, at, username, action, payload, prev_hash, hash FROM journal WHERE seq > ? ORDER BY seq LIMIT ?');
  return {
    count: async () => (count.get() as { n: number }).n,
    chainSlice: async (afterSeq, limit) => slice.all(afterSeq, limit) as StoredEntry[],
  };
}
