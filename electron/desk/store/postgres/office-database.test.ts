// An office's book on PostgreSQL as its administrator sets it up and a desk uses it: the command
// line with a URL, the desks' own role that can never rewrite the journal, refusals in words.
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/temp';
import { testDatabase, type TestDatabase } from '../../testing/test-database';
import { openStore } from '../open-store';
import { SYSTEM_ACTOR } from '../port';
import { SCHEMA_VERSION } from '../sqlite/schema';
import { runCli } from '../../testing/cli-run';

let db: TestDatabase;
let t: ReturnType<typeof tempDir>;
beforeEach(async () => {
  db = await testDatabase();
  t = tempDir('desk-office-');
});
afterEach(async () => {
  await db.drop();
  t.cleanup();
});

/** Runs the command line in-process in the test's folder. */
const cli = (...argv: string[]) => runCli(t.dir, ...argv);

async function sql(url: string, text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

const password = (url: string) => decodeURIComponent(new URL(url).password);

describe('offering-desk on an office database', () => {
  it('init creates the book and grants the desks\' role; verify and backup take the URL', async () => {
    const init = await cli('init', db.url, '--desk-role', db.appRole);
    expect(init).toMatchObject({ code: 0, stderr: '' });
    expect(init.stdout).toMatch(new RegExp(`Created a new book in the office database .* \\(schema version ${SCHEMA_VERSION}\\); desks connect as "${db.appRole}"`));
    expect(init.stdout).not.toContain(password(db.url));
    expect((await cli('init', db.url)).code).toBe(2); // never over an existing book

    const desk = await openStore(db.appUrl, { now: () => new Date() });
    await desk.change(SYSTEM_ACTOR, 'test.saved', async () => ({ payload: { n: 1 }, result: null }));
    await desk.close();

    const verify = await cli('verify', db.appUrl);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/integrity ok, schema version \d+, 2 journal entries, chain intact/);
    expect(verify.stdout).not.toContain(password(db.appUrl));

    const backup = await cli('backup', db.appUrl, 'office.book');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/Backed up postgres:\/\/.*\*\*\*.* to .*office\.book \(\d+ bytes, 2 journal entries\)/);
    expect((await cli('verify', 'office.book')).stdout).toMatch(/2 journal entries, chain intact/);
  });

  it('the desks\' role can append to the journal but never change, delete or truncate it', async () => {
    expect((await cli('init', db.url, '--desk-role', db.appRole)).code).toBe(0);
    const store = await openStore(db.appUrl, { now: () => new Date() });
    await store.change(SYSTEM_ACTOR, 'test.saved', async () => ({ payload: {}, result: null }));
    await store.close();
    for (const attempt of ["UPDATE journal SET action = 'x'", 'DELETE FROM journal', 'TRUNCATE journal']) {
      await expect(sql(db.appUrl, attempt)).rejects.toThrow(/permission denied/);
    }
    await expect(sql(db.appUrl, 'ALTER TABLE journal DISABLE TRIGGER journal_refuse')).rejects.toThrow(/must be owner/);
    // The owner is stopped by the trigger.
    await expect(sql(db.url, "UPDATE journal SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(sql(db.url, 'TRUNCATE journal')).rejects.toThrow(/append-only/);
    expect((await sql(db.url, 'SELECT count(*)::int AS n FROM journal')).rows[0]).toEqual({ n: 2 });
  });

  it('refuses, in one line and exit 2, a database of another program, a newer book, and bad arguments', async () => {
    await sql(db.url, 'CREATE TABLE invoices (id int)');
    const foreign = await cli('verify', db.url);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toMatch(/holds tables of another program/);
    await expect(openStore(db.url, { now: () => new Date() })).rejects.toMatchObject({ code: 'BOOK_REFUSED' });
    expect((await sql(db.url, "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'")).rows[0]).toEqual({ n: 1 });

    await sql(db.url, 'DROP TABLE invoices');
    expect((await cli('init', db.url)).code).toBe(0);
    await sql(db.url, "INSERT INTO schema_migrations VALUES (999, 'from the future', 'x')");
    const newer = await cli('verify', db.url);
    expect(newer).toMatchObject({ code: 2 });
    expect(newer.stderr).toMatch(/newer version of Offering Desk \(book version 999/);
    expect(newer.stderr.trim().split('\n')).toHaveLength(1);

    expect((await cli('init', db.url, '--desk-role', 'Robert; DROP')).stderr).toMatch(/not a plain role name/);
    expect((await cli('init', 'postgres://nobody@127.0.0.1:1/none')).stderr).toMatch(/nothing answers at that host and port/);
    expect((await cli('init', 'x.book', '--desk-role', 'desk')).code).toBe(2);
  });

  it('a desk connecting as its role cannot upgrade the book: it says who must', async () => {
    // A book of an older version: only the first migration applied, by the owner.
    const { migratePostgres } = await import('./migrate');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { PG_MIGRATIONS } = await import('./schema');
    await migratePostgres(client, db.url, () => new Date(), 'open-or-create', PG_MIGRATIONS.slice(0, 1));
    await client.end();
    await sql(db.url, `GRANT USAGE ON SCHEMA public TO ${db.appRole}; GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${db.appRole}`);
    await expect(openStore(db.appUrl, { now: () => new Date() })).rejects.toThrow(/ask the database administrator to run "offering-desk upgrade"/);
    // The owner upgrades it; then the desk opens it.
    const upgrade = await cli('upgrade', db.url);
    expect(upgrade).toMatchObject({ code: 0, stderr: '' });
    // The old book was made by hand here (no book.created); its one entry is the book.migrated just written.
    expect(upgrade.stdout).toMatch(new RegExp(`schema version ${SCHEMA_VERSION}, 1 journal entry`));
    await sql(db.url, `GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO ${db.appRole}; GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${db.appRole}`);
    const desk = await openStore(db.appUrl, { now: () => new Date() });
    expect((await desk.info()).schemaVersion).toBe(SCHEMA_VERSION);
    await desk.close();
  });
});
