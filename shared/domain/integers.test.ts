import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ExactSum, compareProducts, mulDiv, mulDivHalfUp, mulDivMod, mulMod } from './integers';
import { costCents, sharePrice, sharesCovered } from './price';
import { centsOf, formatCents } from './money';

const safe = fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));

describe('exact integers in JS numbers', () => {
  it('property: mulDiv, mulMod, mulDivHalfUp, compareProducts agree with BigInt (5,000 runs)', () => {
    fc.assert(
      fc.property(safe, safe, fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (a, b, c) => {
        const p = BigInt(a) * BigInt(b);
        const q = p / BigInt(c);
        fc.pre(q <= BigInt(Number.MAX_SAFE_INTEGER));
        expect(mulDiv(a, b, c)).toBe(Number(q));
        expect(mulMod(a, b, c)).toBe(Number(p % BigInt(c)));
        expect(mulDivMod(a, b, c)).toEqual([Number(q), Number(p % BigInt(c))]);
        expect(mulDivHalfUp(a, b, c)).toBe(Number((p * 2n + BigInt(c)) / (2n * BigInt(c))));
        expect(Math.sign(compareProducts(a, b, c, 1))).toBe(p < BigInt(c) ? -1 : p > BigInt(c) ? 1 : 0);
      }),
      { numRuns: 5000 },
    );
  });
  it('ExactSum carries past 2^53 into a BigInt without losing a cent', () => {
    const s = new ExactSum();
    for (let k = 0; k < 5; k++) s.add(Number.MAX_SAFE_INTEGER);
    s.add(1);
    expect(s.total).toBe(BigInt(Number.MAX_SAFE_INTEGER) * 5n + 1n);
    expect(() => s.add(0.5)).toThrow();
  });
  it('money in integer cents: centsOf and formatCents round-trip; no float parsing', () => {
    expect(centsOf('615.00')).toBe(61500);
    expect(centsOf('0.1')).toBe(10);
    expect(centsOf('7')).toBe(700);
    expect(formatCents(61500)).toBe('615.00');
    expect(formatCents(-5)).toBe('-0.05');
    expect(() => centsOf('1.234')).toThrow();
    expect(() => centsOf('1e3')).toThrow();
    expect(() => centsOf('.5')).toThrow();
    expect(() => centsOf('99999999999999999.99')).toThrow(/too large/);
  });
});

describe('share price arithmetic', () => {
  it('§4b shares covered by an amount, and the cost of shares, exact', () => {
    const p = sharePrice('5.00');
    expect(sharesCovered(61500, p)).toBe(123);
    expect(sharesCovered(61499, p)).toBe(122);
    expect(costCents(123, p)).toBe(61500);
  });
  it('a price in fractions of a cent: cost rounded half-up, never above what covered it', () => {
    const p = sharePrice('3.333');
    expect(costCents(3, p)).toBe(1000); // 9.999 ⇒ 10.00
    expect(sharesCovered(1000, p)).toBe(3);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.constantFrom('3.333', '0.0125', '12.5', '0.000001', '999999.999999'), (cents, text) => {
        const price = sharePrice(text);
        const n = sharesCovered(cents, price);
        expect(costCents(n, price)).toBeLessThanOrEqual(cents);
      }),
      { numRuns: 2000 },
    );
  });
  it('refuses a zero price and more than six decimals', () => {
    expect(() => sharePrice('0.00')).toThrow(/positive/);
    expect(() => sharePrice('1.0000001')).toThrow(/six|6/);
  });
});
