import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abaCheckDigit, abaRoutingProblem, isValidAbaRouting } from './aba';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

describe('ABA routing check digit', () => {
  it.each([
    ['021000021', 'JPMorgan Chase, New York'],
    ['011000015', 'Federal Reserve Bank of Boston'],
    ['026009593', 'Bank of America, New York'],
    ['121000248', 'Wells Fargo, San Francisco'],
    ['071000013', 'JPMorgan Chase, Chicago'],
  ])('accepts %s (%s)', (routing) => {
    expect(isValidAbaRouting(routing)).toBe(true);
    expect(abaCheckDigit(routing.slice(0, 8))).toBe(routing.charAt(8));
    expect(abaRoutingProblem(routing)).toBeNull();
  });

  it('refuses a wrong check digit, wrong length and stray characters, naming the field', () => {
    expect(isValidAbaRouting('021000022')).toBe(false);
    expect(isValidAbaRouting('02100002')).toBe(false);
    expect(isValidAbaRouting('0210000211')).toBe(false);
    expect(isValidAbaRouting('02100002X')).toBe(false);
    expect(isValidAbaRouting(21000021)).toBe(false);
    expect(abaRoutingProblem('021000022')).toBe('ABA routing number: 021000022 fails its check digit (the last digit should be 1) — check it against the check');
    expect(abaRoutingProblem('0210')).toBe('ABA routing number: nine digits are needed, 4 were typed');
    expect(abaRoutingProblem('02-100002', 'Routing')).toBe('Routing: digits only (nine of them)');
  });

  it('completes every prefix to exactly one valid number', () => {
    fc.assert(
      fc.property(digits(8), (prefix) => {
        const check = abaCheckDigit(prefix);
        const valid = [...'0123456789'].filter((d) => isValidAbaRouting(prefix + d));
        expect(valid).toEqual([check]);
      }),
    );
  });

  it('matches the weighted-sum rule written out', () => {
    fc.assert(
      fc.property(digits(9), (r) => {
        const d = [...r].map(Number);
        const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
        expect(isValidAbaRouting(r)).toBe(sum % 10 === 0);
      }),
    );
  });

  it('catches every single-digit typing error', () => {
    fc.assert(
      fc.property(digits(8), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (prefix, at, shift) => {
        const good = prefix + abaCheckDigit(prefix);
        const wrong = good.slice(0, at) + String((Number(good[at]) + shift) % 10) + good.slice(at + 1);
        expect(isValidAbaRouting(wrong)).toBe(false);
      }),
    );
  });
});
