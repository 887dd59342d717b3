import type Database from 'better-sqlite3';
import { verifyJournal, type ChainReport, type ChainSource, type StoredEntry, type VerifyProgress } from '../journal-chain';
import type { JournalHead } from '../port';
import type { RowSource } from '../row-proof';

/** The journal of a raw SQLite connection (a copy being checked, a worker's reader) as a chain walk reads it. */
export function sqliteChainSource(db: Database.Database): ChainSource {
  const count = db.prepare('SELECT count(*) AS n FROM journal');
  // A book from before version 6 (verified, never upgraded, by verify) has no row_digests column.
  const hasDigests = (db.prepare("SELECT count(*) AS n FROM pragma_table_info('journal') WHERE name = 'row_digests'").get() as { n: number }).n > 0;
  const digests = hasDigests ? 'row_digests' : 'NULL AS row_digests';
  const slice = db.prepare(`SELECT seq, at, username, action, payload, prev_hash, hash, ${digests} FROM journal WHERE seq > ? ORDER BY seq LIMIT ?`);
  return {
    count: async () => (count.get() as { n: number }).n,
    chainSlice: async (afterSeq, limit) => slice.all(afterSeq, limit) as StoredEntry[],
  };
}

/** The business tables of a raw SQLite connection, as the row proof scans them. */
export function sqliteRowSource(db: Database.Database): RowSource {
  // A book from an older version lacks the tables added since: they hold no rows to prove.
  const tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  return {
    // Table and column names come from PROVEN_TABLES, never from input.
    scan: async (table, columns, afterKey, limit) =>
      tables.has(table) ? (db.prepare(`SELECT ${columns.join(', ')} FROM ${table} WHERE id > ? ORDER BY id LIMIT ?`).all(afterKey, limit) as Record<string, unknown>[]) : [],
  };
}

/** The chain walk of a copy, and the head it reached: what a backup names. */
export async function walkWithHead(db: Database.Database, onProgress?: (p: VerifyProgress) => void): Promise<{ journal: ChainReport; head: JournalHead | null }> {
  let head: JournalHead | null = null;
  const journal = await verifyJournal(sqliteChainSource(db), {
    ...(onProgress ? { onProgress } : {}),
    onEntry: (e) => {
      head = { seq: Number(e.seq), hash: e.hash };
    },
  });
  return { journal, head };
}
