import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { settle, settlementJson, settlementJsonChunks } from './settle';
import { parseScenario, type Scenario } from './scenario';
import { addHolder, oddLot, paid, xoRights } from './testing/scenarios';

function scenario(s: unknown): Scenario {
  const r = parseScenario(JSON.parse(JSON.stringify(s)));
  if (!r.ok) throw new Error(r.problem.message);
  return r.scenario;
}

describe('settlement JSON text', () => {
  it('equals JSON.stringify(…, null, 2) plus a newline, whatever the chunk size (1,000 runs)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 400 }), fc.boolean(), (holders, chunk, late) => {
        const s = xoRights({ maxShares: 100 });
        for (let k = 0; k < holders; k++) addHolder(s, k % 2 ? 'A' : 'C', '40', { receivedAt: late && k === 1 ? '2003-12-09T09:00' : '2003-12-01T10:15', basicShares: null, oversubscriptionShares: 30, payments: paid(70) }, `RT-${k}`);
        const settlement = settle(scenario(s));
        expect([...settlementJsonChunks(settlement, chunk)].join('')).toBe(`${JSON.stringify(settlement, null, 2)}\n`);
      }),
      { numRuns: 1000 },
    );
  });
  it('an empty book and an odd-lot program print the same way', () => {
    const empty = settle(scenario(xoRights()));
    expect(settlementJson(empty)).toBe(`${JSON.stringify(empty, null, 2)}\n`);
    expect(settlementJson(empty)).toContain('"certificates": [],');
    const s = oddLot();
    s.holders.push({ account: 'H-1', sharesOnRecordDate: 37, planShares: 0, tinCertified: true, country: 'US' });
    s.orders.push({ account: 'H-1', action: 'sell', receivedAt: '2003-12-01T11:00', transferDate: '2003-12-02' });
    const o = settle(scenario(s));
    expect(settlementJson(o)).toBe(`${JSON.stringify(o, null, 2)}\n`);
    expect(Object.keys(o)).toEqual(['format', 'orders', 'totals']);
  });
});
