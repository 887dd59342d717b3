// How the batch control screen says figures: dollars grouped from decimal text (never a float),
// payment methods and envelope sources in words, a New York stamp as MM/DD/YYYY h:mm a.m.
import { groupDecimal } from '../../register/format';

export const dollars = (amount: string): string => `$${groupDecimal(amount)}`;
export const whole = (n: number): string => n.toLocaleString('en-US');

const METHODS: Readonly<Record<string, string>> = {
  check: 'Check',
  'certified-check': 'Certified check',
  'bank-draft': 'Bank draft',
  'money-order': 'Money order',
  wire: 'Wire',
  dtc: 'DTC settlement',
};
export const methodLabel = (m: string): string => METHODS[m] ?? m;

const SOURCES: Readonly<Record<string, string>> = { mail: 'Mail', courier: 'Courier', hand: 'By hand', phone: 'Phone', broker: 'Broker', dtc: 'DTC' };
export const sourceLabel = (s: string): string => SOURCES[s] ?? s;

/** "2003-11-20T13:40" → "11/20/2003 1:40 p.m." (New York, as stamped). */
export function stampLabel(wall: string): string {
  const hour = Number.parseInt(wall.slice(11, 13), 10);
  return `${wall.slice(5, 7)}/${wall.slice(8, 10)}/${wall.slice(0, 4)} ${hour % 12 === 0 ? 12 : hour % 12}:${wall.slice(14, 16)} ${hour < 12 ? 'a.m.' : 'p.m.'}`;
}

/** "balanced", "1 short", "2 over". */
export const balanceLabel = (difference: number): string => (difference === 0 ? 'balanced' : `${Math.abs(difference)} ${difference < 0 ? 'short' : 'over'}`);
