import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, DEFAULT_LAYOUT_NAME, REGISTER_COLUMNS } from '../importers/layout';
import { REPORT_FORMAT } from '../importers/report';
import { bookTinKey, environmentKeySource, readTin, TinVault, type TinKeySource } from '../security/tin-vault';
import type { BookStore } from '../store/port';
import { goodRow, oddLotProgram, rightsBook, writeRegisterCsv, type RegisterBook } from '../testing/register-fixture';
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

const input = (file: string, over: Partial<RegisterImportInput> = {}): RegisterImportInput => ({
  programId: book.programId, file, fileName: 'register.csv', layoutName: DEFAULT_LAYOUT_NAME, spec: DEFAULT_LAYOUT, goodRowsOnly: false, ...over,
});
const key = (create = true) => bookTinKey(store, keys, { create, now: kit.clock.now });
const run = async (file: string, over: Partial<RegisterImportInput> = {}, control = {}) => importRegister(store, actorOf(book.supervisor), input(file, over), await key(), control);

/** What a book holds, table by table (PostgreSQL and SQLite alike): every register row and the journal. */
async function snapshot() {
  return store.read(async (r) => ({
    journal: await r.journal.count(),
    head: await r.journal.head(),
    entries: await r.register.entriesAfter(book.programId, 0, 1_000_000),
    imports: await r.register.imports(book.programId),
    key: await r.register.tinKey(),
  }));
}

describe('importRegister', () => {
  it('imports a clean file in one journaled change, TINs encrypted and only their last four in clear', async () => {
    const rows = [goodRow(1), goodRow(2, { class: 'B', units: '12.5' }), goodRow(3, { tin_type: 'EIN', tin: '12-3456789' })];
    const file = writeRegisterCsv(kit.dir.file('r.csv'), rows);
    const before = await store.read((r) => r.journal.count());
    const outcome = await run(file);
    expect(outcome.report.problems).toEqual([]);
    expect(outcome.committed).toBe(true);
    expect(outcome.report).toEqual({ format: REPORT_FORMAT, file: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), rows: 3 }, imported: 3, rejected: 0, problems: [] });
    const after = await snapshot();
    expect(after.journal).toBe(before + 1);
    const entries = after.entries;
    expect(entries.map((e) => [e.account, e.class, e.units, e.tinLast4, e.hasTin])).toEqual([
      ['ACC0000001', 'A', '101', '1001', true],
      ['ACC0000002', 'B', '12.50', '1002', true],
      ['ACC0000003', 'A', '103', '6789', true],
    ]);
    const sealed = await store.read((r) => r.register.encryptedTin(entries[0]!.id));
    expect(Buffer.from(sealed!).includes(Buffer.from('123451001'))).toBe(false);
    const ready = await key(false);
    expect(ready.state).toBe('ready');
    expect(readTin(ready.state === 'ready' ? ready.vault : null, sealed, '1001')).toEqual({ state: 'clear', tin: '123451001' });
    const entry = (await store.read((r) => r.journal.list({ limit: 1 })))[0]!;
    expect(entry.action).toBe('register.imported');
    expect(entry.payload).toMatchObject({ programId: book.programId, fileName: 'register.csv', sha256: outcome.report.file.sha256, rows: 3, imported: 3, rejected: 0, goodRowsOnly: false, layout: DEFAULT_LAYOUT_NAME });
    expect(JSON.stringify(entry.payload)).not.toContain('123451001');
  });

  it('all or nothing: one bad row and the book is exactly as it was, the report naming the row', async () => {
    const file = writeRegisterCsv(kit.dir.file('r.csv'), [goodRow(1), goodRow(2, { tin: '12-345-678' }), goodRow(3)]);
    await store.checkpoint();
    const bytes = kit.book.kind === 'sqlite' ? readFileSync(kit.book.location) : null;
    const before = await snapshot();
    const outcome = await run(file);
    expect(outcome.committed).toBe(false);
    expect(outcome.report).toMatchObject({ imported: 0, rejected: 1, file: { rows: 3 } });
    expect(outcome.report.problems).toEqual([{ line: 3, column: 'tin', code: 'MALFORMED_TIN', message: 'TIN 12-345-678 is not a valid SSN (9 digits)' }]);
    expect(await snapshot()).toEqual(before);
    if (bytes) {
      await store.checkpoint();
      expect(readFileSync(kit.book.location).equals(bytes)).toBe(true);
    }
  });

  it('good rows only: imports the good ones and reports the rest', async () => {
    const file = writeRegisterCsv(kit.dir.file('r.csv'), [goodRow(1), goodRow(2, { country: 'XX' }), goodRow(1, { units: '5' })]);
    const outcome = await run(file, { goodRowsOnly: true });
    expect(outcome.committed).toBe(true);
    expect(outcome.report).toMatchObject({ imported: 1, rejected: 2 });
    expect(outcome.report.problems.map((p) => [p.line, p.column, p.code])).toEqual([[3, 'country', 'UNKNOWN_COUNTRY'], [4, 'account', 'DUPLICATE_ACCOUNT']]);
    expect((await snapshot()).entries.map((e) => e.line)).toEqual([2]);
    const imports = (await snapshot()).imports;
    expect(imports).toMatchObject([{ rowCount: 3, imported: 1, rejected: 2, goodRowsOnly: true }]);
  });

  it('a second import of the same program finds the rows already in the book duplicates', async () => {
    const first = writeRegisterCsv(kit.dir.file('a.csv'), [goodRow(1), goodRow(2)]);
    await run(first);
    const second = writeRegisterCsv(kit.dir.file('b.csv'), [goodRow(3), goodRow(2)]);
    const outcome = await run(second);
    expect(outcome.committed).toBe(false);
    expect(outcome.report.problems).toEqual([{ line: 3, column: 'account', code: 'DUPLICATE_ACCOUNT', message: 'Account "ACC0000002" class "A" is already in this program\'s register' }]);
  });

  it('a cancel while rows are being written rolls everything back', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => goodRow(i + 1));
    const file = writeRegisterCsv(kit.dir.file('r.csv'), rows);
    const before = await snapshot();
    const controller = new AbortController();
    const outcome = run(file, {}, { signal: controller.signal, onProgress: (p: { unit?: string; done: number }) => { if (p.unit === 'rows imported' && p.done >= 2_000) controller.abort(); } });
    await expect(outcome).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a book whose TIN key is not the one given, in words', async () => {
    await run(writeRegisterCsv(kit.dir.file('a.csv'), [goodRow(1)]));
    const other = environmentKeySource({ OFFERING_DESK_TIN_KEY: Buffer.alloc(32, 7).toString('base64') });
    await expect(bookTinKey(store, other, { create: true, now: kit.clock.now })).rejects.toMatchObject({ code: 'BOOK_REFUSED', message: expect.stringContaining('is not this book\'s key') });
    const none = await bookTinKey(store, null, { create: false, now: kit.clock.now });
    expect(none.state).toBe('locked');
    const entry = (await store.read((r) => r.register.entriesAfter(book.programId, 0, 1)))[0]!;
    expect(readTin(null, await store.read((r) => r.register.encryptedTin(entry.id)), entry.tinLast4)).toEqual({ state: 'locked', masked: 'XXX-XX-1001' });
    expect(() => new TinVault('other', Buffer.alloc(32, 7)).decrypt(new Uint8Array(40))).toThrow();
  });

  it('serves an odd-lot program from an .xlsx: the class left blank, shares and plan shares kept', async () => {
    const odd = await oddLotProgram(store, book.supervisor);
    const file = kit.dir.file('odd.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Holders');
    sheet.addRow([...REGISTER_COLUMNS]);
    for (const row of [goodRow(1, { class: '', units: '99', plan_shares: '12' }), goodRow(2, { class: 'A', units: '40' })]) sheet.addRow(REGISTER_COLUMNS.map((c) => row[c]));
    await workbook.xlsx.writeFile(file);
    const outcome = await importRegister(store, actorOf(book.supervisor), { ...input(file), programId: odd.programId, fileName: 'odd.xlsx', spec: { format: 'xlsx', headerRow: 1, columns: {} }, goodRowsOnly: true }, await key());
    expect(outcome.report.problems).toEqual([{ line: 3, column: 'class', code: 'UNKNOWN_CLASS', message: 'Class "A": an odd-lot program has no classes, so the class is left blank' }]);
    const entries = await store.read((r) => r.register.entriesAfter(odd.programId, 0, 10));
    expect(entries.map((e) => [e.line, e.class, e.units, e.planShares])).toEqual([[2, '', '99', '12']]);
  });

  it('refuses once certificates are issued, in words, writing nothing', async () => {
    await run(writeRegisterCsv(kit.dir.file('a.csv'), [goodRow(1)]));
    await store.change(actorOf(book.supervisor), 'certificates.issued', async (tx, at) => {
      await tx.certificates.insertIssue({ programId: book.programId, issuedAt: at, issuedBy: book.supervisor.id, certificates: 0, totals: {} });
      return { payload: { programId: book.programId }, result: null };
    });
    const before = await snapshot();
    await expect(run(writeRegisterCsv(kit.dir.file('b.csv'), [goodRow(2)]))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('are already issued: its register can no longer be imported') });
    expect(await snapshot()).toEqual(before);
  });
});
