import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewRegisterEntry } from '../store/port-register';
import { registerRowText, registerRowValues, type RegisterRowText } from '../store/register-row-text';
import { RowSpill, SpillAppender, SpillTail } from './spill';

const entry = (n: number): NewRegisterEntry => ({
  line: n + 2, account: `A${n}`, class: n % 2 === 0 ? 'A' : '', registration: [`Nguyễn Văn ${n}`, n % 3 === 0 ? 'say "hi"\r\nnext line' : '', 'JT TEN', ''],
  address1: `${n} Hauptstraße`, address2: '', city: 'Łódź', state: '', postalCode: '90-001', country: 'PL', tinType: n % 5 === 0 ? 'NONE' : 'SSN',
  tinLast4: n % 5 === 0 ? null : String(1000 + n).slice(-4), tinEncrypted: n % 5 === 0 ? null : Buffer.from([1, n % 256, 0, 255]), units: `${n}.50`, nominee: '', planShares: '0',
});

let spill: RowSpill | null = null;
afterEach(() => spill?.discard());

const text = (n: number): RegisterRowText => {
  const e = entry(n);
  return registerRowText(e, e.tinEncrypted);
};

async function readBack(s: RowSpill, batch: number): Promise<RegisterRowText[][]> {
  const batches: RegisterRowText[][] = [];
  for await (const rows of s.read(batch)) batches.push(rows);
  return batches;
}

describe('RowSpill', () => {
  it('gives back every row exactly as added, in order and in batches, from a file only its owner reads', async () => {
    spill = new RowSpill();
    const rows = Array.from({ length: 25_000 }, (_, n) => text(n));
    for (const row of rows) spill.add(row);
    spill.finish();
    expect(statSync(spill.file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(spill.file)).mode & 0o777).toBe(0o700);
    const batches = await readBack(spill, 1_000);
    expect(batches.map((b) => b.length)).toEqual(Array.from({ length: 25 }, () => 1_000));
    expect(batches.flat()).toEqual(rows);
    // The values bound from the texts are the entries' own (the TIN's bytes too).
    const values = registerRowValues(batches[3]!);
    const e = entry(3_000);
    expect(values[0]).toEqual([e.line, e.account, e.class, ...e.registration, e.address1, e.address2, e.city, e.state, e.postalCode, e.country, e.tinType, e.tinLast4, e.tinEncrypted, e.units, e.nominee, e.planShares]);
    // Read again (a change tried again reads it anew), then removed.
    expect((await readBack(spill, 10_000)).flat()).toHaveLength(25_000);
    spill.discard();
    expect(existsSync(spill.file)).toBe(false);
  });

  it('refuses rows altered in the file between the passes', async () => {
    spill = new RowSpill();
    for (let n = 0; n < 10; n += 1) spill.add(text(n));
    spill.finish();
    writeFileSync(spill.file, readFileSync(spill.file, 'utf8').replace('"A3"', '"A9"'));
    await expect(readBack(spill, 100)).rejects.toThrow('The checked rows kept for writing were altered before they were written');
  });

  it('is read as it is appended, whole lines at a time, and proven against the appender\'s seal', () => {
    spill = new RowSpill();
    const appender = new SpillAppender(spill.file);
    const tail = new SpillTail(spill.file);
    const rows = Array.from({ length: 80_000 }, (_, n) => text(n));
    const read: RegisterRowText[] = [];
    for (const [n, row] of rows.entries()) {
      appender.add(row);
      // What the tail may take is what was flushed: always whole lines.
      if (n === 12_000) read.push(...tail.take(appender.flushed));
    }
    expect(read.length).toBeGreaterThan(0);
    const seal = appender.finish();
    // The rest is more than one take reads at once: taken a bounded piece at a time, whole lines only.
    let takes = 0;
    for (; tail.pending(seal.bytes); takes += 1) read.push(...tail.take(seal.bytes));
    expect(takes).toBeGreaterThan(1);
    tail.end(seal);
    expect(read).toEqual(rows);
    expect(seal.rows).toBe(rows.length);
    expect(statSync(spill.file).mode & 0o777).toBe(0o600);
  });

  it('refuses appended rows altered, cut or added to before they are written', () => {
    const run = (tamper: (file: string) => void) => {
      spill?.discard();
      spill = new RowSpill();
      const appender = new SpillAppender(spill.file);
      for (let n = 0; n < 10; n += 1) appender.add(text(n));
      const seal = appender.finish();
      tamper(spill.file);
      const tail = new SpillTail(spill.file);
      try {
        tail.take(seal.bytes);
        tail.end(seal);
      } finally {
        tail.close();
      }
    };
    expect(() => run(() => undefined)).not.toThrow();
    const altered = 'The checked rows kept for writing were altered before they were written';
    expect(() => run((f) => writeFileSync(f, readFileSync(f, 'utf8').replace('"A3"', '"A9"')))).toThrow(altered);
    expect(() => run((f) => writeFileSync(f, readFileSync(f, 'utf8').slice(0, -10)))).toThrow('end before they were said to');
    expect(() => run((f) => writeFileSync(f, readFileSync(f, 'utf8').replace('\n', '\n\n')))).toThrow(altered);
  });
});
