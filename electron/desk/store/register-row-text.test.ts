// A checked entry's canonical text gives back exactly the values it was made from, and its digest
// taken from the text is the one verify takes from the row as stored.
import { describe, expect, it } from 'vitest';
import type { NewRegisterEntry } from './port-register';
import { registerRowText, registerRowValues, REGISTER_ROW_TEXT_COLUMNS, type RegisterRowText } from './register-row-text';
import { PROVEN_TABLES, rowDigest, rowDigestOfJson } from './row-digests';

// Text that JSON must escape, text that looks like the joins of many rows, and scripts beyond Latin.
const tricky = ['say "hi"\r\nnext', '],[', '\\', 'Nguyễn Văn An', '\u2028\u2029', 'tab\there', '\u0000', 'Łódź-Nowak & Co', ''];

const entry = (n: number): NewRegisterEntry => ({
  line: n + 2, account: `R${n}`, class: ['A', 'B', ''][n % 3]!, registration: [tricky[n % tricky.length]!, tricky[(n + 1) % tricky.length]!, 'JT TEN', ''],
  address1: `${n} Hauptstraße`, address2: tricky[(n + 3) % tricky.length]!, city: 'Łódź', state: '', postalCode: '90-001', country: 'PL',
  tinType: n % 4 === 0 ? 'NONE' : 'SSN', tinLast4: n % 4 === 0 ? null : '6789', tinEncrypted: n % 4 === 0 ? null : Buffer.from([1, n % 256, 0, 255, 16]), units: `${n}.50`, nominee: '', planShares: '0',
});

const asBound = (e: NewRegisterEntry): unknown[] => [
  e.line, e.account, e.class, ...e.registration, e.address1, e.address2, e.city, e.state, e.postalCode, e.country, e.tinType, e.tinLast4, e.tinEncrypted, e.units, e.nominee, e.planShares,
];

describe('register row text', () => {
  it('lists the columns of register_entries after its key, program and import, in digest order', () => {
    expect(Object.keys(PROVEN_TABLES.register_entries).slice(3)).toEqual([...REGISTER_ROW_TEXT_COLUMNS]);
  });

  it('reads back, many rows at once, exactly the values each was made from', () => {
    const entries = Array.from({ length: 40 }, (_, n) => entry(n));
    const values = registerRowValues(entries.map((e) => registerRowText(e, e.tinEncrypted)));
    expect(values).toEqual(entries.map(asBound));
    expect(Buffer.isBuffer(values[1]![15])).toBe(true);
  });

  it('is digested from its text exactly as the stored row is digested', () => {
    for (let n = 0; n < 20; n += 1) {
      const e = entry(n);
      const stored = { id: 1000 + n, program_id: 3, import_id: 7, ...Object.fromEntries(REGISTER_ROW_TEXT_COLUMNS.map((c, i) => [c, asBound(e)[i]])) };
      expect(rowDigestOfJson('register_entries', 1000 + n, `3,7,${registerRowText(e, e.tinEncrypted)}`)).toBe(rowDigest('register_entries', stored));
    }
  });

  it('refuses text that is not rows of the register', () => {
    expect(() => registerRowValues(['1,"a"' as RegisterRowText])).toThrow("does not have the register's columns");
    const e = entry(1);
    const text = registerRowText(e, e.tinEncrypted).replace('"010100ff10"', '"0z0100ff10"') as RegisterRowText;
    expect(() => registerRowValues([text])).toThrow('not hex');
    expect(() => registerRowText({ ...e, line: 1.5 }, null)).toThrow('whole number');
  });
});
