// The store port's contract: this file runs once on SQLite and once on PostgreSQL (see
// .config/vitest.config.ts), and every rule here must hold on both.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeKit, type StoreKit } from '../testing/store-kit';
import { canonicalJson } from './canonical';
import { SYSTEM_ACTOR, UniqueViolation, type BookStore, type CommittedEntry } from './port';
import { SCHEMA_VERSION } from './sqlite/schema';

let kit: StoreKit;
let store: BookStore;
const alice = { id: 1, username: 'alice' };

const addUser = (s: BookStore, username = 'alice') =>
  s.change(SYSTEM_ACTOR, 'user.created', async (tx, at) => {
    const u = await tx.users.insert({ username, displayName: username, role: 'admin', passwordHash: 'x', createdAt: at, createdBy: null });
    return { payload: { after: { id: u.id, username: u.username } }, result: u };
  });
const program = (cusip = '037833100') => ({ kind: 'odd-lot' as const, name: 'P', issuer: 'I', cusip, recordDate: '2026-01-02', createdAt: 'x', createdBy: 1 });

beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
});
afterEach(async () => kit.cleanup());

describe('a new book', () => {
  it('starts its journal with book.created at the current schema version', async () => {
    const [first] = await store.read((r) => r.journal.list({ limit: 10 }));
    expect(first).toMatchObject({ seq: 1, action: 'book.created', username: null, payload: { schemaVersion: SCHEMA_VERSION }, at: kit.clock.now().toISOString() });
    expect(await store.info()).toMatchObject({ kind: kit.book.kind, schemaVersion: SCHEMA_VERSION, journalEntries: 1, head: { seq: 1, hash: first?.hash } });
  });

  it('reopens without migrating again or writing another entry', async () => {
    await store.close();
    store = await kit.open();
    expect(await store.read((r) => r.journal.count())).toBe(1);
  });
});

describe('change', () => {
  it('commits the write and one chained journal entry with who and when', async () => {
    await addUser(store);
    const entries = await store.read((r) => r.journal.list({ limit: 10 }));
    expect(entries.map((e) => e.action)).toEqual(['user.created', 'book.created']);
    expect(entries[0]?.payload).toEqual({ after: { id: 1, username: 'alice' } });
    expect(await store.verifyJournal()).toEqual({ ok: true, entries: 2 });
  });

  it('writes nothing at all when the body throws after writing', async () => {
    await addUser(store);
    await expect(
      store.change(alice, 'program.created', async (tx) => {
        await tx.programs.insert(program());
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await store.read((r) => r.programs.count())).toBe(0);
    expect(await store.read((r) => r.journal.count())).toBe(2);
  });

  it('names a broken uniqueness rule as UniqueViolation and writes nothing', async () => {
    await addUser(store);
    const failing = store.change(alice, 'user.created', async (tx, at) => {
      await tx.users.insert({ username: 'bob', displayName: 'Bob', role: 'clerk', passwordHash: 'x', createdAt: at, createdBy: 'alice' });
      await tx.users.insert({ username: 'bob', displayName: 'Bob again', role: 'clerk', passwordHash: 'x', createdAt: at, createdBy: 'alice' });
      return { payload: {}, result: null };
    });
    await expect(failing).rejects.toBeInstanceOf(UniqueViolation);
    expect(await store.read((r) => r.users.count())).toBe(1);
    expect(await store.read((r) => r.journal.count())).toBe(2);
  });

  it('refuses a change started inside another change', async () => {
    const nested = store.change(SYSTEM_ACTOR, 'outer', async () => ({
      payload: {},
      result: await store.change(SYSTEM_ACTOR, 'inner', async () => ({ payload: {}, result: 1 })),
    }));
    await expect(nested).rejects.toThrow(/inside another change/);
    expect(await store.read((r) => r.journal.count())).toBe(1);
  });

  it('keeps one linear chain when many changes race from two desks on the same book', async () => {
    const other = await kit.open();
    await addUser(store);
    const saves = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? store : other).change(alice, 'test.race', async () => ({ payload: { i }, result: i })));
    expect((await Promise.all(saves)).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    const report = await store.verifyJournal();
    expect(report).toEqual({ ok: true, entries: 42 });
  });

  it('lets exactly one of two desks claim the same unique value at once', async () => {
    await addUser(store);
    const other = await kit.open();
    const claim = (s: BookStore) =>
      s.change(alice, 'program.created', async (tx) => {
        if (await tx.programs.byCusip('037833100')) throw new Error('taken, as the body saw it');
        return { payload: {}, result: await tx.programs.insert(program()) };
      });
    const outcomes = await Promise.allSettled([claim(store), claim(other)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const loser = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    // The loser's body ran again on the winner's state (or, on one writer, after it) and said why.
    expect(String(loser.reason)).toMatch(/taken, as the body saw it/);
    expect(await store.read((r) => r.programs.count())).toBe(1);
  });
});

describe('reads', () => {
  it('take windows of the programs and users lists in their order', async () => {
    await addUser(store);
    await addUser(store, 'bob');
    await store.change(alice, 'program.created', async (tx) => {
      for (const [i, cusip] of ['037833100', '594918104', '38259P508'].entries()) await tx.programs.insert({ ...program(cusip), recordDate: `2026-01-0${i + 1}` });
      return { payload: {}, result: null };
    });
    const window = await store.read((r) => r.programs.list({ offset: 1, limit: 1 }));
    expect(window.map((p) => p.cusip)).toEqual(['594918104']);
    expect((await store.read((r) => r.users.list({ offset: 0, limit: 1 }))).map((u) => u.username)).toEqual(['alice']);
  });
});

describe('the journal', () => {
  it('refuses UPDATE and DELETE through SQL, even to the owner', async () => {
    await expect(kit.raw("UPDATE journal SET action = 'x' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(kit.raw('DELETE FROM journal')).rejects.toThrow(/append-only/);
    expect(await store.read((r) => r.journal.count())).toBe(1);
  });

  it('pages newest first by beforeSeq', async () => {
    for (let i = 0; i < 5; i += 1) await store.change(SYSTEM_ACTOR, `test.${i}`, async () => ({ payload: { i }, result: null }));
    expect((await store.read((r) => r.journal.list({ limit: 2 }))).map((e) => e.seq)).toEqual([6, 5]);
    expect((await store.read((r) => r.journal.list({ limit: 2, beforeSeq: 5 }))).map((e) => e.seq)).toEqual([4, 3]);
  });

  it.each([
    ['hash does not match its content', 3, "UPDATE journal SET payload = '{\"i\":99}' WHERE seq = 3"],
    ['previous-hash link broken', 3, 'UPDATE journal SET prev_hash = hash WHERE seq = 3'],
    // a deleted entry shows at the one after it
    ['sequence gap', 4, 'DELETE FROM journal WHERE seq = 3'],
  ])('verification reports "%s" at the first broken entry (#%i)', async (reason, seq, tamper) => {
    for (let i = 0; i < 4; i += 1) await store.change(SYSTEM_ACTOR, `test.${i}`, async () => ({ payload: { i }, result: null }));
    await kit.disableJournalGuards();
    await kit.raw(tamper);
    expect(await store.verifyJournal()).toMatchObject({ ok: false, firstBroken: { seq, reason } });
  });

  it('reports progress of a walk and stops it when cancelled', async () => {
    const seen: number[] = [];
    expect(await store.verifyJournal({ onProgress: (p) => seen.push(p.done) })).toEqual({ ok: true, entries: 1 });
    expect(seen).toEqual([1]);
    const cancel = new AbortController();
    cancel.abort();
    await expect(store.verifyJournal({ signal: cancel.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('committed changes reach every desk on the book', () => {
  it('announces its own changes at once, and another desk hears them within a second', async () => {
    const other = await kit.open();
    const heardHere: CommittedEntry[] = [];
    const heardThere: CommittedEntry[] = [];
    store.onCommitted((e) => heardHere.push(e));
    other.onCommitted((e) => heardThere.push(e));
    await addUser(store);
    expect(heardHere).toEqual([{ seq: 2, action: 'user.created' }]);
    await expect.poll(() => heardThere, { timeout: 3_000, interval: 50 }).toEqual([{ seq: 2, action: 'user.created' }]);
  });
});

describe('backup', () => {
  it('writes a checked book file of one consistent snapshot, which opens as a book', async () => {
    await addUser(store);
    const copy = await store.backup(kit.dir.file('copy.book'), { overwrite: false });
    expect(copy.journal).toEqual({ ok: true, entries: 2 });
    const { openStore } = await import('./open-store');
    const reopened = await openStore(copy.path, { now: kit.clock.now, mode: 'open' });
    try {
      expect(await reopened.read((r) => r.users.byUsername('alice'))).toMatchObject({ username: 'alice', role: 'admin' });
      expect(await reopened.verifyJournal()).toEqual({ ok: true, entries: 2 });
    } finally {
      await reopened.close();
    }
    await expect(store.backup(copy.path, { overwrite: false })).rejects.toMatchObject({ code: 'CONFLICT' });
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
