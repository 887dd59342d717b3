import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goodRow } from '../testing/register-fixture';
import { REGISTER_COLUMNS, type RawRow } from './layout';
import { DuplicateCheck, PROBLEM_CODES, rulesFromTerms, validateRow, type ProblemCode, type RowRules } from './validate-row';

const rights = rulesFromTerms({ kind: 'rights-offering', classes: [{ code: 'A' }, { code: 'B', unitsDecimals: 2 }] });
const oddLot = rulesFromTerms({ kind: 'odd-lot' });

const check = (over: Partial<RawRow>, rules = rights) => validateRow(7, goodRow(1, over), rules).problems.map((p) => [p.column, p.code, p.message]);

// Every problem code of the contract, each from the rule's own wording (REGISTER.md).
const CASES: readonly (readonly [ProblemCode, Partial<RawRow>, string, string, RowRules?])[] = [
  ['MISSING_ACCOUNT', { account: '  ' }, 'account', 'Account is blank'],
  ['MISSING_NAME', { registration1: '' }, 'registration1', "Registration line 1 (the holder's name) is blank"],
  ['MALFORMED_TIN', { tin: '12-345-678' }, 'tin', 'TIN 12-345-678 is not a valid SSN (9 digits)'],
  ['MALFORMED_TIN', { tin: '000-12-3456' }, 'tin', 'TIN XXX-XX-3456 is not a valid SSN (an SSN never begins with 000)'],
  ['MALFORMED_TIN', { tin: '666123456' }, 'tin', 'TIN XXX-XX-3456 is not a valid SSN (an SSN never begins with 666)'],
  ['MALFORMED_TIN', { tin: '912-34-5678' }, 'tin', 'TIN XXX-XX-5678 is not a valid SSN (an SSN never begins with 912; 9xx is an ITIN)'],
  ['MALFORMED_TIN', { tin: '123-00-4567' }, 'tin', 'TIN XXX-XX-4567 is not a valid SSN (its middle two digits are 00)'],
  ['MALFORMED_TIN', { tin: '123-45-0000' }, 'tin', 'TIN XXX-XX-0000 is not a valid SSN (its last four digits are 0000)'],
  ['MALFORMED_TIN', { tin: '12-3456789' }, 'tin', 'TIN XXX-XX-6789 is not a valid SSN (9 digits, dashes as 123-45-6789)'],
  ['MALFORMED_TIN', { tin_type: 'ITIN', tin: '123-45-6789' }, 'tin', 'TIN XXX-XX-6789 is not a valid ITIN (an ITIN begins with 9)'],
  ['MALFORMED_TIN', { tin_type: 'EIN', tin: '07-1234567' }, 'tin', 'TIN XXX-XX-4567 is not a valid EIN (the IRS assigns no EIN beginning with 07)'],
  ['MALFORMED_TIN', { tin_type: 'EIN', tin: '1234' }, 'tin', 'TIN 1234 is not a valid EIN (9 digits)'],
  ['MALFORMED_TIN', { tin_type: 'NONE', tin: '123-45-6789' }, 'tin', 'TIN XXX-XX-6789 is given but the TIN type is NONE'],
  ['MALFORMED_TIN', { tin_type: 'SSN', tin: '' }, 'tin', 'TIN is blank: a TIN type of SSN needs one'],
  ['MALFORMED_TIN', { tin_type: 'EIN', tin: '' }, 'tin', 'TIN is blank: a TIN type of EIN needs one'],
  ['MALFORMED_TIN', { tin_type: 'TAX' }, 'tin_type', 'TIN type "TAX" is not SSN, ITIN, EIN or NONE'],
  ['NOT_A_NUMBER', { units: '1,000' }, 'units', 'Units "1,000" is not a plain decimal number (digits, and a point for decimals)'],
  ['NOT_A_NUMBER', { units: '' }, 'units', 'Units is blank'],
  ['NOT_A_NUMBER', { plan_shares: '1e3' }, 'plan_shares', 'Plan shares "1e3" is not a plain decimal number (digits, and a point for decimals)'],
  ['NEGATIVE', { units: '-5' }, 'units', 'Units -5 is below zero'],
  ['NEGATIVE', { plan_shares: '-0.5', class: 'B' }, 'plan_shares', 'Plan shares -0.5 is below zero'],
  ['FRACTIONAL', { units: '10.5' }, 'units', 'Units 10.5 has 1 decimal; class A allows whole numbers only'],
  ['FRACTIONAL', { class: 'B', units: '10.125' }, 'units', 'Units 10.125 has 3 decimals; class B allows at most 2 decimals'],
  ['UNKNOWN_CLASS', { class: 'Z' }, 'class', 'Class "Z" is not a class of this program (A, B)'],
  ['UNKNOWN_CLASS', { class: '' }, 'class', "Class is blank (this program's classes: A, B)"],
  ['UNKNOWN_CLASS', { class: 'A' }, 'class', 'Class "A": an odd-lot program has no classes, so the class is left blank', oddLot],
  ['BLANK_ADDRESS', { address1: '' }, 'address1', 'Address line 1 is blank'],
  ['BLANK_ADDRESS', { city: ' ' }, 'city', 'City is blank'],
  ['UNKNOWN_COUNTRY', { country: 'USA' }, 'country', 'Country "USA" is not an ISO 3166-1 alpha-2 code (such as US, CA, PL)'],
  ['UNKNOWN_COUNTRY', { country: '' }, 'country', 'Country is blank (an ISO 3166-1 alpha-2 code such as US)'],
  ['UNKNOWN_STATE', { state: 'XX' }, 'state', 'State "XX" is not a USPS state code'],
  ['MALFORMED_POSTAL_CODE', { postal_code: '6270' }, 'postal_code', 'Postal code "6270" is not a 5-digit ZIP or ZIP+4 (12345-6789)'],
  ['MALFORMED_POSTAL_CODE', { postal_code: '62701-12' }, 'postal_code', 'Postal code "62701-12" is not a 5-digit ZIP or ZIP+4 (12345-6789)'],
];

describe('validateRow', () => {
  it('finds each problem of its table, and only it', () => {
    for (const [code, over, column, message, rules] of CASES) expect(check(over, rules ?? rights), `${code} ${JSON.stringify(over)}`).toEqual([[column, code, message]]);
  });

  it('covers every problem code of the contract (DUPLICATE_ACCOUNT through DuplicateCheck)', () => {
    const covered = new Set<string>([...CASES.map((c) => c[0]), 'DUPLICATE_ACCOUNT']);
    expect([...covered].sort()).toEqual([...PROBLEM_CODES].sort());
  });

  it('accepts what the rules allow and keeps it as the book stores it', () => {
    const ok = (over: Partial<RawRow>, rules = rights) => validateRow(2, goodRow(1, over), rules);
    for (const over of [
      { tin: '123456789' }, { tin_type: 'ITIN', tin: '912-70-1234' }, { tin_type: 'EIN', tin: '98-7654321' }, { tin_type: 'EIN', tin: '987654321' },
      { tin_type: 'NONE', tin: '' }, { state: 'DC' }, { state: 'PR' }, { state: 'AE' }, { state: 'GU' }, { postal_code: '62701-1234' },
      { country: 'PL', state: '', postal_code: '90-001', city: 'Łódź' }, { units: '100.000' }, { class: 'B', units: '0.5' },
    ]) expect(ok(over).problems, JSON.stringify(over)).toEqual([]);
    expect(ok({ class: 'B', units: '007.5', plan_shares: '' }).good?.entry).toMatchObject({ units: '7.50', planShares: '0.00' });
    expect(ok({ units: '100.000' }).good?.entry.units).toBe('100');
    expect(ok({ class: '' }, oddLot).good?.entry).toMatchObject({ class: '', units: '101' });
    expect(ok({ country: 'us', state: 'il' }).good?.entry).toMatchObject({ country: 'US', state: 'IL', tinLast4: '1001' });
  });

  it('reports the later of two lines with the same account and class, and one already in the book', () => {
    const dup = new DuplicateCheck(new Set([DuplicateCheck.key('ACC0000009', 'A')]));
    expect(dup.check(2, goodRow(1))).toBeNull();
    expect(dup.check(3, goodRow(1, { class: 'B' }))).toBeNull();
    expect(dup.check(4, goodRow(1))).toEqual({ line: 4, column: 'account', code: 'DUPLICATE_ACCOUNT', message: 'Account "ACC0000001" class "A" is already on line 2' });
    expect(dup.check(5, goodRow(9))?.message).toBe('Account "ACC0000009" class "A" is already in this program\'s register');
  });

  it('never throws, never echoes a whole 9-digit TIN, and gives a good row exactly when there is no problem', () => {
    const field = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', ' ', '-1', '0.5', '123-45-6789', '912-70-1234', 'US', 'SSN', 'EIN', 'NONE', 'A', 'B', '62701'));
    const row = fc.record(Object.fromEntries(REGISTER_COLUMNS.map((c) => [c, field])) as Record<keyof RawRow, typeof field>);
    fc.assert(
      fc.property(row, fc.boolean(), (raw, odd) => {
        const { problems, good } = validateRow(9, raw, odd ? oddLot : rights);
        expect(good === null).toBe(problems.length > 0);
        for (const p of problems) {
          expect(PROBLEM_CODES).toContain(p.code);
          expect(REGISTER_COLUMNS).toContain(p.column);
          const digits = raw.tin.replace(/\D/g, '');
          if (digits.length === 9 && (p.column === 'tin' || p.column === 'tin_type')) {
            expect(p.message).not.toContain(digits);
            expect(p.message).not.toContain(raw.tin.trim());
          }
        }
        if (good) expect(good.entry.units).toMatch(/^\d+(\.\d+)?$/);
      }),
      { numRuns: 3000 },
    );
  });
});
