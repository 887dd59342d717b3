import { describe, expect, it } from 'vitest';
import { abaRoutingProblem, isAbaRouting } from './aba';

describe('ABA routing numbers', () => {
  it('accepts published routing numbers', () => {
    // JPMorgan Chase NY, Bank of America, Wells Fargo, the Federal Reserve Bank of New York.
    for (const n of ['021000021', '026009593', '121000248', '021001208']) expect(isAbaRouting(n), n).toBe(true);
  });

  it('refuses a changed digit, a swapped pair, and anything not nine digits', () => {
    expect(isAbaRouting('021000022')).toBe(false);
    expect(isAbaRouting('012000021')).toBe(false);
    expect(isAbaRouting('02100002')).toBe(false);
    expect(isAbaRouting('02100002a')).toBe(false);
    expect(abaRoutingProblem('021000022')).toMatch(/check digit is wrong/);
    expect(abaRoutingProblem('0210')).toMatch(/9 digits, 4 were typed/);
    expect(abaRoutingProblem('02-1000021')).toMatch(/type the 9 digits/);
    expect(abaRoutingProblem('021000021')).toBeNull();
  });
});
