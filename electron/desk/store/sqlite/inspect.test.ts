import { closeSync, copyFileSync, openSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskFailure } from '../../../../shared/ipc/result';
import { fakeClock, listDir, sha256File, tempDir } from '../../testing/temp';
import { inspectBook, inspectBookInWorker } from './inspect';
import { sourceWorkers, useWorkers, type JobName } from '../../workers/run-job';
import { CHECK_IN_WORKER_FROM_BYTES, openSqliteBook } from './open';
import { SCHEMA_VERSION } from './schema';
import { SYSTEM_ACTOR } from '../port';

let t: ReturnType<typeof tempDir>;
const clock = fakeClock();

beforeEach(() => {
  t = tempDir();
});
afterEach(() => t.cleanup());

/** A closed book with enough holders to span many pages. */
async function makeBook(name = 'good.book', holders = 2000): Promise<string> {
  const file = t.file(name);
  const store = await openSqliteBook(file, { now: clock.now });
  await store.change(SYSTEM_ACTOR, 'test.seed', async (tx) => {
    const u = await tx.users.insert({ username: 'alice', displayName: 'Alice', role: 'admin', passwordHash: 'x', createdAt: 'now', createdBy: null });
    const p = await tx.programs.insert({ kind: 'rights-offering', name: 'P', issuer: 'I', cusip: '037833100', recordDate: '2026-01-02', createdAt: 'now', createdBy: u.id });
    await tx.holders.insertMany(
      Array.from({ length: holders }, (_, i) => ({
        programId: p.id,
        account: `A${String(i).padStart(7, '0')}`,
        name: `Holder number ${i} with a reasonably long registration name`,
        address: `${i} Main Street, Springfield`,
        country: 'US',
        tinEncrypted: null,
        shares: i,
      })),
    );
    return { payload: {}, result: null };
  });
  await store.close();
  return file;
}

/** Expects `file` refused with a message matching `reason`, and the folder exactly as before. */
async function expectRefusedUntouched(file: string, reason: RegExp): Promise<void> {
  const hash = sha256File(file);
  const files = listDir(t.dir);
  let caught: unknown;
  try {
    inspectBook(file);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DeskFailure);
  expect((caught as DeskFailure).code).toBe('BOOK_REFUSED');
  expect((caught as DeskFailure).message).toMatch(reason);
  // and opening it for use refuses it the same way, still without writing anything
  await expect(openSqliteBook(file, { now: clock.now })).rejects.toThrow(reason);
  expect(sha256File(file)).toBe(hash);
  expect(listDir(t.dir)).toEqual(files);
}

describe('inspectBook', () => {
  it('accepts a sound book and leaves it, and its folder, exactly as they were', async () => {
    const file = await makeBook();
    const hash = sha256File(file);
    expect(inspectBook(file)).toMatchObject({ schemaVersion: SCHEMA_VERSION, bytes: statSync(file).size });
    expect(sha256File(file)).toBe(hash);
    expect(listDir(t.dir)).toEqual(['good.book']);
  });

  it('reads through a pending write-ahead log while the book is open elsewhere', async () => {
    const file = await makeBook();
    const live = await openSqliteBook(file, { now: clock.now });
    try {
      expect(inspectBook(file).schemaVersion).toBe(SCHEMA_VERSION);
      // the live connection's files are still there and still work
      await live.change(SYSTEM_ACTOR, 'test.after', async () => ({ payload: {}, result: null }));
    } finally {
      await live.close();
    }
  });

  it('refuses a text file', async () => {
    const file = t.file('notes.book');
    writeFileSync(file, 'Dear holder, this is not a database.\n'.repeat(50));
    await expectRefusedUntouched(file, /not a SQLite database/);
  });

  it('refuses an empty file', async () => {
    const file = t.file('empty.book');
    writeFileSync(file, '');
    await expectRefusedUntouched(file, /empty/);
  });

  it('refuses a SQLite database made by another program', async () => {
    const file = t.file('foreign.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.close();
    await expectRefusedUntouched(file, /another program/);
  });

  it('refuses a book from a newer version', async () => {
    const file = await makeBook('newer.book', 10);
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    await expectRefusedUntouched(file, new RegExp(`newer version .*book version ${SCHEMA_VERSION + 1}`));
  });

  it('refuses a book with garbage over the cells of a page', async () => {
    const file = await makeBook('garbage.book');
    const image = readFileSync(file);
    const pageSize = image.readUInt16BE(16);
    // a table-leaf page (type 0x0D) with cells, two thirds into the file: holder rows
    let page = Math.floor((image.length / pageSize) * (2 / 3));
    while (image[page * pageSize] !== 0x0d || image.readUInt16BE(page * pageSize + 3) < 4) page += 1;
    const fd = openSync(file, 'r+');
    // over its cell pointers, just after the 8-byte page header: the rows it holds are lost
    writeSync(fd, Buffer.alloc(48, 0xa5), 0, 48, page * pageSize + 8);
    closeSync(fd);
    await expectRefusedUntouched(file, /damaged/);
  });

  it('refuses a truncated book, cut mid-page or on a page boundary', async () => {
    const file = await makeBook('cut.book');
    const pageSize = readFileSync(file).readUInt16BE(16);
    const midPage = t.file('mid.book');
    copyFileSync(file, midPage);
    truncateSync(midPage, statSync(file).size - 1000);
    await expectRefusedUntouched(midPage, /damaged/);
    const onBoundary = t.file('boundary.book');
    copyFileSync(file, onBoundary);
    truncateSync(onBoundary, statSync(file).size - 3 * pageSize);
    await expectRefusedUntouched(onBoundary, /damaged/);
  });

  it('reads through a log left without its index (a crash copy), leaving no new file behind', async () => {
    const source = await makeBook('live.book', 10);
    const live = new Database(source);
    live.pragma('wal_autocheckpoint = 0');
    live.exec("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('bob', 'Bob', 'clerk', 'x', 'now')");
    // copy the book and its pending log, but not the -shm index, as a crash-time copy would be
    copyFileSync(source, t.file('copy.book'));
    copyFileSync(`${source}-wal`, t.file('copy.book-wal'));
    live.close();
    const before = listDir(t.dir);
    expect(inspectBook(t.file('copy.book')).schemaVersion).toBe(SCHEMA_VERSION);
    expect(listDir(t.dir)).toEqual(before);
  });

  it('refuses a foreign database with a pending log, leaving no new file behind', async () => {
    const source = t.file('other.db');
    const live = new Database(source);
    live.pragma('journal_mode = WAL');
    live.pragma('wal_autocheckpoint = 0');
    live.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    copyFileSync(source, t.file('foreign-copy.db'));
    copyFileSync(`${source}-wal`, t.file('foreign-copy.db-wal'));
    live.close();
    await expectRefusedUntouched(t.file('foreign-copy.db'), /another program/);
  });

  it('refuses a file that is not there or is a folder', async () => {
    expect(() => inspectBook(t.file('missing.book'))).toThrow(/cannot be found/);
    expect(() => inspectBook(t.dir)).toThrow(/not a file/);
  });
});

describe('inspectBookInWorker', () => {
  it('checks a book in a worker thread: the same facts, the same refusals, the file untouched', async () => {
    const file = await makeBook();
    const hash = sha256File(file);
    expect(await inspectBookInWorker(file)).toEqual(inspectBook(file));
    const damaged = t.file('damaged.book');
    copyFileSync(file, damaged);
    truncateSync(damaged, statSync(damaged).size - 1000);
    const files = listDir(t.dir);
    const refusal = await inspectBookInWorker(damaged).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DeskFailure);
    expect(refusal).toMatchObject({ code: 'BOOK_REFUSED', message: expect.stringMatching(/truncated/) as unknown });
    expect(sha256File(file)).toBe(hash);
    expect(listDir(t.dir)).toEqual(files);
  });

  it('is how a large book is checked as it opens; a small one is checked on the spot', async () => {
    const launched: JobName[] = [];
    useWorkers((name) => {
      launched.push(name);
      return sourceWorkers(name);
    });
    try {
      const small = await makeBook('small.book');
      await (await openSqliteBook(small, { now: clock.now })).close();
      expect(launched).toEqual([]);
      const large = await makeBook('large.book', 40_000);
      expect(statSync(large).size).toBeGreaterThanOrEqual(CHECK_IN_WORKER_FROM_BYTES);
      // A damaged large book is refused by the worker in the same words, untouched.
      truncateSync(large, statSync(large).size - 1000);
      const hash = sha256File(large);
      const files = listDir(t.dir);
      await expect(openSqliteBook(large, { now: clock.now })).rejects.toThrow(/was refused: it is damaged \(the file is truncated\)/);
      expect(launched).toEqual(['inspect-book']);
      expect(listDir(t.dir)).toEqual(files);
      expect(sha256File(large)).toBe(hash);
    } finally {
      useWorkers(sourceWorkers);
    }
  });

  it('can be cancelled, leaving the folder as it was', async () => {
    const file = await makeBook();
    const files = listDir(t.dir);
    const controller = new AbortController();
    const checking = inspectBookInWorker(file, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(checking).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(listDir(t.dir)).toEqual(files);
  });
});

describe('a book from before the search index', () => {
  it('gets one built from its records when it is opened, in the upgrade\'s journal entry', async () => {
    const { MIGRATIONS } = await import('./schema');
    const { migrate } = await import('./migrate');
    const file = t.file('old.book');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    migrate(db, clock.now, MIGRATIONS.slice(0, 3));
    db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('zoe', 'Zoë Ångström', 'admin', 'x', 'now')").run();
    db.close();
    const store = await openSqliteBook(file, { now: clock.now });
    try {
      expect(await store.read((r) => r.search.find(['angstrom'], ['user'], 5))).toEqual([{ kind: 'user', refId: 1 }]);
      expect((await store.read((r) => r.journal.list({ limit: 1 })))[0]).toMatchObject({ action: 'book.migrated', payload: { before: { schemaVersion: 3 }, after: { schemaVersion: SCHEMA_VERSION } } });
    } finally {
      await store.close();
    }
  });
});
