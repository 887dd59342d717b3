/**
 * Good funds (§6a). The Subscription Price counts as paid only upon:
 *  (x) clearance of an uncertified check;
 *  (y) receipt of a certified check, bank draft or money order;
 *  (z) receipt of collected funds by wire.
 * A returned check (NSF, stopped) is never good funds and is not held: it goes back to the payer.
 */
import { centsOf, MoneyError } from './money';

export const PAYMENT_METHODS = ['check', 'certified-check', 'bank-draft', 'money-order', 'wire'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_STATUSES = ['received', 'cleared', 'returned'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export interface Payment {
  readonly method: PaymentMethod;
  /** Dollars as a decimal string, whole cents ("615.00"). */
  readonly amount: string;
  readonly status: PaymentStatus;
}

/** §6a: whether a payment in this method and status is paid (good funds). */
export function isGoodFunds(method: PaymentMethod, status: PaymentStatus): boolean {
  if (status === 'returned') return false;
  switch (method) {
    case 'check':
      return status === 'cleared'; // (x) uncertified: only once cleared
    case 'certified-check':
    case 'bank-draft':
    case 'money-order':
      return true; // (y) on receipt
    case 'wire':
      return status === 'cleared'; // (z) collected funds
  }
}

/** What a set of payments amounts to, in integer cents. */
export interface FundsSummary {
  /** Good funds: counted toward the subscription (§6a). */
  readonly good: number;
  /** Received but not yet good (an uncleared check, an uncollected wire): held, neither applied nor refunded. */
  readonly pending: number;
  /** Returned unpaid: never held. */
  readonly returned: number;
  readonly anyReturned: boolean;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Sums one election's payments by kind into `out` (no allocation). Throws a MoneyError if a total is beyond exact integer cents. */
export function summarizeFundsInto(out: Writable<FundsSummary>, payments: readonly Payment[]): void {
  let good = 0;
  let pending = 0;
  let returned = 0;
  let anyReturned = false;
  for (let k = 0; k < payments.length; k++) {
    const p = payments[k]!;
    const cents = centsOf(p.amount);
    if (isGoodFunds(p.method, p.status)) good += cents;
    else if (p.status === 'returned') {
      returned += cents;
      anyReturned = true;
    } else pending += cents;
  }
  if (!Number.isSafeInteger(good + pending + returned)) throw new MoneyError('payments of one election add up to more than can be settled exactly');
  out.good = good;
  out.pending = pending;
  out.returned = returned;
  out.anyReturned = anyReturned;
}

/** Sums one election's payments by kind. Throws a MoneyError if a total is beyond exact integer cents. */
export function summarizeFunds(payments: readonly Payment[]): FundsSummary {
  const out = { good: 0, pending: 0, returned: 0, anyReturned: false };
  summarizeFundsInto(out, payments);
  return out;
}
