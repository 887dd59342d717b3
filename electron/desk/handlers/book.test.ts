import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectBook } from '../store/sqlite/inspect';
import { SCHEMA_VERSION } from '../store/sqlite/schema';
import { staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { jobRefused, jobValue } from '../testing/job-harness';
import { testStoreKind } from '../testing/test-store';
import { listDir, sha256File } from '../testing/temp';

let f: DeskFixture;
const apple = { kind: 'rights-offering', name: 'Apple Rights', issuer: 'Apple Inc.', cusip: '037833100', recordDate: '2026-03-13' } as const;
const msft = { kind: 'odd-lot', name: 'Microsoft Odd-Lot', issuer: 'Microsoft Corp.', cusip: '594918104', recordDate: '2026-02-27' } as const;

beforeEach(async () => {
  f = await staffedDesk();
});
afterEach(async () => f.close());

describe('book.info', () => {
  it('describes the open book', async () => {
    const info = await f.value('book.info');
    expect(info).toMatchObject({ kind: f.storeKind, path: f.shownLocation, schemaVersion: SCHEMA_VERSION });
    expect(info.journalEntries).toBe(4); // created, first admin, two users
    expect(info.engine).toMatch(f.storeKind === 'sqlite' ? /^SQLite 3\.\d+\.\d+$/ : /^PostgreSQL 18/);
    expect(info.head).toMatchObject({ seq: 4, hash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
  });
});

describe('book.backup', () => {
  it('writes a verified copy to the path chosen in the dialog and journals it in the live book', async () => {
    await f.value('programs.create', apple);
    const target = f.dir.file('chosen.book');
    f.savePaths.push(target);
    const result = await jobValue(f, 'book.backup', {});
    expect(result.path).toBe(target);
    expect(result.bytes).toBe(readFileSync(target).length);
    // The copy's head is the live book's head before the backup's own entry.
    const [before] = await f.value('journal.list', { limit: 2 }).then((e) => e.slice(1));
    expect(result.head).toEqual({ seq: before?.seq, hash: before?.hash });
    expect(inspectBook(target).schemaVersion).toBe(SCHEMA_VERSION);
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('SELECT cusip FROM programs').pluck().all()).toEqual([apple.cusip]);
    copy.close();
    const [entry] = await f.value('journal.list', { limit: 1 });
    expect(entry).toMatchObject({ action: 'book.backedUp', username: 'ada', payload: { path: target, bytes: result.bytes, copyJournalIntact: true } });
    // no temporary files left beside it
    expect(listDir(f.dir.dir).filter((n) => n.includes('backup-') || n.startsWith('.'))).toEqual([]);
  });

  it('offers a name built from the book and the time, and answers CANCELLED when the dialog is closed', async () => {
    let offered = '';
    f.host.chooseSavePath = async (o) => {
      offered = o.defaultName;
      return null;
    };
    const error = await f.refused('book.backup', {}, 'CANCELLED');
    expect(error.message).toMatch(/nothing was written/);
    const base = f.storeKind === 'sqlite' ? 'office' : new URL(f.bookPath).pathname.slice(1);
    expect(offered).toBe(`${base}-backup-20260302T140000Z.book`);
  });

  it('takes no path from the screen: only main\'s own dialog names the file', async () => {
    await f.refused('book.backup', { destination: f.dir.file('typed.book') }, 'INVALID_INPUT', 'destination');
    await f.refused('book.restore', { source: f.dir.file('typed.book') }, 'INVALID_INPUT', 'source');
    expect(listDir(f.dir.dir)).not.toContain('typed.book');
  });

  it('replaces a file the save dialog agreed to replace, never the book itself, never in a missing folder', async () => {
    const existing = f.dir.file('existing.book');
    writeFileSync(existing, 'replace me');
    expect((await jobValue(f, 'book.backup', f.chooseSave(existing))).path).toBe(existing);
    expect(inspectBook(existing).schemaVersion).toBe(SCHEMA_VERSION);
    if (f.storeKind === 'sqlite') {
      const hash = sha256File(f.bookPath);
      await jobRefused(f, 'book.backup', f.chooseSave(f.bookPath), 'INVALID_INPUT');
      expect(sha256File(f.bookPath)).toBe(hash);
    }
    await jobRefused(f, 'book.backup', f.chooseSave(path.join(f.dir.dir, 'no', 'such', 'x.book')), 'NOT_FOUND');
  });

  it('is for supervisors and administrators', async () => {
    await f.signInAs('carl');
    await f.refused('book.backup', f.chooseSave(f.dir.file('x.book')), 'FORBIDDEN');
    await f.signInAs('sue');
    expect((await jobValue(f, 'book.backup', f.chooseSave(f.dir.file('x.book')))).path).toBe(f.dir.file('x.book'));
  });
});

// Restoring replaces a book file; an office database is restored by its administrator.
describe.runIf(testStoreKind() === 'postgres')('book.restore on an office database', () => {
  it('is refused in words, and the database is left as it was', async () => {
    const before = await f.journalCount();
    f.openPaths.push(f.dir.file('anything.book'));
    const error = await jobRefused(f, 'book.restore', {}, 'CONFLICT');
    expect(error.message).toMatch(/administrator restores it/);
    expect(await f.journalCount()).toBe(before);
  });
});

describe.runIf(testStoreKind() === 'sqlite')('book.restore', () => {
  it('round-trips: the backup comes back, the old book is set aside, and the restore is journaled', async () => {
    await f.value('programs.create', apple);
    const backup = f.dir.file('monday.book');
    await jobValue(f, 'book.backup', f.chooseSave(backup));
    await f.value('programs.create', msft);
    const backupHash = sha256File(backup);

    f.clock.advanceMinutes(5);
    f.openPaths.push(backup);
    const info = await jobValue(f, 'book.restore', {});
    expect(info.path).toBe(f.bookPath);
    expect((await f.value('programs.list')).map((p) => p.cusip)).toEqual([apple.cusip]);
    expect(sha256File(backup)).toBe(backupHash); // the source is only read

    const setAside = `${f.bookPath}.before-restore-20260302T140500Z`;
    expect(existsSync(setAside)).toBe(true);
    const old = new Database(setAside, { readonly: true });
    expect(old.prepare('SELECT cusip FROM programs ORDER BY id').pluck().all()).toEqual([apple.cusip, msft.cusip]);
    old.close();

    const [entry] = await f.value('journal.list', { limit: 1 });
    expect(entry).toMatchObject({ action: 'book.restored', username: 'ada', payload: { source: backup, setAside } });
    expect(await jobValue(f, 'journal.verify')).toMatchObject({ ok: true });
    // still signed in as the same person, and the book keeps working
    expect((await f.value('session.status')).user?.username).toBe('ada');
    expect((await f.value('programs.create', msft)).cusip).toBe(msft.cusip);
  });

  it('refuses a damaged or foreign source and leaves the open book as it was', async () => {
    await f.value('programs.create', apple);
    const before = { programs: await f.value('programs.list'), journal: await f.value('journal.list', { limit: 500 }) };
    const garbage = f.dir.file('garbage.book');
    writeFileSync(garbage, Buffer.alloc(16384, 0x41));
    const foreign = f.dir.file('foreign.db');
    const db = new Database(foreign);
    db.exec('CREATE TABLE t (x)');
    db.close();
    for (const source of [garbage, foreign, f.dir.file('missing.book'), f.bookPath]) {
      const hash = existsSync(source) && source !== f.bookPath ? sha256File(source) : null;
      const error = await jobRefused(f, 'book.restore', f.chooseOpen(source), 'BOOK_REFUSED');
      expect(error.message).toMatch(/was refused/);
      if (hash) expect(sha256File(source)).toBe(hash);
    }
    expect(await f.value('programs.list')).toEqual(before.programs);
    expect(await f.value('journal.list', { limit: 500 })).toEqual(before.journal);
    expect(listDir(f.dir.dir).filter((n) => n.includes('before-restore'))).toEqual([]);
  });

  it('keeps every set-aside copy when two restores fall in the same second', async () => {
    const backup = f.dir.file('b.book');
    await jobValue(f, 'book.backup', f.chooseSave(backup));
    await jobValue(f, 'book.restore', f.chooseOpen(backup));
    await jobValue(f, 'book.restore', f.chooseOpen(backup));
    expect(listDir(f.dir.dir).filter((n) => n.includes('before-restore'))).toEqual([
      'office.book.before-restore-20260302T140000Z',
      'office.book.before-restore-20260302T140000Z-2',
    ]);
  });

  it('signs out a user the restored book does not know', async () => {
    const backup = f.dir.file('early.book');
    await jobValue(f, 'book.backup', f.chooseSave(backup));
    await f.addUser('newadmin', 'admin');
    await f.signInAs('newadmin');
    await jobValue(f, 'book.restore', f.chooseOpen(backup));
    expect((await f.value('session.status')).user).toBeNull();
  });

  it('answers CANCELLED when the dialog is closed, and is for administrators only', async () => {
    await f.refused('book.restore', {}, 'CANCELLED');
    await f.signInAs('sue');
    await f.refused('book.restore', f.chooseOpen(f.dir.file('x.book')), 'FORBIDDEN');
  });
});
