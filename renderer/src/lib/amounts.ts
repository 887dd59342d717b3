/**
 * Amounts as clerks key them. Money and rates stay decimal strings from keyboard to main (never
 * JS numbers); share counts are whole numbers.
 */

const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;

/** What a clerk keyed as an amount, without grouping commas, a dollar sign or spaces ("1,234.5" → "1234.5"). */
export const plainDecimal = (text: string): string => text.trim().replace(/[,$\s]/g, '');

/** True when the keyed text reads as a plain decimal (after commas, $ and spaces are dropped). */
export const readsAsDecimal = (text: string): boolean => PLAIN_DECIMAL.test(plainDecimal(text));

/** Money as shown once the clerk leaves the field: `5` → `5.00`, `1234.5` → `1,234.50`; anything that does not read is left as keyed. */
export function normalizeMoney(text: string): string {
  const plain = plainDecimal(text);
  const m = /^(\d+)(?:\.(\d*))?$/.exec(plain);
  if (!m) return text;
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  const fraction = (m[2] ?? '').padEnd(2, '0');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

/** Moves the decimal point of a plain decimal string `places` to the right (negative: left), exactly. */
export function shiftDecimal(s: string, places: number): string | null {
  if (!PLAIN_DECIMAL.test(s)) return null;
  const [whole = '', fraction = ''] = s.split('.');
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fracPart = digits.slice(point).replace(/0+$/, '');
  return fracPart === '' ? intPart : `${intPart}.${fracPart}`;
}

/** A percent as keyed ("24", "24.5%") → the rate the terms keep ("0.24", "0.245"); null when it does not read. */
export const percentToRate = (percent: string): string | null => shiftDecimal(plainDecimal(percent).replace(/%$/, ''), -2);

/** A rate from the terms ("0.24") → the percent shown ("24"). */
export const rateToPercent = (rate: string): string => shiftDecimal(rate, 2) ?? rate;

/** A share count keyed as digits (grouping commas and spaces allowed): `43,333,333` → 43333333; null when it does not read. */
export function parseKeyedShares(text: string): number | null {
  const plain = text.trim().replace(/[,\s]/g, '');
  return /^\d{1,15}$/.test(plain) ? Number.parseInt(plain, 10) : null;
}

/** A share count as shown once the clerk leaves the field: `43333333` → `43,333,333`; anything that does not read is left as keyed. */
export function normalizeShares(text: string): string {
  const shares = parseKeyedShares(text);
  return shares === null ? text : shares.toLocaleString('en-US');
}
