// The run's PostgreSQL server and the databases it hands out: real, version 18, isolated from
// each other, with an app role that is no superuser, and gone once dropped.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase, testPostgresServer, type TestDatabase } from './test-database';

const opened: pg.Client[] = [];
async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  opened.push(client);
  return client;
}
const dropped: TestDatabase[] = [];
async function fresh(): Promise<TestDatabase> {
  const db = await testDatabase({ withAppRole: true });
  dropped.push(db);
  return db;
}

afterAll(async () => {
  await Promise.all(opened.map((c) => c.end().catch(() => undefined)));
  await Promise.all(dropped.map((db) => db.drop()));
});

describe('test PostgreSQL server', () => {
  it('gives a fresh database that takes connections, on PostgreSQL 18, in UTF-8', async () => {
    const db = await fresh();
    expect(db.url).toMatch(/^postgres:\/\/[^:]+:[^@]+@127\.0\.0\.1:\d+\/desk_postgres_server_[0-9a-f]{12}$/);
    const client = await connect(db.url);
    const { rows } = await client.query<{ version: string; db: string; encoding: string }>(
      "SELECT version(), current_database() AS db, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()",
    );
    expect(rows[0]?.version).toMatch(/^PostgreSQL 18\./);
    expect(rows[0]?.db).toBe(db.name);
    expect(rows[0]?.encoding).toBe('UTF8');
    const tables = await client.query("SELECT 1 FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')");
    expect(tables.rowCount).toBe(0);
  });

  it('keeps two databases apart', async () => {
    const [a, b] = await Promise.all([fresh(), fresh()]);
    expect(a.name).not.toBe(b.name);
    const ca = await connect(a.url);
    const cb = await connect(b.url);
    await ca.query('CREATE TABLE holders (id int PRIMARY KEY, name text NOT NULL)');
    await ca.query("INSERT INTO holders VALUES (1, 'Ada')");
    expect((await ca.query('SELECT name FROM holders')).rows).toEqual([{ name: 'Ada' }]);
    await expect(cb.query('SELECT name FROM holders')).rejects.toThrow(/relation "holders" does not exist/);
    await cb.query('CREATE TABLE holders (id int PRIMARY KEY)'); // same name, no clash
    // One database's app role may not even connect to another database.
    const elsewhere = new URL(b.appUrl);
    elsewhere.pathname = `/${a.name}`;
    await expect(connect(elsewhere.href)).rejects.toThrow(/permission denied|not permitted/);
  });

  it('connects the app role, which is no superuser and may not create tables', async () => {
    const db = await fresh();
    const app = await connect(db.appUrl);
    const { rows } = await app.query<{ who: string; superuser: boolean; createdb: boolean; createrole: boolean }>(
      'SELECT current_user AS who, rolsuper AS superuser, rolcreatedb AS createdb, rolcreaterole AS createrole FROM pg_roles WHERE rolname = current_user',
    );
    expect(rows).toEqual([{ who: db.appRole, superuser: false, createdb: false, createrole: false }]);
    expect((await app.query("SELECT current_setting('is_superuser') AS s")).rows[0]).toEqual({ s: 'off' });
    await expect(app.query('CREATE TABLE t (x int)')).rejects.toThrow(/permission denied for schema public/);
    // …while the admin URL is the superuser.
    const admin = await connect(db.url);
    expect((await admin.query("SELECT current_setting('is_superuser') AS s")).rows[0]).toEqual({ s: 'on' });
  });

  it('drop removes the database and its app role, even with connections open', async () => {
    const db = await testDatabase({ withAppRole: true });
    const open = await connect(db.url);
    await open.query('SELECT 1');
    await db.drop();
    await db.drop(); // twice is fine
    const server = await testPostgresServer();
    const admin = await connect(`postgres://${server.user}:${server.password}@${server.host}:${server.port}/postgres`);
    expect((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db.name])).rowCount).toBe(0);
    expect((await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [db.appRole])).rowCount).toBe(0);
    await expect(connect(db.url)).rejects.toThrow(/does not exist/);
  });
});
