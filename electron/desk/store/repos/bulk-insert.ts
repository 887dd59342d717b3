import { CompiledQuery, type Kysely } from 'kysely';
import type { BookTables } from '../tables';

type Row = Record<string, unknown>;

/**
 * Many-row INSERTs for bulk writes (a million-row register) without building a query tree per
 * chunk: Kysely compiles the statement for a chunk size once (so each dialect gets its own
 * placeholders), and later chunks of that size reuse the SQL text with their values in column
 * order. Building and compiling the tree of a 400-row, 22-column insert cost more than SQLite's
 * own work; Kysely has no prepared-statement API, so this small cache is written here.
 */
export function bulkInserter(db: Kysely<BookTables>) {
  const compiled = new Map<string, string>();
  return {
    async insert<R extends Row>(table: keyof BookTables, rows: readonly R[], returning?: string): Promise<Row[]> {
      const first = rows[0];
      if (!first) return [];
      const columns = Object.keys(first);
      const key = `${table}:${columns.join(',')}:${rows.length}:${returning ?? ''}`;
      let text = compiled.get(key);
      if (text === undefined) {
        // Compiled from the rows themselves once: only the SQL text is kept, never their values.
        const query = db.insertInto(table).values(rows as never);
        text = (returning === undefined ? query : query.returning(returning as never)).compile().sql;
        compiled.set(key, text);
      }
      const values = new Array<unknown>(rows.length * columns.length);
      let n = 0;
      for (const row of rows) for (const column of columns) values[n++] = row[column];
      return run(text, values);
    },
    /**
     * `count` rows already as one flat list of values in `columns` order: no object per row. The
     * statement for a count is compiled once (from placeholder rows) and reused.
     */
    async insertValues(table: keyof BookTables, columns: readonly string[], count: number, values: readonly unknown[], returning?: string): Promise<Row[]> {
      if (count === 0) return [];
      if (values.length !== count * columns.length) throw new Error(`${values.length} values do not make ${count} rows of ${columns.length} columns`);
      const key = `${table}:${columns.join(',')}:${count}:${returning ?? ''}`;
      let text = compiled.get(key);
      if (text === undefined) {
        const blank = Object.fromEntries(columns.map((c) => [c, null]));
        const query = db.insertInto(table).values(Array.from({ length: count }, () => blank) as never);
        text = (returning === undefined ? query : query.returning(returning as never)).compile().sql;
        compiled.set(key, text);
      }
      return run(text, values);
    },
  };

  async function run(text: string, values: readonly unknown[]): Promise<Row[]> {
    const { rows: written } = await db.executeQuery<Row>(CompiledQuery.raw(text, values as unknown[]));
    // SQLite's driver answers synchronously, so a long bulk write would otherwise hold the
    // event loop (and the window's requests) until it ends: one turn of the loop per chunk.
    await new Promise<void>((resolve) => setImmediate(resolve));
    return written;
  }
}
