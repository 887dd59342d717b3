import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../store/open-store';
import { runCli } from '../../testing/cli-run';
import { pdfPages, pdfText } from '../../testing/pdf-tools';
import { xoBookWithRegister, xoProgram } from '../../testing/xo-register-fixture';
import { tempDir } from '../../testing/temp';

let t: ReturnType<typeof tempDir>;
beforeEach(() => {
  t = tempDir('desk-cli-certificates-');
});
afterEach(() => t.cleanup());

const cli = (...argv: string[]) => runCli(t.dir, ...argv);
const oneLine = (s: string) => s.endsWith('\n') && !s.slice(0, -1).includes('\n');

/** A book file with the XO program and its register (or only the program). */
async function xoBook(withRegister = true): Promise<number> {
  expect((await cli('init', 'office.book')).code).toBe(0);
  const store = await openStore(t.file('office.book'), { now: () => new Date('2026-03-02T15:00:00Z'), mode: 'open' });
  try {
    return (withRegister ? await xoBookWithRegister(store) : await xoProgram(store)).programId;
  } finally {
    await store.close();
  }
}

describe('certificates issue', () => {
  it('issues by CUSIP, prints the counts, and refuses a second issue with exit 1', async () => {
    await xoBook();
    const first = await cli('certificates', 'issue', 'office.book', '983764176');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe(
      [
        'Issued 7 certificates of XO Communications 2003 rights offering (RT-000001 to RT-000007); 2 held, not mailed (§9: addresses outside the US).',
        'class A: 3 certificates, 2273 firm rights, units 2273, 2 held',
        'class B: 2 certificates, 1234 firm rights, units 12354, 0 held',
        'class C: 1 certificate, 0 firm rights, units 500, 0 held',
        'class T: 1 certificate, 2500000 firm rights, units 2500000, 0 held',
        '',
      ].join('\n'),
    );
    const second = await cli('certificates', 'issue', 'office.book', '1');
    expect(second.code).toBe(1);
    expect(oneLine(second.stderr)).toBe(true);
    expect(second.stderr).toMatch(/already issued on \d{4}-\d{2}-\d{2} \(7 certificates\); a program is issued once/);
  });

  it('refuses an empty register with exit 1, an unknown program and bad arguments with exit 2', async () => {
    await xoBook(false);
    const empty = await cli('certificates', 'issue', 'office.book', '983764176');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/register of XO Communications 2003 rights offering is empty/);
    for (const argv of [['certificates', 'issue', 'office.book', '983764177'], ['certificates', 'issue', 'office.book'], ['certificates', 'frob', 'office.book', '1'], ['certificates', 'issue', 'missing.book', '1']]) {
      const result = await cli(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(oneLine(result.stderr)).toBe(true);
    }
  });
});

describe('certificates list', () => {
  it('writes the mailing list CSV exactly per the contract, held Y for holders abroad', async () => {
    await xoBook();
    expect((await cli('certificates', 'issue', 'office.book', '983764176')).code).toBe(0);
    const result = await cli('certificates', 'list', 'office.book', '983764176', '--csv');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\r\n');
    expect(lines[0]).toBe('number,class,account,registration1,registration2,registration3,registration4,address1,address2,city,state,postal_code,country,firm_rights,units,held');
    expect(lines[1]).toBe('RT-000001,A,H-1001,Zofia Łódź-Nowak,,,,ul. Piotrkowska 12,,Łódź,,90-001,PL,1234,1234,Y');
    expect(lines[2]).toBe('RT-000002,B,H-1002,Jürgen Müller,Anna Müller JT TEN,,,12 Oak Avenue,Apt 4,Evanston,IL,60201-1234,US,1234,12345,N');
    expect(lines[5]).toBe('RT-000005,B,H-1004,Cede & Co,FBO Small Holder,,,55 Water Street,,New York,NY,10041,US,0,9,N');
    expect(lines.length).toBe(9); // header, 7 rows, and the empty string after the last CRLF
    expect(lines[8]).toBe('');
    const text = await cli('certificates', 'list', 'office.book', '1');
    expect(text.stdout).toMatch(/^RT-000007 {2}class A {2}H-1005 {2}Marie-Hélène Dubois {2}Paris FR {2}firm rights 40 {2}HELD \(§9\) — Exhibit D letter/m);
  });

  it('refuses a list before the issue with exit 1', async () => {
    await xoBook();
    const result = await cli('certificates', 'list', 'office.book', '983764176', '--csv');
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/No certificates have been issued/);
  });
});

describe('certificates print', () => {
  it('writes the PDFs into DIR and prints their names; a class and a range narrow it', async () => {
    await xoBook();
    expect((await cli('certificates', 'issue', 'office.book', '983764176')).code).toBe(0);
    const result = await cli('certificates', 'print', 'office.book', '983764176', '--out', '.', '--class', 'A', '--numbers', 'RT-000001-RT-000004');
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: '983764176-A-RT-000001-RT-000004.pdf\n' });
    expect(pdfPages(t.file('983764176-A-RT-000001-RT-000004.pdf'))).toBe(4);
    expect(pdfText(t.file('983764176-A-RT-000001-RT-000004.pdf'))).toContain('Nguyễn Văn An');
    const bad = [
      ['certificates', 'print', 'office.book', '1', '--out', 'nowhere'],
      ['certificates', 'print', 'office.book', '1'],
      ['certificates', 'print', 'office.book', '1', '--out', '.', '--numbers', '5'],
      ['certificates', 'print', 'office.book', '1', '--out', '.', '--class', 'Q'],
    ];
    for (const argv of bad) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(oneLine(r.stderr)).toBe(true);
    }
    const none = await cli('certificates', 'print', 'office.book', '1', '--out', '.', '--numbers', '8-9');
    expect(none.code).toBe(1);
    expect(readdirSync(t.dir).filter((f) => f.endsWith('.pdf'))).toEqual(['983764176-A-RT-000001-RT-000004.pdf']);
  });
});
