import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../store/open-store';
import { runCli } from '../../testing/cli-run';
import { goodRow, rightsBook, writeRegisterCsv, type RegisterBook } from '../../testing/register-fixture';
import { fakeClock, tempDir } from '../../testing/temp';

let dir: ReturnType<typeof tempDir>;
let bookFile: string;
let book: RegisterBook;
beforeEach(async () => {
  dir = tempDir('register-cli-');
  bookFile = dir.file('desk.book');
  const store = await openStore(bookFile, { now: fakeClock().now });
  book = await rightsBook(store);
  await store.close();
  vi.stubEnv('OFFERING_DESK_TIN_KEY', '');
  vi.stubEnv('OFFERING_DESK_TIN_KEY_FILE', dir.file('tin.key'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  dir.cleanup();
});

const cli = (...args: string[]) => runCli(dir.dir, ...args);

describe('offering-desk register import', () => {
  it('imports a clean file (exit 0), by CUSIP or id, writing the report and printing one line', async () => {
    writeRegisterCsv(dir.file('r.csv'), [goodRow(1), goodRow(2)]);
    const done = await cli('register', 'import', 'desk.book', book.cusip, 'r.csv', '--report', 'report.json');
    expect(done).toMatchObject({ code: 0, stderr: '' });
    expect(done.stdout).toMatch(/^imported 2 of 2 rows; import #1, file sha256 [0-9a-f]{64}\n$/);
    const report = JSON.parse(readFileSync(dir.file('report.json'), 'utf8')) as Record<string, unknown>;
    expect(report).toEqual({ format: 'offering-desk/register-report@1', file: { sha256: expect.any(String), rows: 2 }, imported: 2, rejected: 0, problems: [] });
    expect(readFileSync(dir.file('tin.key'), 'utf8')).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    const again = await cli('register', 'import', 'desk.book', String(book.programId), 'r.csv');
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, rejected: 2, problems: [{ line: 2, code: 'DUPLICATE_ACCOUNT' }, { line: 3, code: 'DUPLICATE_ACCOUNT' }] });
    expect(await cli('verify', 'desk.book')).toMatchObject({ code: 0 });
  });

  it('refuses a file with a bad row (exit 1, the book unchanged) unless --good-rows-only', async () => {
    writeRegisterCsv(dir.file('r.csv'), [goodRow(1), goodRow(2, { state: 'ZZ' })]);
    const before = readFileSync(bookFile);
    const refused = await cli('register', 'import', 'desk.book', book.cusip, 'r.csv', '--report', 'report.json');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('refused: 1 of 2 rows have problems (1 in all); nothing was imported\n');
    expect(JSON.parse(readFileSync(dir.file('report.json'), 'utf8'))).toMatchObject({ imported: 0, rejected: 1, problems: [{ line: 3, column: 'state', code: 'UNKNOWN_STATE', message: 'State "ZZ" is not a USPS state code' }] });
    expect(readFileSync(bookFile).equals(before)).toBe(true);
    const good = await cli('register', 'import', 'desk.book', book.cusip, 'r.csv', '--good-rows-only', '--report', 'report.json');
    expect(good).toMatchObject({ code: 0, stdout: expect.stringContaining('imported 1 of 2 rows (1 rejected)') });
  });

  it('exit 2 with one line: unknown program, missing file, bad layout name, no key, bad UTF-8, bad arguments', async () => {
    writeRegisterCsv(dir.file('r.csv'), [goodRow(1)]);
    writeFileSync(dir.file('bad.csv'), Buffer.from([0x61, 0x62, 0xff, 0x0a]));
    const cases: [string[], RegExp][] = [
      [['register', 'import', 'desk.book', '999', 'r.csv'], /there is no program 999 in this book/],
      [['register', 'import', 'desk.book', book.cusip, 'missing.csv'], /cannot read missing\.csv: no such file/],
      [['register', 'import', 'desk.book', book.cusip, 'r.csv', '--layout', 'Nope'], /There is no layout named "Nope" saved for XO Communications, Inc\./],
      [['register', 'import', 'desk.book', book.cusip, 'bad.csv'], /bad\.csv is not valid UTF-8: the bytes at offset 2 are not a character/],
      [['register', 'import', 'desk.book', book.cusip], /expected BOOK PROGRAM FILE/],
      [['register', 'import', 'missing.book', book.cusip, 'r.csv'], /no book at this path/],
      [['register', 'frobnicate'], /expected register import/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    vi.stubEnv('OFFERING_DESK_TIN_KEY_FILE', '');
    const noKey = await cli('register', 'import', 'desk.book', book.cusip, 'r.csv');
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/TINs cannot be encrypted: no TIN key source is set; set OFFERING_DESK_TIN_KEY_FILE/);
  });

  it('refuses a key that is not the book\'s (exit 2)', async () => {
    writeRegisterCsv(dir.file('a.csv'), [goodRow(1)]);
    expect((await cli('register', 'import', 'desk.book', book.cusip, 'a.csv', '--report', 'x.json')).code).toBe(0);
    vi.stubEnv('OFFERING_DESK_TIN_KEY', Buffer.alloc(32, 1).toString('base64'));
    writeRegisterCsv(dir.file('b.csv'), [goodRow(2)]);
    const wrong = await cli('register', 'import', 'desk.book', book.cusip, 'b.csv');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/The TIN key from OFFERING_DESK_TIN_KEY is not this book's key/);
  });
});

describe('offering-desk register layout', () => {
  it('saves a named layout that an import then uses', async () => {
    writeFileSync(dir.file('layout.json'), JSON.stringify({ format: 'csv', delimiter: ';', columns: { account: 'Konto' } }));
    const saved = await cli('register', 'layout', 'desk.book', 'XO Communications, Inc.', 'Semicolons', 'layout.json');
    expect(saved).toMatchObject({ code: 0, stdout: 'saved layout "Semicolons" version 1 (csv) for XO Communications, Inc.\n' });
    const row = goodRow(1);
    const header = Object.keys(row).map((c) => (c === 'account' ? 'Konto' : c));
    writeFileSync(dir.file('r.csv'), `${header.join(';')}\n${Object.values(row).join(';')}\n`);
    expect(await cli('register', 'import', 'desk.book', book.cusip, 'r.csv', '--layout', 'Semicolons', '--report', 'x.json')).toMatchObject({ code: 0 });
    writeFileSync(dir.file('bad.json'), JSON.stringify({ format: 'fixed', columns: {} }));
    const bad = await cli('register', 'layout', 'desk.book', 'XO Communications, Inc.', 'Bad', 'bad.json');
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('a position is needed for account') });
  });
});
