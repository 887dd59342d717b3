/**
 * Settlement of an odd-lot program (shared/contracts/SETTLE.md, odd-lot; the notice 000_…):
 * holders of 1–99 shares sell all, or buy up to a round lot, at the close on the date of
 * transfer, with a processing fee per share and backup withholding on sale proceeds without a
 * certified TIN.
 *
 * Decisions where the contract is silent (a paying agent's reading):
 * - One order per account: the earliest received counts (ties: the one listed first); every
 *   other order of that account is rejected DUPLICATE_ORDER.
 * - A rejected order lists every reason that applies, in the order NOT_ODD_LOT, LATE,
 *   DUPLICATE_ORDER, NO_PRICE, PRICE_BELOW_FEE.
 * - Rounding: gross and fee are each computed exactly (shares × price) and rounded half-up to the
 *   cent; net = gross − fee (sale) or gross + fee (buy-up) of those cents, so every line adds up;
 *   withholding = rate × net rounded half-up. The price per share is not rounded.
 * - Excluded jurisdictions are not part of scenario@1: the program's terms carry them and the book
 *   refuses such orders before they reach a settlement.
 */
import type { OddLotCode } from './deficiencies';
import { Dec, dec, formatDecimal, formatMoney, roundCents } from './money';
import { SETTLEMENT_FORMAT, ScenarioError, type OddLotAction, type OddLotScenario } from './scenario';
import { WallClock } from './time';

export interface OddLotOrderSettlement {
  readonly account: string;
  readonly status: 'accepted' | 'rejected';
  readonly codes: readonly OddLotCode[];
  readonly action: OddLotAction;
  readonly shares: number;
  readonly pricePerShare: string;
  readonly gross: string;
  readonly fee: string;
  readonly net: string;
  readonly withholding: string;
  readonly payable: string;
}

export interface OddLotTotals {
  readonly orders: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly sharesSold: number;
  readonly sharesBought: number;
  /** Sales: gross proceeds, processing fees, net proceeds, backup withholding, paid to holders. */
  readonly saleGross: string;
  readonly saleFees: string;
  readonly saleNet: string;
  readonly withholding: string;
  readonly salePayable: string;
  /** Buy-ups: cost of the shares, processing fees, and what holders owe in all. */
  readonly purchaseGross: string;
  readonly purchaseFees: string;
  readonly purchaseDue: string;
  /** All processing fees (sales and buy-ups). */
  readonly fees: string;
}

export interface OddLotSettlement {
  readonly format: typeof SETTLEMENT_FORMAT;
  readonly orders: readonly OddLotOrderSettlement[];
  readonly totals: OddLotTotals;
}

const ZERO = new Dec(0);

/** Shares an accepted order moves: a sale sells every eligible share; a buy-up buys up to the round lot. */
export function oddLotOrderShares(action: OddLotAction, eligibleShares: number, roundLot: number): number {
  return action === 'sell' ? eligibleShares : roundLot - eligibleShares;
}

function fail(path: string, message: string): never {
  throw new ScenarioError({ path, message });
}

/** Settles a validated odd-lot scenario (see `parseScenario`). Orders come out in the order given. */
export function settleOddLot(scenario: OddLotScenario): OddLotSettlement {
  const program = scenario.program;
  const clock = new WallClock(program.timeZone);
  const expiresAt = clock.instant(program.expiresAt);
  const feePerShare = dec(program.processingFeePerShare);
  const rate = dec(program.backupWithholdingRate);
  const roundLot = program.roundLot;

  const closes = new Map<string, Dec>();
  for (const p of scenario.prices) closes.set(p.date, dec(p.close));
  const holders = new Map(scenario.holders.map((h) => [h.account, h]));

  // The order that counts for each account: earliest received, then first listed.
  const received = scenario.orders.map((o, i) => clock.tryInstant(o.receivedAt) ?? fail(`orders[${i}].receivedAt`, `not a time in ${program.timeZone}: "${o.receivedAt}"`));
  const primary = new Map<string, number>();
  scenario.orders.forEach((o, i) => {
    const current = primary.get(o.account);
    if (current === undefined || received[i]! < received[current]!) primary.set(o.account, i);
  });

  let accepted = 0;
  let sharesSold = 0;
  let sharesBought = 0;
  let saleGross = ZERO;
  let saleFees = ZERO;
  let saleNet = ZERO;
  let withholdingTotal = ZERO;
  let salePayable = ZERO;
  let purchaseGross = ZERO;
  let purchaseFees = ZERO;
  let purchaseDue = ZERO;

  const orders = scenario.orders.map((o, i): OddLotOrderSettlement => {
    const holder = holders.get(o.account) ?? fail(`orders[${i}].account`, `unknown account "${o.account}"`);
    const eligible = holder.sharesOnRecordDate - holder.planShares;
    const close = closes.get(o.transferDate);
    const codes: OddLotCode[] = []; // pushed in the catalog's order (deficiencies.ts)
    if (eligible < 1 || eligible > roundLot - 1) codes.push('NOT_ODD_LOT');
    if (received[i]! > expiresAt) codes.push('LATE');
    if (primary.get(o.account) !== i) codes.push('DUPLICATE_ORDER');
    if (close === undefined) codes.push('NO_PRICE');
    else if (o.action === 'sell' && close.lessThanOrEqualTo(feePerShare)) codes.push('PRICE_BELOW_FEE');

    if (codes.length > 0 || close === undefined) {
      return { account: o.account, status: 'rejected', codes, action: o.action, shares: 0, pricePerShare: '0.00', gross: '0.00', fee: '0.00', net: '0.00', withholding: '0.00', payable: '0.00' };
    }
    accepted += 1;
    if (o.action === 'sell') {
      // Sell all eligible shares at the close less the fee.
      const shares = oddLotOrderShares('sell', eligible, roundLot);
      const gross = roundCents(close.times(shares), 'half-up');
      const fee = roundCents(feePerShare.times(shares), 'half-up');
      const net = gross.minus(fee);
      const withholding = holder.tinCertified ? ZERO : roundCents(rate.times(net), 'half-up');
      const payable = net.minus(withholding);
      sharesSold += shares;
      saleGross = saleGross.plus(gross);
      saleFees = saleFees.plus(fee);
      saleNet = saleNet.plus(net);
      withholdingTotal = withholdingTotal.plus(withholding);
      salePayable = salePayable.plus(payable);
      return {
        account: o.account, status: 'accepted', codes, action: 'sell', shares,
        pricePerShare: formatDecimal(close.minus(feePerShare)),
        gross: formatMoney(gross), fee: formatMoney(fee), net: formatMoney(net),
        withholding: formatMoney(withholding), payable: formatMoney(payable),
      };
    }
    // Buy up to the round lot at the greater of the close and the order-date price, plus the fee.
    const shares = oddLotOrderShares('buy-up', eligible, roundLot);
    const orderPrice = o.orderPrice === undefined ? close : dec(o.orderPrice);
    const base = Dec.max(close, orderPrice);
    const gross = roundCents(base.times(shares), 'half-up');
    const fee = roundCents(feePerShare.times(shares), 'half-up');
    const net = gross.plus(fee);
    sharesBought += shares;
    purchaseGross = purchaseGross.plus(gross);
    purchaseFees = purchaseFees.plus(fee);
    purchaseDue = purchaseDue.plus(net);
    return {
      account: o.account, status: 'accepted', codes, action: 'buy-up', shares,
      pricePerShare: formatDecimal(base.plus(feePerShare)),
      gross: formatMoney(gross), fee: formatMoney(fee), net: formatMoney(net),
      withholding: '0.00', payable: formatMoney(net),
    };
  });

  return {
    format: SETTLEMENT_FORMAT,
    orders,
    totals: {
      orders: orders.length,
      accepted,
      rejected: orders.length - accepted,
      sharesSold,
      sharesBought,
      saleGross: formatMoney(saleGross),
      saleFees: formatMoney(saleFees),
      saleNet: formatMoney(saleNet),
      withholding: formatMoney(withholdingTotal),
      salePayable: formatMoney(salePayable),
      purchaseGross: formatMoney(purchaseGross),
      purchaseFees: formatMoney(purchaseFees),
      purchaseDue: formatMoney(purchaseDue),
      fees: formatMoney(saleFees.plus(purchaseFees)),
    },
  };
}
