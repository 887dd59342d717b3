/**
 * How intake prints say figures and times: dollars with thousands separators from decimal text
 * (never through a float), shares grouped, New York wall times in words, payment methods and
 * sources as a holder reads them.
 */
import { instantToWallTime } from '../../../../shared/domain';
import { groupDigits } from '../../pdf/certificate-doc';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1234.50" → "$1,234.50"; a minus sign stays in front. */
export function dollars(amount: string): string {
  const negative = amount.startsWith('-');
  const [whole = '0', cents = '00'] = (negative ? amount.slice(1) : amount).split('.');
  return `${negative ? '-' : ''}$${groupDigits(whole)}.${cents.padEnd(2, '0')}`;
}

export const shares = (n: number): string => groupDigits(String(n));

/** "2003-11-20" → "November 20, 2003". */
export function dateInWords(date: string): string {
  const [y, m, d] = date.split('-').map((p) => Number.parseInt(p, 10)) as [number, number, number];
  return `${MONTHS[m - 1] ?? ''} ${d}, ${y}`;
}

/** "2003-11-20T09:15" → "November 20, 2003, 9:15 a.m. New York time". */
export function wallInWords(wall: string): string {
  const hour = Number.parseInt(wall.slice(11, 13), 10);
  const time = `${hour % 12 === 0 ? 12 : hour % 12}:${wall.slice(14, 16)} ${hour < 12 ? 'a.m.' : 'p.m.'}`;
  return `${dateInWords(wall.slice(0, 10))}, ${time} New York time`;
}

/** An instant (ISO UTC) as New York wall time in words. */
export const instantInWords = (iso: string): string => wallInWords(instantToWallTime(Date.parse(iso)));

const METHOD_LABELS: Readonly<Record<string, string>> = {
  check: 'Check',
  'certified-check': 'Certified check',
  'bank-draft': 'Bank draft',
  'money-order': 'Money order',
  wire: 'Wire',
  dtc: 'DTC settlement',
  total: 'Total',
};

export const methodLabel = (method: string): string => METHOD_LABELS[method] ?? method;

const SOURCE_LABELS: Readonly<Record<string, string>> = { mail: 'Mail', courier: 'Courier', hand: 'By hand', phone: 'Phone', broker: 'Broker', dtc: 'DTC' };

export const sourceLabel = (source: string): string => SOURCE_LABELS[source] ?? source;

/** Zero cents reads as no amount at all. */
export const isZero = (amount: string): boolean => /^0+(\.0+)?$/.test(amount);
