import { describe, expect, it } from 'vitest';
import { PAYMENT_METHODS, PAYMENT_STATUSES, isGoodFunds, summarizeFunds } from './funds';

describe('§6a good funds', () => {
  it('§6a (x) an uncertified check only once cleared; (y) certified check, bank draft, money order on receipt; (z) a wire once collected', () => {
    const table = Object.fromEntries(PAYMENT_METHODS.map((m) => [m, PAYMENT_STATUSES.filter((s) => isGoodFunds(m, s))]));
    expect(table).toEqual({
      check: ['cleared'],
      'certified-check': ['received', 'cleared'],
      'bank-draft': ['received', 'cleared'],
      'money-order': ['received', 'cleared'],
      wire: ['cleared'],
    });
  });
  it('§6a sums good, pending and returned funds in exact cents', () => {
    expect(
      summarizeFunds([
        { method: 'check', amount: '0.10', status: 'cleared' },
        { method: 'check', amount: '0.20', status: 'cleared' },
        { method: 'wire', amount: '1000', status: 'received' },
        { method: 'check', amount: '5.5', status: 'returned' },
      ]),
    ).toEqual({ good: 30, pending: 100_000, returned: 550, anyReturned: true });
  });
  it('§6a refuses an amount that is not whole cents', () => {
    expect(() => summarizeFunds([{ method: 'check', amount: '0.105', status: 'cleared' }])).toThrow(/two decimals/);
  });
});
