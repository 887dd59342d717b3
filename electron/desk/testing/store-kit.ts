// For store tests: a fresh book on this run's store (a file, or a database on the test
// PostgreSQL server), and raw SQL against it as its owner — to tamper with it as an intruder
// with direct access would, which no desk can.
import Database from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl, openStore } from '../store/open-store';
import type { BookStore } from '../store/port';
import { fakeClock, tempDir } from './temp';
import { freshBookLocation, type TestBook } from './test-store';

export type RawSql = (sql: string, params?: readonly unknown[]) => Promise<Record<string, unknown>[]>;

export interface StoreKit {
  readonly book: TestBook;
  readonly clock: ReturnType<typeof fakeClock>;
  readonly dir: ReturnType<typeof tempDir>;
  open(): Promise<BookStore>;
  /** Runs SQL as the book's owner, outside any desk; returns the rows of the last statement. */
  readonly raw: RawSql;
  /** Switches off the journal's refusal triggers (an intruder with the owner's rights). */
  disableJournalGuards(): Promise<void>;
  cleanup(): Promise<void>;
}

/** Raw SQL on a book file or database; `$1`-style parameters on both. */
export function rawSqlOn(location: string): RawSql {
  return async (sql, params = []) => {
    if (!isPostgresUrl(location)) {
      const db = new Database(location);
      try {
        const stmt = db.prepare(sql.replace(/\$\d+/g, '?'));
        if (stmt.reader) return stmt.all(...params) as Record<string, unknown>[];
        stmt.run(...params);
        return [];
      } finally {
        db.close();
      }
    }
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    try {
      return (await client.query(sql, [...params])).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };
}

/** For a test holding only a book's location (e.g. a desk fixture's). */
export const storeKitFor = (location: string) => ({ raw: rawSqlOn(location) });

export async function storeKit(): Promise<StoreKit> {
  const dir = tempDir('store-test-');
  const clock = fakeClock();
  const book = await freshBookLocation(dir.file('desk.book'));
  const opened: BookStore[] = [];
  const raw = rawSqlOn(book.location);
  return {
    book,
    clock,
    dir,
    async open() {
      const store = await openStore(book.location, { now: clock.now });
      opened.push(store);
      return store;
    },
    raw,
    async disableJournalGuards() {
      if (book.kind === 'sqlite') await raw('DROP TRIGGER journal_no_update').then(() => raw('DROP TRIGGER journal_no_delete'));
      else await raw('ALTER TABLE journal DISABLE TRIGGER journal_refuse');
    },
    async cleanup() {
      for (const store of opened) if (store.isOpen) await store.close();
      await book.drop();
      dir.cleanup();
    },
  };
}
