import { describe, expect, it } from 'vitest';
import { normalizeMoney, normalizeShares, parseKeyedShares, percentToRate, rateToPercent, readsAsDecimal, shiftDecimal } from './amounts';

describe('percent and rate, as strings', () => {
  it('moves the decimal point exactly', () => {
    expect(percentToRate('24')).toBe('0.24');
    expect(percentToRate('24.5%')).toBe('0.245');
    expect(percentToRate('100')).toBe('1');
    expect(percentToRate('0')).toBe('0');
    expect(percentToRate('0.07')).toBe('0.0007');
    expect(percentToRate('2 4')).toBe('0.24');
    expect(percentToRate('24,5.')).toBeNull();
    expect(percentToRate('abc')).toBeNull();
    expect(rateToPercent('0.24')).toBe('24');
    expect(rateToPercent('0.245')).toBe('24.5');
    expect(rateToPercent('1')).toBe('100');
    expect(rateToPercent('0.000001')).toBe('0.0001');
    expect(shiftDecimal('1.5', 3)).toBe('1500');
  });
  it('round-trips every rate with up to 6 places', () => {
    for (const rate of ['0', '0.1', '0.24', '0.333333', '0.000001', '1']) expect(percentToRate(rateToPercent(rate))).toBe(rate);
  });
});

describe('money as keyed', () => {
  it('shows money with cents and grouping, and leaves what does not read', () => {
    expect(normalizeMoney('5')).toBe('5.00');
    expect(normalizeMoney('1234.5')).toBe('1,234.50');
    expect(normalizeMoney('1,234.5')).toBe('1,234.50');
    expect(normalizeMoney('$0.65')).toBe('0.65');
    expect(normalizeMoney('0.123456')).toBe('0.123456');
    expect(normalizeMoney('12345678901234567890.1')).toBe('12,345,678,901,234,567,890.10'); // no float anywhere
    expect(normalizeMoney('5.5.0')).toBe('5.5.0');
  });
  it('tells whether a keyed amount reads as a decimal', () => {
    expect(readsAsDecimal(' $1,234.50 ')).toBe(true);
    expect(readsAsDecimal('5.5.0')).toBe(false);
    expect(readsAsDecimal('')).toBe(false);
  });
});

describe('share counts as keyed', () => {
  it('reads digits with grouping and shows them grouped', () => {
    expect(parseKeyedShares('43333333')).toBe(43_333_333);
    expect(parseKeyedShares('43,333,333')).toBe(43_333_333);
    expect(parseKeyedShares('4.5')).toBeNull();
    expect(parseKeyedShares('')).toBeNull();
    expect(normalizeShares('43333333')).toBe('43,333,333');
    expect(normalizeShares('4.5')).toBe('4.5');
  });
});
