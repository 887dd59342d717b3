/**
 * Money and exact decimals.
 *
 * Every amount is created from a string that matches a strict decimal pattern, never from a
 * JS number. Exact representations:
 * - `Dec`: a decimal.js clone (precision 34) for general arithmetic with named rounding;
 * - integer cents (minor units) for the settlement's hot path, where a million elections must
 *   be settled in seconds: as `bigint`, or as a JS number only while it is a safe integer
 *   (< 2^53, i.e. below $90 trillion), which every helper here checks.
 */
import Decimal from 'decimal.js';

/** The configured decimal.js clone used for all money in this codebase. */
export const Dec = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

/** A non-negative decimal string: digits, optionally a point and more digits ("615.00", "0.1", "1234"). */
export const DECIMAL_PATTERN = /^\d+(?:\.\d+)?$/;
/** A decimal string that may carry a leading minus sign. */
export const SIGNED_DECIMAL_PATTERN = /^-?\d+(?:\.\d+)?$/;

export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyError';
  }
}

/** True when `s` is a decimal string this codebase accepts (optionally signed). */
export function isDecimalString(s: unknown, { signed = false }: { signed?: boolean } = {}): s is string {
  return typeof s === 'string' && (signed ? SIGNED_DECIMAL_PATTERN : DECIMAL_PATTERN).test(s);
}

/** Number of digits after the decimal point of a decimal string ("5.10" ⇒ 2, "7" ⇒ 0). */
export function scaleOf(s: string): number {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Parses a decimal string into a `Dec`. Anything else (numbers included) is refused. */
export function dec(s: string): Dec {
  if (!isDecimalString(s, { signed: true })) {
    throw new MoneyError(`not a decimal string: ${JSON.stringify(s)}`);
  }
  return new Dec(s);
}

export type RoundingMode = 'half-up' | 'half-even' | 'down' | 'up';

const MODES: Record<RoundingMode, Decimal.Rounding> = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
};

/** Rounds to whole cents with the named mode (modes act on magnitude: half-up = away from zero at .5). */
export function roundCents(x: Dec, mode: RoundingMode): Dec {
  return x.toDecimalPlaces(2, MODES[mode]);
}

/** Whole shares from an exact quantity: always rounded down (§1b, §2b: no fractional shares or rights). */
export function floorShares(x: Dec): number {
  if (x.isNegative()) throw new MoneyError(`negative share quantity: ${x.toString()}`);
  const whole = x.toDecimalPlaces(0, Decimal.ROUND_DOWN);
  if (whole.greaterThan(Number.MAX_SAFE_INTEGER)) throw new MoneyError(`share quantity too large: ${whole.toString()}`);
  return whole.toNumber();
}

/**
 * Formats an amount that is already whole cents as "1234.50". An amount with fractions of a
 * cent is refused: round first, naming the mode.
 */
export function formatMoney(x: Dec): string {
  if (!x.equals(x.toDecimalPlaces(2))) throw new MoneyError(`not whole cents: ${x.toString()}; round first`);
  return x.toFixed(2);
}

/** Formats an exact decimal with at least `minScale` decimals and as many more as it needs. */
export function formatDecimal(x: Dec, minScale = 2): string {
  return x.toFixed(Math.max(minScale, x.decimalPlaces()));
}

// ---------------------------------------------------------------------------------------------
// Integer minor units (cents as bigint) and scaled integers.

/** An exact decimal as an integer numerator over 10^scale. */
export interface Scaled {
  readonly units: bigint;
  readonly scale: number;
}

/** Parses a non-negative decimal string into an exact scaled integer ("5.125" ⇒ 5125 / 10^3). */
export function parseScaled(s: string): Scaled {
  if (!isDecimalString(s)) throw new MoneyError(`not a non-negative decimal string: ${JSON.stringify(s)}`);
  const dot = s.indexOf('.');
  if (dot < 0) return { units: BigInt(s), scale: 0 };
  return { units: BigInt(s.slice(0, dot) + s.slice(dot + 1)), scale: s.length - dot - 1 };
}

/**
 * Parses a non-negative decimal string into units / 10^scale with `units` a JS number, when
 * `units` is a safe integer; otherwise null (use `parseScaled`).
 */
export function parseScaledNumber(s: string): { units: number; scale: number } | null {
  const n = s.length;
  let v = 0;
  let dot = -1;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c === 46 && dot < 0 && k > 0 && k < n - 1) dot = k;
    else if (c >= 48 && c <= 57) v = v * 10 + (c - 48);
    else throw new MoneyError(`not a non-negative decimal string: ${JSON.stringify(s)}`);
  }
  if (n === 0) throw new MoneyError('not a non-negative decimal string: ""');
  if (!Number.isSafeInteger(v)) return null;
  return { units: v, scale: dot < 0 ? 0 : n - dot - 1 };
}

const POW10: bigint[] = [];
/** 10^n as a bigint (cached). */
export function pow10(n: number): bigint {
  let p = POW10[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    POW10[n] = p;
  }
  return p;
}

/** Re-expresses a scaled integer at a larger scale (exact). */
export function rescale(x: Scaled, scale: number): bigint {
  if (scale < x.scale) throw new MoneyError(`cannot rescale ${x.scale} to ${scale} without rounding`);
  return x.units * pow10(scale - x.scale);
}

/**
 * Parses a money string into integer cents. At most two decimals: an amount of money received
 * or paid is whole cents; "615.005" is refused.
 */
export function parseCents(s: string): bigint {
  const x = parseScaled(s);
  if (x.scale > 2) throw new MoneyError(`more than two decimals in an amount of money: ${JSON.stringify(s)}`);
  return rescale(x, 2);
}

/**
 * Parses a money string (at most two decimals) into integer cents as a JS number, digit by
 * digit (no float parsing). Refuses amounts whose cents are not a safe integer.
 */
export function centsOf(s: string): number {
  // One pass validates and parses (no regex: this runs for every payment of a million elections).
  const n = s.length;
  let v = 0;
  let dot = -1;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c === 46 && dot < 0 && k > 0 && k < n - 1) dot = k;
    else if (c >= 48 && c <= 57) v = v * 10 + (c - 48);
    else throw new MoneyError(`not a non-negative decimal string: ${JSON.stringify(s)}`);
  }
  if (n === 0) throw new MoneyError('not a non-negative decimal string: ""');
  const scale = dot < 0 ? 0 : n - dot - 1;
  if (scale > 2) throw new MoneyError(`more than two decimals in an amount of money: ${JSON.stringify(s)}`);
  if (scale < 2) v *= scale === 0 ? 100 : 10;
  if (!Number.isSafeInteger(v)) throw new MoneyError(`amount too large to settle exactly: ${JSON.stringify(s)}`);
  return v;
}

/** Formats integer cents (a safe-integer number or a bigint) as "1234.50"; a minus sign when negative. */
export function formatCents(cents: number | bigint): string {
  if (typeof cents === 'number') {
    if (cents === 0) return '0.00';
    if (!Number.isSafeInteger(cents)) throw new MoneyError(`not a whole number of cents: ${cents}`);
    const negative = cents < 0;
    const abs = negative ? -cents : cents;
    const frac = abs % 100;
    return `${negative ? '-' : ''}${(abs - frac) / 100}.${frac < 10 ? '0' : ''}${frac}`;
  }
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = abs / 100n;
  const frac = abs % 100n;
  return `${negative ? '-' : ''}${whole.toString()}.${frac < 10n ? '0' : ''}${frac.toString()}`;
}

/** Integer division of non-negative bigints, rounded half-up (ties away from zero). */
export function divHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) throw new MoneyError('divHalfUp takes a non-negative numerator and a positive denominator');
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** Converts integer cents to a `Dec` (exact). */
export function centsToDec(cents: bigint): Dec {
  return new Dec(cents.toString()).dividedBy(100);
}

/** Converts a `Dec` that is whole cents to integer cents (exact; refuses fractions of a cent). */
export function decToCents(x: Dec): bigint {
  const c = x.times(100);
  if (!c.isInteger()) throw new MoneyError(`not whole cents: ${x.toString()}`);
  return BigInt(c.toFixed(0));
}
