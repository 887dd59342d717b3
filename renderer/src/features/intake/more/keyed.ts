/** Shared by the DTC, guaranteed-delivery and odd-lot forms: what the clerk typed, as main takes it. */
import { parseKeyedShares, plainDecimal } from '../../../lib/amounts';
import type { FieldCheck } from '../../../lib/validation';

/** A whole number of shares keyed as digits (commas allowed); `optional` lets blank pass. */
export const sharesCheck =
  <V>(label: string, optional = false): FieldCheck<V> =>
  (v) => {
    if (v.trim() === '') return optional ? null : `${label} is required`;
    return parseKeyedShares(v) === null ? `${label}: type a whole number of shares, digits only` : null;
  };

/** Dollars and cents keyed as `1234.5` or `1,234.50`. */
export const moneyCheck =
  <V>(label: string): FieldCheck<V> =>
  (v) => {
    const plain = plainDecimal(v);
    if (plain === '') return `${label} is required`;
    if (!/^\d{1,12}(\.\d{1,2})?$/.test(plain)) return `${label}: type dollars and cents, e.g. 1234.50`;
    return /^0+(\.0*)?$/.test(plain) ? `${label} must be more than zero` : null;
  };

export const requiredText =
  <V>(label: string, pattern?: RegExp, hint?: string): FieldCheck<V> =>
  (v) => {
    if (v.trim() === '') return `${label} is required`;
    return pattern && !pattern.test(v.trim()) ? `${label}: ${hint ?? 'not valid'}` : null;
  };

export const sharesOf = (v: string): number => parseKeyedShares(v) ?? 0;
export const yes = (v: string): boolean => v === 'yes';

/** A certificate number as printed; "8" or "rt8" is read as RT-000008. */
export function keyedCertificate(v: string): string {
  const t = v.trim().toUpperCase();
  const digits = /^(?:RT-?)?(\d{1,9})$/.exec(t);
  return digits ? `RT-${digits[1]!.padStart(6, '0')}` : t;
}
