// Problems found late in a file, after many of its rows were already written (on SQLite the rows
// are written while the file is still being checked): the book is exactly as it was.
import { appendFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, DEFAULT_LAYOUT_NAME } from '../importers/layout';
import { bookTinKey, environmentKeySource, type TinKeySource } from '../security/tin-vault';
import type { BookStore } from '../store/port';
import { goodRow, rightsBook, writeRegisterCsv, type RegisterBook } from '../testing/register-fixture';
import { storeKit, type StoreKit } from '../testing/store-kit';
import { actorOf } from './views';
import { importRegister, type RegisterImportInput } from './register-import';

let kit: StoreKit;
let store: BookStore;
let book: RegisterBook;
let keys: TinKeySource;
beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await rightsBook(store, { unitsDecimalsB: 2 });
  keys = environmentKeySource({ OFFERING_DESK_TIN_KEY_FILE: kit.dir.file('tin.key') })!;
});
afterEach(async () => kit.cleanup());

const ROWS = 9_000;
const input = (file: string, goodRowsOnly = false): RegisterImportInput => ({ programId: book.programId, file, fileName: 'register.csv', layoutName: DEFAULT_LAYOUT_NAME, spec: DEFAULT_LAYOUT, goodRowsOnly });
const run = async (file: string, goodRowsOnly = false) => importRegister(store, actorOf(book.supervisor), input(file, goodRowsOnly), await bookTinKey(store, keys, { create: true, now: kit.clock.now }));
const snapshot = () =>
  store.read(async (r) => ({ journal: await r.journal.count(), head: await r.journal.head(), entries: await r.register.count(book.programId), imports: await r.register.imports(book.programId), key: await r.register.tinKey() }));

describe('a register import with a problem at its end', () => {
  it('refuses an all-or-nothing file whose last row is bad, writing nothing', async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => (i === ROWS - 1 ? goodRow(i + 1, { country: 'XX' }) : goodRow(i + 1)));
    const before = await snapshot();
    const outcome = await run(writeRegisterCsv(kit.dir.file('r.csv'), rows));
    expect(outcome.committed).toBe(false);
    expect(outcome.report).toMatchObject({ imported: 0, rejected: 1, file: { rows: ROWS }, problems: [{ line: ROWS + 1, column: 'country', code: 'UNKNOWN_COUNTRY' }] });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an all-or-nothing file at its first bad row, and still names every problem of the whole file', async () => {
    const bad = new Map([[3, { country: 'XX' }], [ROWS - 1, { units: '-5' }]]);
    const rows = Array.from({ length: ROWS }, (_, i) => goodRow(i + 1, bad.get(i) ?? {}));
    const before = await snapshot();
    const outcome = await run(writeRegisterCsv(kit.dir.file('r.csv'), rows));
    expect(outcome.committed).toBe(false);
    expect(outcome.report).toMatchObject({ imported: 0, rejected: 2, file: { rows: ROWS } });
    expect(outcome.report.problems.map((p) => [p.line, p.column])).toEqual([[5, 'country'], [ROWS + 1, 'units']]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file whose last bytes are not UTF-8, naming the offset, writing nothing', async () => {
    const file = writeRegisterCsv(kit.dir.file('r.csv'), Array.from({ length: ROWS }, (_, i) => goodRow(i + 1)));
    appendFileSync(file, Buffer.from([0x41, 0xff, 0x0a]));
    const before = await snapshot();
    await expect(run(file, true)).rejects.toMatchObject({ name: 'RegisterFileError', message: expect.stringMatching(/is not valid UTF-8: the bytes at offset \d+/) });
    expect(await snapshot()).toEqual(before);
  });

  it('gives each import its own record, every entry pointing to it', async () => {
    const first = await run(writeRegisterCsv(kit.dir.file('a.csv'), Array.from({ length: 300 }, (_, i) => goodRow(i + 1))));
    const second = await run(writeRegisterCsv(kit.dir.file('b.csv'), Array.from({ length: 300 }, (_, i) => goodRow(i + 301))));
    expect(second.importId).toBe((first.importId ?? 0) + 1);
    const entries = await store.read((r) => r.register.entriesAfter(book.programId, 0, 1_000));
    expect(entries.filter((e) => e.importId === first.importId)).toHaveLength(300);
    expect(entries.filter((e) => e.importId === second.importId).map((e) => e.account)).toEqual(Array.from({ length: 300 }, (_, i) => goodRow(i + 301).account));
    const imports = await store.read((r) => r.register.imports(book.programId));
    expect(imports.map((i) => [i.id, i.imported, i.rejected])).toEqual([[first.importId, 300, 0], [second.importId, 300, 0]]);
  });
});
