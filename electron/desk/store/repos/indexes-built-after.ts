/**
 * A large register written with its search indexes built once afterwards (RegisterWriter
 * .withIndexesBuiltAfter). Keeping a secondary index up row by row means a seek to a scattered
 * place in it for every row; at a million rows that was most of the write (about 10 of 24 s
 * measured on SQLite alone), while building an index from the finished table is one sort.
 *
 * SQLite only, and only when the entries written outnumber those already in the register (a
 * rebuild costs in proportion to the whole table). DDL is transactional in SQLite: the indexes are
 * dropped and made again inside the change, so a failure or a cancel rolls them back with the
 * rows, and other connections go on reading the last committed book, indexes and all. Each index
 * is made again from the SQL the book itself stores for it, so the schema after is the one before.
 * PostgreSQL keeps its indexes: the desks' role may not drop them.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { BookTables } from '../tables';

/** Below this many rows the indexes are kept up as the rows go in: a rebuild would not pay. */
export const BUILD_AFTER_MIN_ROWS = 20_000;
/** The register's tables whose secondary indexes are built afterwards (their keys stay: uniqueness is checked row by row). */
const TABLES = ['register_entries', 'register_words'] as const;

interface StoredIndex {
  readonly name: string;
  readonly sql: string;
}

export async function withIndexesBuiltAfter<T>(db: Kysely<BookTables>, rows: number, write: () => Promise<T>): Promise<T> {
  if (db.getExecutor().adapter instanceof PostgresAdapter || rows < BUILD_AFTER_MIN_ROWS) return write();
  const { rows: counted } = await sql<{ n: number }>`SELECT count(*) AS n FROM register_entries`.execute(db);
  if (Number(counted[0]?.n ?? 0) >= rows) return write();
  // Indexes made by CREATE INDEX only: a key's own index (sql NULL) cannot be dropped and stays.
  const { rows: indexes } = await sql<StoredIndex>`
    SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${sql.join(TABLES.map((t) => sql.lit(t)))}) ORDER BY name`.execute(db);
  for (const index of indexes) await sql`DROP INDEX ${sql.id(index.name)}`.execute(db);
  const result = await write();
  for (const index of indexes) await sql.raw(index.sql).execute(db);
  return result;
}
