/**
 * A price per share against amounts in integer cents, exactly: how many whole shares an amount
 * covers, and what a number of shares costs. Prices may carry up to six decimals ("0.0125").
 */
import { MAX_EXACT, mulDiv, mulDivHalfUp } from './integers';
import { MoneyError, parseScaled } from './money';

export interface SharePrice {
  /** The decimal string it was read from ("5.00"). */
  readonly text: string;
  /** The price in units of 10^-scale dollars, scale ≥ 2 ("5.00" ⇒ 500 at scale 2). */
  readonly units: number;
  readonly scale: number;
  /** 10^(scale − 2): how many price units make one cent. */
  readonly perCent: number;
}

export const MAX_PRICE_SCALE = 6;

export function sharePrice(text: string): SharePrice {
  const p = parseScaled(text);
  if (p.units <= 0n) throw new MoneyError(`a price per share must be positive, got ${JSON.stringify(text)}`);
  if (p.scale > MAX_PRICE_SCALE) throw new MoneyError(`a price per share has at most ${MAX_PRICE_SCALE} decimals, got ${JSON.stringify(text)}`);
  const scale = Math.max(2, p.scale);
  const units = p.units * 10n ** BigInt(scale - p.scale);
  if (units > BigInt(2 ** 52)) throw new MoneyError(`price per share too large: ${JSON.stringify(text)}`);
  return { text, units: Number(units), scale, perCent: 10 ** (scale - 2) };
}

/** §4b: the largest whole number of shares an amount (integer cents) pays for in full. */
export function sharesCovered(cents: number, price: SharePrice): number {
  if (cents <= 0) return 0;
  return mulDiv(cents, price.perCent, price.units);
}

/**
 * The cost of `shares` in integer cents. Exact when the price is whole cents; otherwise rounded
 * half-up to the cent — never above an amount that `sharesCovered` said covers those shares.
 */
export function costCents(shares: number, price: SharePrice): number {
  const cents = price.perCent === 1 ? mulDiv(shares, price.units, 1) : mulDivHalfUp(shares, price.units, price.perCent);
  if (cents > MAX_EXACT) throw new MoneyError(`cost of ${shares} shares is too large to settle exactly`);
  return cents;
}
