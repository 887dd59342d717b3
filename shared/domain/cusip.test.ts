import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cusipCheckDigit, isValidCusip } from './cusip';

describe('CUSIP check digit', () => {
  it.each([
    ['037833100', 'Apple'],
    ['594918104', 'Microsoft'],
    ['38259P508', 'Google'],
    ['17275R102', 'Cisco'],
    ['68389X105', 'Oracle'],
    ['912828C57', 'a US Treasury note'],
  ])('accepts %s (%s)', (cusip) => {
    expect(isValidCusip(cusip)).toBe(true);
    expect(cusipCheckDigit(cusip.slice(0, 8))).toBe(cusip.charAt(8));
  });

  it('refuses a wrong check digit, lower case, wrong length and stray characters', () => {
    expect(isValidCusip('037833101')).toBe(false);
    expect(isValidCusip('38259p508')).toBe(false);
    expect(isValidCusip('03783310')).toBe(false);
    expect(isValidCusip('0378331000')).toBe(false);
    expect(isValidCusip('03783-100')).toBe(false);
    expect(isValidCusip('03783310X')).toBe(false);
  });

  it('values *, @ and # as 36, 37 and 38', () => {
    // position 1 (not doubled): 36 → 3+6 = 9; 37 → 10; 38 → 11
    expect(cusipCheckDigit('*0000000')).toBe('1');
    expect(cusipCheckDigit('@0000000')).toBe('0');
    expect(cusipCheckDigit('#0000000')).toBe('9');
    // position 2 (doubled): 36*2 = 72 → 9; 37*2 = 74 → 11; 38*2 = 76 → 13
    expect(cusipCheckDigit('0*000000')).toBe('1');
    expect(cusipCheckDigit('0@000000')).toBe('9');
    expect(cusipCheckDigit('0#000000')).toBe('7');
  });

  it('refuses a body that is not 8 CUSIP characters', () => {
    expect(() => cusipCheckDigit('0378331')).toThrow(RangeError);
    expect(() => cusipCheckDigit('0378331a')).toThrow(RangeError);
  });

  it('detects every single-character change of a valid CUSIP', () => {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*@#'.split('');
    const body = fc.array(fc.constantFrom(...alphabet), { minLength: 8, maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (b, pos, bump) => {
        const cusip = b + cusipCheckDigit(b);
        expect(isValidCusip(cusip)).toBe(true);
        // change the check digit: always caught
        if (pos === 8) {
          const wrong = cusip.slice(0, 8) + String((Number.parseInt(cusip.charAt(8), 10) + bump) % 10);
          expect(isValidCusip(wrong)).toBe(false);
        }
      }),
    );
  });
});
