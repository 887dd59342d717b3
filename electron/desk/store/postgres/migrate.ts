import pg from 'pg';
import { SCHEMA_VERSION } from '../sqlite/schema';
import { connectClient, databaseRefused } from './connect';
import type { Migration } from '../sqlite/schema';
import { BOOK_IDENTITY, PG_MIGRATIONS } from './schema';

/** Serializes migrations between desks starting at once ('ODKM'). */
const MIGRATION_LOCK = 0x4f444b4d;

/**
 * Checks that the database is an Offering Desk book (or empty) of a version this program reads,
 * then brings it up to SCHEMA_VERSION, one transaction per migration. A database holding other
 * tables, or a newer book, is refused untouched.
 */
export async function migratePostgres(
  client: pg.ClientBase,
  url: string,
  now: () => Date,
  mode: 'open-or-create' | 'create' | 'open' = 'open-or-create',
  migrations: readonly Migration[] = PG_MIGRATIONS,
): Promise<{ from: number; to: number }> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    const from = await currentVersion(client, url);
    if (mode === 'create' && from > 0) throw databaseRefused(url, 'it already holds a book');
    if (mode === 'open' && from === 0) throw databaseRefused(url, 'it holds no book yet (create one with "offering-desk init")');
    if (from > SCHEMA_VERSION) {
      throw databaseRefused(url, `it was written by a newer version of Offering Desk (book version ${from}; this program reads up to ${SCHEMA_VERSION})`);
    }
    for (const m of migrations) {
      if (m.version <= from) continue;
      await client.query('BEGIN');
      try {
        if (m.version === 1) {
          await client.query(`CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL);
            CREATE TABLE book_identity (application text NOT NULL CHECK (application = '${BOOK_IDENTITY}'), created_at text NOT NULL);`);
          await client.query('INSERT INTO book_identity (application, created_at) VALUES ($1, $2)', [BOOK_IDENTITY, now().toISOString()]);
        }
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, now().toISOString()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        if (error instanceof Error && 'code' in error && error.code === '42501') {
          throw databaseRefused(url, `the book needs upgrading to version ${m.version}, and this user may not change its tables; ask the database administrator to run "offering-desk upgrade" with the owner's address`);
        }
        throw error;
      }
    }
    return { from, to: await currentVersion(client, url) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

/** 0 for an empty database; refuses one that holds tables of another program. */
async function currentVersion(client: pg.ClientBase, url: string): Promise<number> {
  const tables = await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()");
  const names = new Set(tables.rows.map((r) => r.name));
  if (names.size === 0) return 0;
  if (!names.has('book_identity') || !names.has('schema_migrations')) {
    throw databaseRefused(url, 'it holds tables of another program, so it is not an Offering Desk book');
  }
  const identity = await client.query<{ application: string }>('SELECT application FROM book_identity');
  if (identity.rows.length !== 1 || identity.rows[0]?.application !== BOOK_IDENTITY) throw databaseRefused(url, 'its identity row is missing or not ours');
  const latest = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return latest.rows[0]?.v ?? 0;
}

/** Checks, without changing anything, that the database holds a book of ours this program reads; returns its version. */
export async function inspectPostgresBook(url: string): Promise<number> {
  const client = await connectClient(url);
  try {
    const version = await currentVersion(client, url);
    if (version === 0) throw databaseRefused(url, 'it holds no book yet (create one with "offering-desk init")');
    if (version > SCHEMA_VERSION) {
      throw databaseRefused(url, `it was written by a newer version of Offering Desk (book version ${version}; this program reads up to ${SCHEMA_VERSION})`);
    }
    return version;
  } finally {
    await client.end().catch(() => undefined);
  }
}
