// A register large enough that its search indexes are built after the rows (store/repos/
// indexes-built-after.ts): the book's indexes are the same after as before, searches through them
// find what was imported, and a cancel in the middle leaves the book — its schema included — as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, DEFAULT_LAYOUT_NAME } from '../importers/layout';
import { BUILD_AFTER_MIN_ROWS } from '../store/repos/indexes-built-after';
import { queryWords } from '../store/search-terms';
import { bookTinKey, environmentKeySource, type TinKeySource } from '../security/tin-vault';
import type { BookStore } from '../store/port';
import { goodRow, rightsBook, writeRegisterCsv, type RegisterBook } from '../testing/register-fixture';
import { storeKit, type StoreKit } from '../testing/store-kit';
import { importRegister, type ImportControl } from './register-import';
import { actorOf } from './views';

let kit: StoreKit;
let store: BookStore;
let book: RegisterBook;
let keys: TinKeySource;
beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await rightsBook(store);
  keys = environmentKeySource({ OFFERING_DESK_TIN_KEY_FILE: kit.dir.file('tin.key') })!;
});
afterEach(async () => kit.cleanup());

const ROWS = BUILD_AFTER_MIN_ROWS + 500;
const rows = () => Array.from({ length: ROWS }, (_, i) => goodRow(i + 1, { postal_code: i % 3 === 0 ? '02110' : '62701', registration1: `Holder ${i + 1} ${i % 2 === 0 ? 'Nguyen' : 'Muller'}` }));

/** The book's indexes by name with their definitions, as the store itself keeps them. */
const indexes = () =>
  kit.book.kind === 'sqlite'
    ? kit.raw("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name")
    : kit.raw('SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname');

const run = async (file: string, control: ImportControl = {}) =>
  importRegister(store, actorOf(book.supervisor), { programId: book.programId, file, fileName: 'big.csv', layoutName: DEFAULT_LAYOUT_NAME, spec: DEFAULT_LAYOUT, goodRowsOnly: false }, await bookTinKey(store, keys, { create: true, now: kit.clock.now }), control);

describe('a register written with its indexes built after the rows', () => {
  it('keeps every index as it was, and searches through them find the imported rows', async () => {
    const before = await indexes();
    expect(before.map((i) => i.name)).toEqual(expect.arrayContaining(['register_entries_by_tin_last4', 'register_entries_by_postal_code', 'register_words_by_entry']));
    const outcome = await run(writeRegisterCsv(kit.dir.file('big.csv'), rows()));
    expect(outcome).toMatchObject({ committed: true, report: { imported: ROWS, rejected: 0 } });
    expect(await indexes()).toEqual(before);
    if (kit.book.kind === 'sqlite') expect(await kit.raw('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const found = await store.read(async (r) => ({
      boston: await r.register.find({ programId: book.programId, postalCode: '02110' }, 100_000),
      tin: await r.register.find({ programId: book.programId, tinLast4: '1001' }, 100_000),
      name: await r.register.find({ programId: book.programId, nameWords: queryWords('holder 20001 nguyen') }, 10),
    }));
    expect(found.boston).toHaveLength(Math.ceil(ROWS / 3));
    // goodRow's TIN serial repeats every 9,000 rows: 1001 is rows 1, 9001, 18001 …
    expect(found.tin.map((e) => e.account)).toEqual(Array.from({ length: Math.ceil(ROWS / 9000) }, (_, k) => `ACC${String(1 + 9000 * k).padStart(7, '0')}`).filter((a) => Number(a.slice(3)) <= ROWS));
    expect(found.name.map((e) => e.account)).toEqual(['ACC0020001']);
  });

  it('a cancel while the rows are written leaves the book as it was, its indexes included', async () => {
    const before = await indexes();
    const journal = await store.read((r) => r.journal.count());
    const controller = new AbortController();
    const control: ImportControl = { signal: controller.signal, onProgress: (p) => { if (p.unit === 'rows imported' && p.done >= 10_000) controller.abort(); } };
    await expect(run(writeRegisterCsv(kit.dir.file('big.csv'), rows()), control)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await indexes()).toEqual(before);
    expect(await store.read(async (r) => ({ n: await r.register.count(book.programId), journal: await r.journal.count() }))).toEqual({ n: 0, journal });
  });
});
