// Row digests on both stores: every business row is proved from the journal, and rows altered,
// planted or deleted behind the desk's back are named (table, key, entry). Runs on SQLite and on
// PostgreSQL (see .config/vitest.config.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeKit, type StoreKit } from '../testing/store-kit';
import { verifyLocation } from './open-store';
import { SYSTEM_ACTOR, type BookStore } from './port';
import { PROVEN_TABLES, RANGE_FROM, TABLE_COVERAGE } from './row-digests';

let kit: StoreKit;
let store: BookStore;

beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
});
afterEach(async () => kit.cleanup());

/** An administrator and `programs` programs, each in its own change; the admin then signs in once. */
async function seed(programs: number): Promise<void> {
  await store.change(SYSTEM_ACTOR, 'user.created', async (tx, at) => {
    await tx.users.insert({ username: 'ada', displayName: 'Ada', role: 'admin', passwordHash: 'h', createdAt: at, createdBy: null });
    return { payload: {}, result: null };
  });
  for (let i = 1; i <= programs; i += 1) {
    const cusip = String(100_000_000 + i);
    await store.change({ id: 1, username: 'ada' }, 'program.created', async (tx, at) => {
      await tx.programs.insert({ kind: 'odd-lot', name: `Program ${i}`, issuer: 'Issuer', cusip, recordDate: '2026-01-02', createdAt: at, createdBy: 1 });
      return { payload: { cusip }, result: null };
    });
  }
  await store.close();
}

/** Switches off a table's refusal of deletes (an intruder with the owner's rights). */
async function allowDeletes(table: 'programs' | 'holders'): Promise<void> {
  if (kit.book.kind === 'sqlite') await kit.raw(`DROP TRIGGER IF EXISTS ${table}_no_delete`);
  else await kit.raw(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
}

describe('verify proves every business row from the journal', () => {
  it('proves a sound book row by row, and names its head', async () => {
    await seed(3);
    const found = await verifyLocation(kit.book.location);
    expect(found.chain).toEqual({ ok: true, entries: 5 });
    expect(found.rows).toEqual({ proved: 4, unprovable: 0, problems: 0 });
    const [last] = await kit.raw('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1');
    expect(found.head).toEqual({ seq: 5, hash: last?.['hash'] });
  });

  it('names a program renamed in the file, and the entry it should match', async () => {
    await seed(3);
    await kit.raw("UPDATE programs SET name = 'Renamed' WHERE id = 2");
    const { rows } = await verifyLocation(kit.book.location);
    expect(rows).toMatchObject({ problems: 1, first: { kind: 'altered', table: 'programs', key: 2, seq: 4 } });
  });

  it("the desk's own Verify job proves the rows too, naming the row against its entry", async () => {
    await seed(3);
    await kit.raw("UPDATE programs SET name = 'Renamed' WHERE id = 2");
    store = await kit.open();
    expect(await store.verifyJournal()).toEqual({ ok: false, entries: 5, firstBroken: { seq: 4, reason: 'programs row 2 differs from what journal entry #4 wrote' } });
  });

  it('names an administrator inserted straight into users', async () => {
    await seed(1);
    await kit.raw("INSERT INTO users (username, display_name, role, active, password_hash, created_at) VALUES ('mallory', 'M', 'admin', 1, 'x', 'now')");
    const { rows } = await verifyLocation(kit.book.location);
    expect(rows).toMatchObject({ problems: 1, first: { kind: 'planted', table: 'users', key: 2 } });
  });

  it('names a row deleted outside the desk', async () => {
    await seed(3);
    await allowDeletes('programs');
    await kit.raw('DELETE FROM programs WHERE id = 1');
    const { rows } = await verifyLocation(kit.book.location);
    expect(rows).toMatchObject({ problems: 1, first: { kind: 'missing', table: 'programs', key: 1, seq: 3 } });
  });

  it('sees the last entries cut together with their rows only through a witnessed head', async () => {
    await seed(14);
    const witnessed = await verifyLocation(kit.book.location);
    await kit.disableJournalGuards();
    await allowDeletes('programs');
    await kit.raw('DELETE FROM programs WHERE id > 2');
    await kit.raw('DELETE FROM journal WHERE seq > 4');
    const cut = await verifyLocation(kit.book.location, { seq: witnessed.head?.seq ?? 0 });
    // A consistent rewrite of rows and journal tail: the chain and the rows agree…
    expect(cut.chain.ok).toBe(true);
    expect(cut.rows?.problems).toBe(0);
    expect(cut.head?.seq).toBe(4);
    // …and only the witness knows an entry is gone.
    expect(cut.expected).toEqual({ seq: 16, hash: null });
  });

  it('commits a bulk write as one key range, and names the range when one of its rows changes or goes', async () => {
    await seed(1);
    store = await kit.open();
    const count = RANGE_FROM * 3;
    await store.change({ id: 1, username: 'ada' }, 'holders.imported', async (tx) => {
      const holders = Array.from({ length: count }, (_, i) => ({ programId: 1, account: `A${i}`, name: `H ${i}`, address: 'x', country: 'US', tinEncrypted: new Uint8Array([i % 256, 7]), shares: i * 1_000_000_007 }));
      await tx.holders.insertMany(holders);
      return { payload: { count }, result: null };
    });
    await store.close();
    const [entry] = await kit.raw('SELECT row_digests FROM journal ORDER BY seq DESC LIMIT 1');
    expect(JSON.parse(String(entry?.['row_digests']))).toMatchObject({ rows: [{ t: 'holders', from: 1, to: count, n: count }] });
    expect((await verifyLocation(kit.book.location)).rows).toEqual({ proved: count + 2, unprovable: 0, problems: 0 });

    await kit.raw('UPDATE holders SET shares = 1 WHERE id = 5');
    expect((await verifyLocation(kit.book.location)).rows?.first).toEqual({ kind: 'range', table: 'holders', from: 1, to: count, seq: 4, found: count, expected: count });
    await allowDeletes('holders');
    await kit.raw('DELETE FROM holders WHERE id = 5');
    expect((await verifyLocation(kit.book.location)).rows?.first).toMatchObject({ kind: 'range', found: count - 1, expected: count });
  });

  it('a backup proves the same rows, bulk and single, on a book file of its own', async () => {
    await seed(2);
    store = await kit.open();
    await store.change({ id: 1, username: 'ada' }, 'holders.imported', async (tx) => {
      await tx.holders.insertMany(Array.from({ length: RANGE_FROM }, (_, i) => ({ programId: 1, account: `B${i}`, name: 'H', address: 'x', country: 'US', tinEncrypted: null, shares: 2 ** 40 + i })));
      return { payload: {}, result: null };
    });
    const copy = await store.backup(kit.dir.file('copy.book'), { overwrite: false });
    const [last] = await kit.raw('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1');
    expect(copy.head).toEqual({ seq: Number(last?.['seq']), hash: last?.['hash'] });
    expect((await verifyLocation(copy.path)).rows).toEqual({ proved: 3 + RANGE_FROM, unprovable: 0, problems: 0 });
  });

  it('proves updates too: a sign-in written outside the desk is named against the entry that wrote the row last', async () => {
    await seed(0);
    store = await kit.open();
    await store.change({ id: 1, username: 'ada' }, 'user.signedIn', async (tx, at) => {
      await tx.users.recordSignIn(1, at);
      return { payload: {}, result: null };
    });
    await store.close();
    await kit.raw("UPDATE users SET last_signed_in_at = '2020-01-01T00:00:00.000Z' WHERE id = 1");
    expect((await verifyLocation(kit.book.location)).rows?.first).toEqual({ kind: 'altered', table: 'users', key: 1, seq: 3 });
  });
});

describe('coverage', () => {
  it('every table of the book is proved, derived or the journal, and each proof covers every column', async () => {
    const bookkeeping = new Set(['schema_migrations', 'book_identity']);
    const tables =
      kit.book.kind === 'sqlite'
        ? (await kit.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).map((r) => String(r['name']))
        : (await kit.raw('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()')).map((r) => String(r['name']));
    const unclassified = tables.filter((t) => !bookkeeping.has(t) && !(t in TABLE_COVERAGE));
    expect(unclassified, 'a table neither proved (row-digests.ts PROVEN_TABLES) nor declared derived').toEqual([]);
    for (const [table, columns] of Object.entries(PROVEN_TABLES)) {
      const actual =
        kit.book.kind === 'sqlite'
          ? (await kit.raw(`SELECT name FROM pragma_table_info('${table}')`)).map((r) => String(r['name']))
          : (await kit.raw('SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1', [table])).map((r) => String(r['name']));
      expect(actual.sort(), table).toEqual(Object.keys(columns).sort());
    }
    for (const [table, kind] of Object.entries(TABLE_COVERAGE)) expect(kind === 'proven', table).toBe(table in PROVEN_TABLES);
  });
});
