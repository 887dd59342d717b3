import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, sha256File, tempDir } from '../testing/temp';
import { canonicalJson } from './canonical';
import { verifyJournal } from './journal-chain';
import { openBook } from './open';
import { APPLICATION_ID, SCHEMA_VERSION } from './schema';
import { SYSTEM_ACTOR, type BookStore } from './store';

let t: ReturnType<typeof tempDir>;
let store: BookStore;
const clock = fakeClock();
const alice = { id: 1, username: 'alice' };

const addAlice = (s: BookStore) =>
  s.change(SYSTEM_ACTOR, 'user.created', (tx) => {
    const u = tx.users.insert({ username: 'alice', displayName: 'Alice', role: 'admin', passwordHash: 'x', createdAt: clock.now().toISOString(), createdBy: null });
    return { payload: { after: { id: u.id, username: u.username } }, result: u };
  });

beforeEach(() => {
  t = tempDir();
  store = openBook(t.file('desk.book'), { now: clock.now });
});
afterEach(() => {
  store.close();
  t.cleanup();
});

describe('a new book', () => {
  it('is WAL, synchronous FULL, foreign keys on, marked as ours and at the current version', () => {
    const db = store.connection;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(versions).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('starts its journal with book.created', () => {
    const [first] = store.read((r) => r.journal.list({ limit: 10 }));
    expect(first).toMatchObject({ seq: 1, action: 'book.created', username: null, payload: { schemaVersion: SCHEMA_VERSION }, at: clock.now().toISOString() });
  });

  it('reopens without migrating again or writing another entry', () => {
    store.close();
    store = openBook(t.file('desk.book'), { now: clock.now });
    expect(store.read((r) => r.journal.count())).toBe(1);
  });
});

describe('change', () => {
  it('commits the write and one chained journal entry with who and when', () => {
    addAlice(store);
    const entries = store.read((r) => r.journal.list({ limit: 10 }));
    expect(entries.map((e) => e.action)).toEqual(['user.created', 'book.created']);
    expect(entries[0]?.payload).toEqual({ after: { id: 1, username: 'alice' } });
    expect(verifyJournal(store.connection)).toEqual({ ok: true, entries: 2 });
  });

  it('writes nothing at all when the body throws after writing', () => {
    addAlice(store);
    const before = store.connection.prepare('SELECT count(*) FROM programs').pluck().get();
    expect(() =>
      store.change(alice, 'program.created', (tx) => {
        tx.programs.insert({ kind: 'odd-lot', name: 'P', issuer: 'I', cusip: '037833100', recordDate: '2026-01-02', createdAt: 'x', createdBy: 1 });
        throw new Error('changed my mind');
      }),
    ).toThrow('changed my mind');
    expect(store.connection.prepare('SELECT count(*) FROM programs').pluck().get()).toBe(before);
    expect(store.read((r) => r.journal.count())).toBe(2);
  });

  it('leaves the files byte for byte as they were when a change fails', () => {
    addAlice(store);
    store.checkpoint();
    const book = t.file('desk.book');
    const before = { book: sha256File(book), wal: sha256File(`${book}-wal`) };
    expect(() =>
      store.change(alice, 'user.created', (tx, at) => {
        tx.users.insert({ username: 'bob', displayName: 'Bob', role: 'clerk', passwordHash: 'x', createdAt: at, createdBy: 'alice' });
        tx.users.insert({ username: 'bob', displayName: 'Bob again', role: 'clerk', passwordHash: 'x', createdAt: at, createdBy: 'alice' });
        return { payload: {}, result: null };
      }),
    ).toThrow(/UNIQUE/);
    expect({ book: sha256File(book), wal: sha256File(`${book}-wal`) }).toEqual(before);
  });

  it('refuses a change started inside another change', () => {
    expect(() => store.change(SYSTEM_ACTOR, 'outer', () => ({ payload: {}, result: store.change(SYSTEM_ACTOR, 'inner', () => ({ payload: {}, result: 1 })) }))).toThrow(
      /inside another change/,
    );
    expect(store.read((r) => r.journal.count())).toBe(1);
  });
});

describe('the journal', () => {
  it('refuses UPDATE and DELETE through SQL', () => {
    const db = store.connection;
    expect(() => db.prepare("UPDATE journal SET action = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal').run()).toThrow(/append-only/);
  });

  it('pages newest first by beforeSeq', () => {
    for (let i = 0; i < 5; i += 1) store.change(SYSTEM_ACTOR, `test.${i}`, () => ({ payload: { i }, result: null }));
    const page1 = store.read((r) => r.journal.list({ limit: 2 }));
    expect(page1.map((e) => e.seq)).toEqual([6, 5]);
    const page2 = store.read((r) => r.journal.list({ limit: 2, beforeSeq: 5 }));
    expect(page2.map((e) => e.seq)).toEqual([4, 3]);
  });

  it.each([
    ['hash does not match its content', 3, (db: Database.Database) => db.prepare("UPDATE journal SET payload = '{\"i\":99}' WHERE seq = 3").run()],
    ['previous-hash link broken', 3, (db: Database.Database) => db.prepare("UPDATE journal SET prev_hash = hash WHERE seq = 3").run()],
    // a deleted entry shows at the one after it
    ['sequence gap', 4, (db: Database.Database) => db.prepare('DELETE FROM journal WHERE seq = 3').run()],
  ])('verification reports "%s" at the first broken entry (#%i)', (reason, seq, tamper) => {
    for (let i = 0; i < 4; i += 1) store.change(SYSTEM_ACTOR, `test.${i}`, () => ({ payload: { i }, result: null }));
    const db = store.connection;
    db.exec('DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;');
    tamper(db);
    expect(verifyJournal(db)).toMatchObject({ ok: false, firstBroken: { seq, reason } });
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
  it('refuses what JSON cannot hold faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ d: new Date() })).toThrow();
  });
});
