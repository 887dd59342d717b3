import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastBookLocation, officeChoice } from '../services/book-choice';
import { openStore } from '../store/open-store';
import { PASSWORD, staffedDesk, type DeskFixture } from '../testing/desk-harness';
import { testDatabase, type TestDatabase } from '../testing/test-database';

let f: DeskFixture;
beforeEach(async () => {
  f = await staffedDesk();
});
afterEach(async () => f.close());

/** Another book file with its own administrator "olga". */
async function otherBook(name = 'other.book'): Promise<string> {
  const file = f.dir.file(name);
  const { openDesk } = await import('../desk');
  const other = await openDesk({ bookPath: file, prefsPath: f.dir.file('other-prefs.json'), host: f.host, now: f.clock.now, mode: 'create' });
  await other.dispatch('session.createFirstAdmin', { username: 'olga', displayName: 'Olga', password: PASSWORD });
  await other.close();
  return file;
}

describe('book.openFile', () => {
  it('opens the file chosen in main\'s dialog, signs out of the old book (journaled there) and remembers the new one', async () => {
    const file = await otherBook();
    const before = await f.journalCount();
    f.openPaths.push(file);
    expect(await f.value('book.openFile')).toMatchObject({ kind: 'sqlite', path: file });
    expect((await f.value('session.status')).user).toBeNull();
    expect((await f.value('prefs.get')).recentBooks[0]).toBe(file);
    // the old book got its sign-out entry and nothing else
    const old = await openStore(f.bookPath, { now: f.clock.now, mode: 'open' });
    try {
      expect(await old.read((r) => r.journal.count())).toBe(before + 1);
      expect((await old.read((r) => r.journal.list({ limit: 1 })))[0]?.action).toBe('session.signedOut');
    } finally {
      await old.close();
    }
    expect(await f.value('session.signIn', { username: 'olga', password: PASSWORD })).toMatchObject({ username: 'olga' });
  });

  it('leaves the desk on its book when the chosen file is refused or the dialog is closed', async () => {
    const junk = f.dir.file('junk.book');
    (await import('node:fs')).writeFileSync(junk, 'not a book at all, just words'.repeat(100));
    f.openPaths.push(junk);
    await f.refused('book.openFile', {}, 'BOOK_REFUSED');
    expect(readFileSync(junk, 'utf8')).toMatch(/^not a book/);
    await f.refused('book.openFile', {}, 'CANCELLED');
    expect((await f.value('session.status')).user).toMatchObject({ username: 'ada' });
    expect(await f.value('programs.list')).toEqual([]);
  });

  it('is refused while the desk is locked, so nobody discards a locked session', async () => {
    await f.value('session.lock');
    f.openPaths.push(await otherBook());
    await f.refused('book.openFile', {}, 'LOCKED');
    expect((await f.value('session.status')).locked).toBe(true);
  });
});

describe('book.newFile', () => {
  it('makes a new, empty book where main\'s save dialog says, and opens it', async () => {
    const file = f.dir.file('fresh.book');
    f.savePaths.push(file);
    expect(await f.value('book.newFile')).toMatchObject({ kind: 'sqlite', path: file });
    expect((await f.value('session.status')).needsFirstAdmin).toBe(true);
  });

  it('never overwrites a file that exists, and a closed dialog makes nothing', async () => {
    const file = await otherBook();
    const before = readFileSync(file);
    f.savePaths.push(file);
    await f.refused('book.newFile', {}, 'BOOK_REFUSED');
    expect(readFileSync(file).equals(before)).toBe(true);
    await f.refused('book.newFile', {}, 'CANCELLED');
    expect((await f.value('session.status')).needsFirstAdmin).toBe(false);
  });
});

describe('book.connect', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await testDatabase();
  });
  afterEach(async () => db.drop());

  const detailsOf = (url: string) => {
    const u = new URL(url);
    return { host: u.hostname, port: Number(u.port), database: u.pathname.slice(1), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
  };

  it('connects to an office database, keeping the password only sealed, and the desk works there', async () => {
    const details = detailsOf(db.url);
    const info = await f.value('book.connect', { ...details, tls: 'disable', remember: true });
    expect(info).toMatchObject({ kind: 'postgres', engine: expect.stringMatching(/^PostgreSQL 18/) as unknown });
    expect(info.path).not.toContain(details.password);
    const prefsText = readFileSync(f.dir.file('prefs.json'), 'utf8');
    expect(prefsText).not.toContain(details.password);
    expect(prefsText).toContain('test-sealed:');
    // A fresh office book: the first start asks for its administrator.
    expect((await f.value('session.status')).needsFirstAdmin).toBe(true);
    await f.value('session.createFirstAdmin', { username: 'olga', displayName: 'Olga', password: PASSWORD });
    expect(await f.value('programs.list')).toEqual([]);
  });

  it('answers in words when the server cannot be reached, and stays on its book', async () => {
    const details = detailsOf(db.url);
    const error = await f.refused('book.connect', { ...details, port: 1, tls: 'disable', remember: false }, 'BOOK_REFUSED');
    expect(error.message).toMatch(/nothing answers at that host and port/);
    expect(error.message).not.toContain(details.password);
    const wrong = await f.refused('book.connect', { ...details, password: 'not the password', tls: 'disable', remember: false }, 'BOOK_REFUSED');
    expect(wrong.message).toMatch(/password was not accepted/);
    expect((await f.value('book.info')).kind).toBe(f.storeKind);
  });

  it('names a malformed field in words', async () => {
    const error = await f.refused('book.connect', { ...detailsOf(db.url), host: 'db office;drop', tls: 'disable', remember: false }, 'INVALID_INPUT', 'host');
    expect(error.message).toMatch(/^Host: /);
  });
});

describe('the next start', () => {
  it('opens the remembered office database with its unsealed password, or without one', () => {
    const seal = (p: string) => `sealed(${p})`;
    const unseal = (s: string) => (s.startsWith('sealed(') ? s.slice(7, -1) : null);
    const office = { host: 'db.example', port: 5432, database: 'desk', user: 'clerk', tls: 'verify-full' as const };
    const kept = officeChoice({ ...office, password: 'p@ss word', remember: true }, seal);
    expect(kept.remember).toEqual({ kind: 'postgres', ...office, sealedPassword: 'sealed(p@ss word)' });
    expect(lastBookLocation(kept.remember, unseal)).toBe('postgres://clerk:p%40ss%20word@db.example:5432/desk?sslmode=verify-full');
    const forgotten = officeChoice({ ...office, password: 'secret', remember: false }, seal);
    expect(forgotten.remember).toMatchObject({ sealedPassword: null });
    expect(lastBookLocation(forgotten.remember, unseal)).toBe('postgres://clerk@db.example:5432/desk?sslmode=verify-full');
    expect(lastBookLocation({ kind: 'sqlite', path: '/books/a.book' }, unseal)).toBe('/books/a.book');
    expect(lastBookLocation(null, unseal)).toBeNull();
  });
});
