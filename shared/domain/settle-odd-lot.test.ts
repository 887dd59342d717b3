import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec } from './money';
import { parseScenario, type OddLotScenario } from './scenario';
import { settleOddLot, type OddLotSettlement } from './settle-odd-lot';
import { oddLot } from './testing/scenarios';

function settle(s: unknown): OddLotSettlement {
  const r = parseScenario(s);
  if (!r.ok) throw new Error(`${r.problem.path}: ${r.problem.message}`);
  return settleOddLot(r.scenario as OddLotScenario);
}

type Order = OddLotScenario['orders'][number];
function withHolder(s: ReturnType<typeof oddLot>, account: string, shares: number, order: Partial<Order> | null, extra: { planShares?: number; tinCertified?: boolean } = {}) {
  s.holders.push({ account, sharesOnRecordDate: shares, planShares: extra.planShares ?? 0, tinCertified: extra.tinCertified ?? true, country: 'US' });
  if (order) s.orders.push({ account, action: 'sell', receivedAt: '2003-12-01T11:00', orderDate: '2003-12-01', orderPrice: '7.20', transferDate: '2003-12-02', ...order } as Order);
}

describe('odd-lot sale (notice: sell all at the close on the date of transfer less $0.65)', () => {
  it('odd-lot sell: all 37 shares at $7.05 − $0.65 = $6.40 a share', () => {
    const s = oddLot();
    withHolder(s, 'H-1', 37, { action: 'sell' });
    expect(settle(s).orders[0]).toEqual({
      account: 'H-1', status: 'accepted', codes: [], action: 'sell', shares: 37, pricePerShare: '6.40',
      gross: '260.85', fee: '24.05', net: '236.80', withholding: '0.00', payable: '236.80',
    });
  });
  it('§21 backup withholding: 24% of the net proceeds without a certified TIN, half-up to the cent', () => {
    const s = oddLot();
    withHolder(s, 'H-2', 37, { action: 'sell' }, { tinCertified: false });
    // 24% × 236.80 = 56.832 ⇒ 56.83
    expect(settle(s).orders[0]).toMatchObject({ net: '236.80', withholding: '56.83', payable: '179.97' });
  });
  it('§21 backup withholding rounds half-up: 25% of $0.10 = $0.025 ⇒ $0.03', () => {
    const s = oddLot();
    s.program.backupWithholdingRate = '0.25';
    s.prices.push({ date: '2003-12-03', close: '0.75' });
    withHolder(s, 'H-3', 1, { action: 'sell', transferDate: '2003-12-03' }, { tinCertified: false });
    expect(settle(s).orders[0]).toMatchObject({ gross: '0.75', fee: '0.65', net: '0.10', withholding: '0.03', payable: '0.07' });
  });
  it('money is rounded half-up only at the end of each line: 3 × $1.005 = $3.015 ⇒ $3.02', () => {
    const s = oddLot();
    s.prices.push({ date: '2003-12-04', close: '1.005' });
    withHolder(s, 'H-4', 3, { action: 'sell', transferDate: '2003-12-04' }, { tinCertified: false });
    // price per share 0.355 unrounded; gross 3.02, fee 1.95, net 1.07; withholding 24% × 1.07 = 0.2568 ⇒ 0.26.
    expect(settle(s).orders[0]).toMatchObject({ pricePerShare: '0.355', gross: '3.02', fee: '1.95', net: '1.07', withholding: '0.26', payable: '0.81' });
  });
  it('a sale whose close does not exceed the fee is rejected PRICE_BELOW_FEE', () => {
    const s = oddLot();
    s.prices.push({ date: '2003-12-05', close: '0.65' });
    withHolder(s, 'H-5', 10, { action: 'sell', transferDate: '2003-12-05' });
    expect(settle(s).orders[0]).toMatchObject({ status: 'rejected', codes: ['PRICE_BELOW_FEE'], shares: 0, gross: '0.00', payable: '0.00' });
  });
});

describe('odd-lot buy-up (notice: up to exactly 100 at the greater of the close and the order-date price, plus $0.65)', () => {
  it('odd-lot buy-up: 60 owned ⇒ 40 bought at max($7.05, $7.20) + $0.65 = $7.85', () => {
    const s = oddLot();
    withHolder(s, 'H-6', 60, { action: 'buy-up', orderPrice: '7.20' });
    expect(settle(s).orders[0]).toEqual({
      account: 'H-6', status: 'accepted', codes: [], action: 'buy-up', shares: 40, pricePerShare: '7.85',
      gross: '288.00', fee: '26.00', net: '314.00', withholding: '0.00', payable: '314.00',
    });
  });
  it('odd-lot buy-up: the close wins when it is higher than the order-date price', () => {
    const s = oddLot();
    withHolder(s, 'H-7', 45, { action: 'buy-up', orderPrice: '6.90' }, { tinCertified: false });
    expect(settle(s).orders[0]).toMatchObject({ shares: 55, pricePerShare: '7.70', gross: '387.75', fee: '35.75', net: '423.50', withholding: '0.00', payable: '423.50' });
  });
});

describe('odd-lot eligibility', () => {
  it('odd-lot eligibility: 1–99 shares on the record date; 100 or more, or none, is NOT_ODD_LOT', () => {
    const s = oddLot();
    withHolder(s, 'H-1', 1, {});
    withHolder(s, 'H-99', 99, {});
    withHolder(s, 'H-100', 100, {});
    withHolder(s, 'H-150', 150, {});
    withHolder(s, 'H-0', 0, {});
    expect(settle(s).orders.map((o) => [o.account, o.status, o.codes])).toEqual([
      ['H-1', 'accepted', []],
      ['H-99', 'accepted', []],
      ['H-100', 'rejected', ['NOT_ODD_LOT']],
      ['H-150', 'rejected', ['NOT_ODD_LOT']],
      ['H-0', 'rejected', ['NOT_ODD_LOT']],
    ]);
  });
  it('odd-lot eligibility: shares in an employee benefit plan are excluded', () => {
    const s = oddLot();
    withHolder(s, 'H-P1', 120, { action: 'sell' }, { planShares: 30 });
    withHolder(s, 'H-P2', 20, { action: 'sell' }, { planShares: 20 });
    const r = settle(s);
    expect(r.orders[0]).toMatchObject({ status: 'accepted', shares: 90 });
    expect(r.orders[1]).toMatchObject({ status: 'rejected', codes: ['NOT_ODD_LOT'] });
  });
  it('odd-lot expiry: 5:00 p.m. Eastern on 2004-03-05; 17:01 is LATE', () => {
    const s = oddLot();
    withHolder(s, 'H-L1', 10, { receivedAt: '2004-03-05T17:00' });
    withHolder(s, 'H-L2', 10, { receivedAt: '2004-03-05T17:01' });
    expect(settle(s).orders.map((o) => o.codes)).toEqual([[], ['LATE']]);
  });
  it('odd-lot: one order per account — the first received counts, later ones are DUPLICATE_ORDER', () => {
    const s = oddLot();
    withHolder(s, 'H-D', 10, { receivedAt: '2003-12-03T09:00', action: 'buy-up' });
    s.orders.push({ account: 'H-D', action: 'sell', receivedAt: '2003-12-01T09:00', transferDate: '2003-12-02' });
    const r = settle(s);
    expect(r.orders.map((o) => [o.action, o.status, o.codes])).toEqual([
      ['buy-up', 'rejected', ['DUPLICATE_ORDER']],
      ['sell', 'accepted', []],
    ]);
  });
  it('odd-lot: no close for the date of transfer ⇒ NO_PRICE; every reason is listed', () => {
    const s = oddLot();
    withHolder(s, 'H-N', 150, { receivedAt: '2004-03-06T09:00', transferDate: '2004-03-08' });
    expect(settle(s).orders[0]).toMatchObject({ status: 'rejected', codes: ['NOT_ODD_LOT', 'LATE', 'NO_PRICE'], shares: 0 });
  });
});

describe('odd-lot totals', () => {
  it('totals add up the lines: sales, withholding, buy-ups and fees', () => {
    const s = oddLot();
    withHolder(s, 'H-1', 37, { action: 'sell' });
    withHolder(s, 'H-2', 37, { action: 'sell' }, { tinCertified: false });
    withHolder(s, 'H-6', 60, { action: 'buy-up', orderPrice: '7.20' });
    withHolder(s, 'H-X', 150, { action: 'sell' });
    expect(settle(s).totals).toEqual({
      orders: 4, accepted: 3, rejected: 1, sharesSold: 74, sharesBought: 40,
      saleGross: '521.70', saleFees: '48.10', saleNet: '473.60', withholding: '56.83', salePayable: '416.77',
      purchaseGross: '288.00', purchaseFees: '26.00', purchaseDue: '314.00', fees: '74.10',
    });
  });
});

const price = fc.integer({ min: 1, max: 5_000_000 }).chain((units) => fc.constantFrom(2, 3, 4).map((scale) => new Dec(units).dividedBy(new Dec(10).pow(scale)).toFixed(scale)));

describe('odd-lot invariants (fast-check)', () => {
  it('property: whole shares; net = gross ∓ fee; payable = net − withholding for sales, = net for buy-ups; rejected lines are zero (2,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ shares: fc.integer({ min: 0, max: 150 }), plan: fc.integer({ min: 0, max: 20 }), tin: fc.boolean(), action: fc.constantFrom('sell', 'buy-up'), orderPrice: price, close: fc.option(price, { nil: null }) }), { maxLength: 10 }),
        fc.constantFrom('0.65', '0.5', '0.125', '0'),
        (lines, fee) => {
          const s = oddLot();
          s.program.processingFeePerShare = fee;
          s.prices = [];
          lines.forEach((l, k) => {
            const date = `2003-12-${String(k + 1).padStart(2, '0')}`;
            if (l.close !== null) s.prices.push({ date, close: l.close });
            withHolder(s, `H-${k}`, l.shares, { action: l.action as 'sell', orderPrice: l.orderPrice, transferDate: date }, { planShares: Math.min(l.plan, l.shares), tinCertified: l.tin });
          });
          const r = settle(s);
          expect(r.orders).toHaveLength(lines.length);
          r.orders.forEach((o) => {
            expect(Number.isSafeInteger(o.shares) && o.shares >= 0 && o.shares < 100).toBe(true);
            const [gross, f, net, w, pay] = [o.gross, o.fee, o.net, o.withholding, o.payable].map((x) => new Dec(x));
            if (o.status === 'rejected') {
              expect(o.codes.length).toBeGreaterThan(0);
              expect([gross, f, net, w, pay].every((x) => x!.isZero())).toBe(true);
              return;
            }
            expect(o.codes).toEqual([]);
            if (o.action === 'sell') {
              expect(net!.equals(gross!.minus(f!))).toBe(true);
              expect(pay!.equals(net!.minus(w!))).toBe(true);
              expect(net!.isNegative()).toBe(false);
            } else {
              expect(net!.equals(gross!.plus(f!))).toBe(true);
              expect(pay!.equals(net!)).toBe(true);
              expect(w!.isZero()).toBe(true);
            }
          });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
