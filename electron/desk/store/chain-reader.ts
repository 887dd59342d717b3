import Database from 'better-sqlite3';
import type { ChainSource, StoredEntry } from './journal-chain';
import type { RowSource } from './row-proof';
import { newClient, isPostgresUrl } from './postgres/connect';
import { sqliteChainSource, sqliteRowSource } from './sqlite/chain-source';

/** A read-only connection of its own to a book's journal (for a worker's chain walk). */
export async function openChainReader(location: string): Promise<{ source: ChainSource; rows: RowSource; close: () => Promise<void> }> {
  if (!isPostgresUrl(location)) {
    const db = new Database(location, { readonly: true, fileMustExist: true });
    // One snapshot for the whole walk and row scan: clerks saving meanwhile are not half-seen.
    db.exec('BEGIN');
    return {
      source: sqliteChainSource(db),
      rows: sqliteRowSource(db),
      close: async () => {
        if (db.inTransaction) db.exec('COMMIT');
        db.close();
      },
    };
  }
  const client = newClient(location);
  await client.connect();
  // One snapshot for the whole walk: clerks appending meanwhile are not half-seen.
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  // A book from before version 6 has no row_digests column.
  const found = await client.query("SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'journal' AND column_name = 'row_digests'");
  const digests = found.rows.length > 0 ? 'row_digests' : 'NULL AS row_digests';
  const source: ChainSource = {
    count: async () => (await client.query<{ n: number }>('SELECT count(*) AS n FROM journal')).rows[0]?.n ?? 0,
    chainSlice: async (afterSeq, limit) =>
      (await client.query<StoredEntry>(`SELECT seq, at, username, action, payload, prev_hash, hash, ${digests} FROM journal WHERE seq > $1 ORDER BY seq LIMIT $2`, [afterSeq, limit])).rows,
  };
  // A book from an older version lacks the tables added since: they hold no rows to prove.
  const tables = new Set((await client.query<{ table_name: string }>('SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()')).rows.map((r) => r.table_name));
  const rows: RowSource = {
    // Table and column names come from PROVEN_TABLES, never from input.
    scan: async (table, columns, afterKey, limit) =>
      tables.has(table) ? (await client.query<Record<string, unknown>>(`SELECT ${columns.join(', ')} FROM ${table} WHERE id > $1 ORDER BY id LIMIT $2`, [afterKey, limit])).rows : [],
  };
  return {
    source,
    rows,
    close: async () => {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    },
  };
}
