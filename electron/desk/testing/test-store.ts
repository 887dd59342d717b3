/**
 * Which store the store-level tests run against. The suite runs twice — once on SQLite, once on
 * the PostgreSQL server the tests start (DESK_TEST_STORE=postgres) — with the same test files.
 */
import type { StoreKind } from '../store/port';

export const testStoreKind = (): StoreKind => (process.env['DESK_TEST_STORE'] === 'postgres' ? 'postgres' : 'sqlite');

export interface TestBook {
  readonly kind: StoreKind;
  /** A file path, or a postgres:// URL of a fresh, empty database. */
  readonly location: string;
  /** Removes the database (a file goes with its temporary folder). */
  drop(): Promise<void>;
}

/** Where a test's fresh book goes: `file` on SQLite, a new database on PostgreSQL. */
export async function freshBookLocation(file: string): Promise<TestBook> {
  if (testStoreKind() === 'sqlite') return { kind: 'sqlite', location: file, drop: async () => {} };
  const { testDatabase } = await import('./test-database');
  const db = await testDatabase({ withAppRole: false });
  return { kind: 'postgres', location: db.url, drop: () => db.drop() };
}
