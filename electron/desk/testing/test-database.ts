// For test files: `const db = await testDatabase()` gives a fresh, empty
// PostgreSQL database of its own on the run's server (see postgres-global-setup.ts), as
// `db.url` (superuser) and `db.appUrl` (restricted login role; `testDatabase({ withAppRole: false })` skips it). `await db.drop()` when done,
// e.g. in afterAll; whatever is left goes with the server at the end of the run anyway.
import path from 'node:path';
import { expect, inject } from 'vitest';
import { createDatabase, type CreateDatabaseOptions, type PostgresServerInfo, type TestDatabaseHandle } from './postgres-server';

let server: Promise<PostgresServerInfo> | undefined;

/** The run's server (started on the first call of the whole run), as its superuser. */
export function testPostgresServer(): Promise<PostgresServerInfo> {
  return (server ??= (async () => {
    const provided = inject('deskPostgres') as { endpoint: string; token: string } | undefined;
    if (!provided) throw new Error('no PostgreSQL for this run: .config/vitest.config.ts must list postgres-global-setup.ts in globalSetup');
    const res = await fetch(provided.endpoint, { method: 'POST', headers: { authorization: `Bearer ${provided.token}` } });
    if (!res.ok) throw new Error(`the run's PostgreSQL server did not start:\n${await res.text()}`);
    return (await res.json()) as PostgresServerInfo;
  })());
}

export interface TestDatabase {
  /** The database's name (unique on the server). */
  name: string;
  /** postgres://…@127.0.0.1:PORT/name as the superuser: migrations, ownership, grants. */
  url: string;
  /** Same database as its app role (LOGIN, not a superuser, owns nothing, may only CONNECT). */
  appUrl: string;
  appRole: string;
  drop(): Promise<void>;
}

/** A fresh database with its app role (unless `withAppRole: false`), named after the test file. */
export async function testDatabase(options: CreateDatabaseOptions & { withAppRole: false }): Promise<Omit<TestDatabase, 'appUrl' | 'appRole'>>;
export async function testDatabase(options?: CreateDatabaseOptions): Promise<TestDatabase>;
export async function testDatabase(options: CreateDatabaseOptions = {}): Promise<TestDatabaseHandle> {
  const testPath = expect.getState().testPath;
  const label = options.label ?? (testPath ? path.basename(testPath).replace(/\.test\.tsx?$/, '') : undefined);
  return createDatabase(await testPostgresServer(), { withAppRole: true, ...options, label });
}
