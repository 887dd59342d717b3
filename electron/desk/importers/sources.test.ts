import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerRow, writeRegisterFile } from '../../../test/fixtures/register/generate-register';
import { goodRow, registerCsv } from '../testing/register-fixture';
import { tempDir } from '../testing/temp';
import { RegisterFileError, Utf8Checker } from './file-bytes';
import { DEFAULT_LAYOUT, parseLayout, REGISTER_COLUMNS, type LayoutSpec } from './layout';
import { openRegisterSource } from './open-source';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('register-sources-');
});
afterEach(() => dir.cleanup());

async function readAll(file: string, spec: LayoutSpec = DEFAULT_LAYOUT) {
  const source = openRegisterSource(file, 'r', spec);
  const rows = [];
  for await (const row of source) rows.push(row);
  return { rows, sha256: source.digest.sha256() };
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('CSV', () => {
  it('reads RFC 4180 with a BOM, CRLF, quoted commas, doubled quotes and a field over two lines; columns in any order', async () => {
    const columns = [...REGISTER_COLUMNS].reverse();
    const text = [
      columns.join(','),
      columns.map((c) => ({ account: 'A1', registration1: 'Łódź-Nowak, Zofia', registration2: 'c/o "Müller" GmbH', address1: '1 Rue\r\nBâtiment B', city: 'Hà Nội', country: 'VN', tin_type: 'NONE', class: 'A', units: '10' } as Record<string, string>)[c] ?? '')
        .map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(','),
      '',
      columns.map((c) => (c === 'account' ? 'A2' : c === 'registration1' ? 'Nguyễn Văn An' : '')).join(','),
    ].join('\r\n') + '\r\n';
    const file = dir.file('r.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    const { rows, sha256 } = await readAll(file);
    expect(rows.map((r) => [r.line, r.row.account, r.row.registration1, r.row.registration2, r.row.address1, r.row.city])).toEqual([
      [2, 'A1', 'Łódź-Nowak, Zofia', 'c/o "Müller" GmbH', '1 Rue\r\nBâtiment B', 'Hà Nội'],
      [5, 'A2', 'Nguyễn Văn An', '', '', ''],
    ]);
    expect(sha256).toBe(sha(file));
  });

  it('maps renamed columns through the layout, and refuses a header without a needed column', async () => {
    const file = dir.file('r.csv');
    writeFileSync(file, registerCsv([goodRow(1)]).replace('account,', 'Acct No,'));
    await expect(readAll(file)).rejects.toThrow('line 1: the header has no column "account" (for account)');
    const layout = parseLayout({ format: 'csv', columns: { account: 'Acct No' } });
    expect(layout.ok).toBe(true);
    if (layout.ok) expect((await readAll(file, layout.spec)).rows[0]?.row.account).toBe('ACC0000001');
  });

  it('refuses invalid UTF-8 with its byte offset, and a row with the wrong number of fields with its line', async () => {
    const file = dir.file('r.csv');
    const good = Buffer.from(registerCsv([goodRow(1)]), 'utf8');
    writeFileSync(file, Buffer.concat([good, Buffer.from([0x41, 0xc3, 0x28])]));
    await expect(readAll(file)).rejects.toThrow(new RegisterFileError(`r is not valid UTF-8: the bytes at offset ${good.length + 1} are not a character`));
    writeFileSync(file, registerCsv([goodRow(1)]) + 'x,y\n');
    await expect(readAll(file)).rejects.toThrow('r: line 3 has 2 fields where the header has 17');
    writeFileSync(file, registerCsv([goodRow(1)]) + '"open,');
    await expect(readAll(file)).rejects.toThrow(RegisterFileError);
  });

  it('reads characters cut by the read chunks whole, over a file of many chunks', async () => {
    const file = dir.file('r.csv');
    await writeRegisterFile(file, 12_000);
    const { rows, sha256 } = await readAll(file);
    expect(rows).toHaveLength(12_000);
    rows.forEach(({ line, row }, n) => {
      const expected = registerRow(n);
      if (line !== n + 2 || row.registration1 !== expected[1] || row.city !== expected[7] || row.address1 !== expected[5]) throw new Error(`row ${n} reads differently`);
    });
    expect(sha256).toBe(sha(file));
  });

  it('checks UTF-8 across chunk boundaries exactly', () => {
    const bytes = Buffer.from('aé€😀', 'utf8');
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const c = new Utf8Checker();
      expect([c.push(bytes.subarray(0, cut)), c.push(bytes.subarray(cut)), c.end()]).toEqual([-1, -1, -1]);
    }
    const c = new Utf8Checker();
    expect(c.push(Buffer.from([0x61, 0xf0, 0x9f]))).toBe(-1);
    expect(c.end()).toBe(1);
    expect(new Utf8Checker().push(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // a surrogate
  });
});

describe('fixed-width', () => {
  it('cuts each column at its character position, skipping the header line and blank lines', async () => {
    const layout = parseLayout({
      format: 'fixed', skipLines: 1,
      columns: {
        account: { start: 1, length: 6 }, registration1: { start: 7, length: 20 }, address1: { start: 27, length: 12 }, city: { start: 39, length: 10 },
        state: { start: 49, length: 2 }, postal_code: { start: 51, length: 10 }, country: { start: 61, length: 2 }, tin: { start: 63, length: 11 },
        tin_type: { start: 74, length: 4 }, class: { start: 78, length: 1 }, units: { start: 79, length: 8 },
      },
    });
    expect(layout.ok).toBe(true);
    if (!layout.ok) return;
    const line = (...f: [string, number][]) => f.map(([v, w]) => v.padEnd(w)).join('');
    const file = dir.file('r.txt');
    writeFileSync(file, ['ACCOUNT NAME …', line(['F1', 6], ['Nguyễn Văn An', 20], ['1 Main St', 12], ['Boston', 10], ['MA', 2], ['02110', 10], ['US', 2], ['123-45-6789', 11], ['SSN', 4], ['A', 1], ['100', 8]), '', line(['F2', 6], ['Müller', 20])].join('\r\n'));
    const { rows } = await readAll(file, layout.spec);
    expect(rows.map((r) => [r.line, r.row.account, r.row.registration1, r.row.city, r.row.tin, r.row.units])).toEqual([
      [2, 'F1', 'Nguyễn Văn An', 'Boston', '123-45-6789', '100'],
      [4, 'F2', 'Müller', '', '', ''],
    ]);
  });

  it('says which position a layout is missing', () => {
    expect(parseLayout({ format: 'fixed', columns: {} })).toEqual({ ok: false, message: 'the layout is not valid: columns.account: a position is needed for account' });
  });
});

describe('xlsx', () => {
  it('reads the named worksheet from its header row, streaming, with text, numbers and rich text', async () => {
    const file = dir.file('r.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['not the register']);
    const sheet = workbook.addWorksheet('Register');
    sheet.addRow(['Register of XO, record date 2003-10-10']);
    sheet.addRow(['Acct', ...REGISTER_COLUMNS.slice(1)]);
    const r = goodRow(1, { registration1: 'Łódź-Nowak' });
    sheet.addRow(['X1', ...REGISTER_COLUMNS.slice(1).map((c) => (c === 'units' ? 250 : c === 'registration2' ? { richText: [{ text: 'c/o ' }, { text: 'Bank' }] } : r[c]))]);
    await workbook.xlsx.writeFile(file);
    const layout = parseLayout({ format: 'xlsx', sheet: 'Register', headerRow: 2, columns: { account: 'Acct' } });
    expect(layout.ok).toBe(true);
    if (!layout.ok) return;
    const { rows, sha256 } = await readAll(file, layout.spec);
    expect(rows.map((x) => [x.line, x.row.account, x.row.registration1, x.row.registration2, x.row.units, x.row.tin])).toEqual([[3, 'X1', 'Łódź-Nowak', 'c/o Bank', '250', '123-45-1001']]);
    expect(sha256).toBe(sha(file));
    await expect(readAll(file, { format: 'xlsx', sheet: 'Missing', headerRow: 2, columns: { account: 'Acct' } })).rejects.toThrow('r has no worksheet named "Missing"');
  });

  it('refuses a file that is not a workbook', async () => {
    const file = dir.file('r.xlsx');
    writeFileSync(file, 'account,units\n');
    await expect(readAll(file, { format: 'xlsx', headerRow: 1, columns: {} })).rejects.toThrow(RegisterFileError);
  });
});
