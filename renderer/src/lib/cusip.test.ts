import { describe, expect, it } from 'vitest';
import { cusipCheckDigit, hasValidCusipCheckDigit } from './cusip';

describe('CUSIP check digit', () => {
  it.each([
    ['037833100'], // Apple
    ['594918104'], // Microsoft
    ['38259P508'], // Google (letter inside)
    ['68389X105'], // Oracle
  ])('accepts the real CUSIP %s', (cusip) => {
    expect(hasValidCusipCheckDigit(cusip)).toBe(true);
  });

  it('computes the ninth digit from the first eight', () => {
    expect(cusipCheckDigit('03783310')).toBe(0);
    expect(cusipCheckDigit('38259P50')).toBe(8);
  });

  it('refuses a wrong check digit, a short code and a bad character', () => {
    expect(hasValidCusipCheckDigit('037833101')).toBe(false);
    expect(hasValidCusipCheckDigit('03783310')).toBe(false);
    expect(hasValidCusipCheckDigit('03783?100')).toBe(false);
  });

  it('ignores case and surrounding blanks', () => {
    expect(hasValidCusipCheckDigit(' 38259p508 ')).toBe(true);
  });
});
