import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  Dec,
  centsToDec,
  dec,
  decToCents,
  divHalfUp,
  floorShares,
  formatCents,
  formatDecimal,
  formatMoney,
  isDecimalString,
  parseCents,
  parseScaled,
  roundCents,
} from './money';

describe('money: decimals come from strings only', () => {
  it('accepts plain decimal strings and refuses numbers, exponents, signs and blanks', () => {
    expect(isDecimalString('615.00')).toBe(true);
    expect(isDecimalString('0.1')).toBe(true);
    expect(isDecimalString('1234')).toBe(true);
    for (const bad of ['615.', '.5', '1e3', '+5', ' 5', '5 ', '', '-1', '1,000.00', 'NaN', 'Infinity', '0x10']) {
      expect(isDecimalString(bad), bad).toBe(false);
    }
    expect(isDecimalString(615 as unknown)).toBe(false);
    expect(isDecimalString('-1', { signed: true })).toBe(true);
  });

  it('dec() refuses a JS number even if it looks like money', () => {
    expect(() => dec(615 as unknown as string)).toThrow(/not a decimal string/);
    expect(dec('0.1').plus(dec('0.2')).toString()).toBe('0.3');
  });

  it('the clone keeps 34 significant digits (no binary floating point)', () => {
    expect(dec('1').dividedBy(3).toString()).toBe('0.3333333333333333333333333333333333');
  });
});

describe('money: rounding names its mode', () => {
  it('roundCents half-up rounds .5 of a cent away from zero', () => {
    expect(roundCents(dec('2.345'), 'half-up').toFixed(2)).toBe('2.35');
    expect(roundCents(dec('2.344999'), 'half-up').toFixed(2)).toBe('2.34');
    expect(roundCents(dec('-2.345'), 'half-up').toFixed(2)).toBe('-2.35');
  });
  it('roundCents half-even, down and up behave as named', () => {
    expect(roundCents(dec('2.345'), 'half-even').toFixed(2)).toBe('2.34');
    expect(roundCents(dec('2.355'), 'half-even').toFixed(2)).toBe('2.36');
    expect(roundCents(dec('2.349'), 'down').toFixed(2)).toBe('2.34');
    expect(roundCents(dec('2.341'), 'up').toFixed(2)).toBe('2.35');
  });
  it('§1b shares are always rounded down: floorShares(123.99) = 123', () => {
    expect(floorShares(dec('123.99'))).toBe(123);
    expect(floorShares(dec('0.999999'))).toBe(0);
    expect(() => floorShares(dec('-1'))).toThrow(/negative/);
  });
  it('formatMoney refuses fractions of a cent instead of silently rounding', () => {
    expect(formatMoney(dec('615'))).toBe('615.00');
    expect(() => formatMoney(dec('615.005'))).toThrow(/round first/);
    expect(formatDecimal(dec('6.4'))).toBe('6.40');
    expect(formatDecimal(dec('0.0051'))).toBe('0.0051');
  });
});

describe('money: integer cents', () => {
  it('parseCents reads at most two decimals exactly', () => {
    expect(parseCents('615.00')).toBe(61500n);
    expect(parseCents('615.5')).toBe(61550n);
    expect(parseCents('7')).toBe(700n);
    expect(parseCents('0.01')).toBe(1n);
    expect(() => parseCents('615.005')).toThrow(/more than two decimals/);
    expect(() => parseCents('-1.00')).toThrow();
  });
  it('formatCents writes two decimals, signed when negative', () => {
    expect(formatCents(0n)).toBe('0.00');
    expect(formatCents(5n)).toBe('0.05');
    expect(formatCents(61500n)).toBe('615.00');
    expect(formatCents(-105n)).toBe('-1.05');
    expect(formatCents(123456789012345678901234n)).toBe('1234567890123456789012.34');
  });
  it('parseScaled keeps the exact scale', () => {
    expect(parseScaled('5.125')).toEqual({ units: 5125n, scale: 3 });
    expect(parseScaled('1234')).toEqual({ units: 1234n, scale: 0 });
  });
  it('divHalfUp rounds ties up', () => {
    expect(divHalfUp(5n, 10n)).toBe(1n);
    expect(divHalfUp(4n, 10n)).toBe(0n);
    expect(divHalfUp(15n, 10n)).toBe(2n);
  });
  it('property: cents ↔ string ↔ Dec round-trip exactly (5,000 runs)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), (c) => {
        const s = formatCents(c);
        expect(parseCents(s)).toBe(c);
        expect(decToCents(centsToDec(c))).toBe(c);
        expect(new Dec(s).toFixed(2)).toBe(s);
      }),
      { numRuns: 5000 },
    );
  });
});
