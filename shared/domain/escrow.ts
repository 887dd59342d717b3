/**
 * The escrow ledger (§6b): every dollar the agent holds moves by one ledger entry — deposited when
 * keyed, cleared when an uncertified check clears or a wire / DTC settlement is collected, returned
 * when it comes back unpaid, refunded to a holder, or paid to the company (§6c). Entry amounts are
 * positive; the kind says which way the money moves between five balances:
 *   pending   received, not yet good (an uncleared check, an uncollected wire or DTC settlement)
 *   good      good funds (§6a) held in escrow
 *   returned  came back unpaid: never held, never good
 *   refunded  gone back to holders
 *   paid      gone to the company
 * A payment keyed wrong is reversed: its 'reversed' entry takes its deposit back out of pending
 * (or good, for a method good on receipt) into no balance — it never was money held.
 * Held in escrow = pending + good. All sums are integer cents as bigint: exact at any size.
 */
import { parseCents } from './money';

export const ESCROW_METHODS = ['check', 'certified-check', 'bank-draft', 'money-order', 'wire', 'dtc'] as const;
export type EscrowMethod = (typeof ESCROW_METHODS)[number];

/** 'reversed': a deposit keyed wrong, taken back out of what is held (a payment reversal, migration 20). */
export const LEDGER_KINDS = ['deposited', 'cleared', 'returned', 'refunded', 'paid-to-company', 'reversed'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const ESCROW_BALANCES = ['pending', 'good', 'returned', 'refunded', 'paid'] as const;
export type EscrowBalance = (typeof ESCROW_BALANCES)[number];

/**
 * §6a: an uncertified check is good only once cleared, a wire (and a DTC settlement, which counts
 * like one) once collected; a certified check, bank draft or money order is good on receipt.
 */
export function clearsBeforeGood(method: EscrowMethod): boolean {
  return method === 'check' || method === 'wire' || method === 'dtc';
}

export const isEscrowMethod = (m: unknown): m is EscrowMethod => typeof m === 'string' && (ESCROW_METHODS as readonly string[]).includes(m);
export const isLedgerKind = (k: unknown): k is LedgerKind => typeof k === 'string' && (LEDGER_KINDS as readonly string[]).includes(k);

export interface LedgerLine {
  readonly kind: LedgerKind;
  readonly method: EscrowMethod;
  /** Dollars, positive, two decimals ("615.00"). */
  readonly amount: string;
  /** The business day the money moved (YYYY-MM-DD). */
  readonly businessDate: string;
}

export type Balances = Record<EscrowBalance, bigint>;

export const zeroBalances = (): Balances => ({ pending: 0n, good: 0n, returned: 0n, refunded: 0n, paid: 0n });

/** What one entry does to the five balances: cents out of one and into another (or only in, for a deposit). */
export function movementOf(kind: LedgerKind, method: EscrowMethod): { readonly from: EscrowBalance | null; readonly to: EscrowBalance | null } {
  switch (kind) {
    case 'deposited':
      return { from: null, to: clearsBeforeGood(method) ? 'pending' : 'good' };
    case 'cleared':
      return { from: 'pending', to: 'good' };
    case 'returned':
      return { from: 'pending', to: 'returned' };
    case 'refunded':
      return { from: 'good', to: 'refunded' };
    case 'paid-to-company':
      return { from: 'good', to: 'paid' };
    case 'reversed':
      // Out of where its deposit put it (a reversal is only of a payment not cleared or returned), into no balance.
      return { from: clearsBeforeGood(method) ? 'pending' : 'good', to: null };
  }
}

/** Applies one entry to `balances` in place. */
export function applyEntry(balances: Balances, line: LedgerLine): void {
  const cents = parseCents(line.amount);
  const { from, to } = movementOf(line.kind, line.method);
  if (from) balances[from] -= cents;
  if (to) balances[to] += cents;
}

/** Held in escrow: what is pending plus what is good. */
export const heldOf = (b: Balances): bigint => b.pending + b.good;

export interface DayFigures {
  readonly businessDate: string;
  /** Cents moved that day, by entry kind. */
  readonly moved: Record<LedgerKind, bigint>;
  /** The balances at the end of that day (running totals). */
  readonly closing: Balances;
}

export interface LedgerFigures {
  readonly entries: number;
  readonly byDay: readonly DayFigures[];
  readonly byMethod: Readonly<Record<EscrowMethod, Balances>>;
  readonly totals: Balances;
  /** Sum of every entry's cents by kind: what the balances are made of. */
  readonly byKind: Record<LedgerKind, bigint>;
}

const zeroKinds = (): Record<LedgerKind, bigint> => ({ deposited: 0n, cleared: 0n, returned: 0n, refunded: 0n, 'paid-to-company': 0n, reversed: 0n });

/** Balances by business day (with running totals), by method and overall, from the entries in any order. */
export function ledgerFigures(lines: readonly LedgerLine[]): LedgerFigures {
  const byMethod = Object.fromEntries(ESCROW_METHODS.map((m) => [m, zeroBalances()])) as Record<EscrowMethod, Balances>;
  const days = new Map<string, LedgerLine[]>();
  const byKind = zeroKinds();
  for (const line of lines) {
    applyEntry(byMethod[line.method], line);
    byKind[line.kind] += parseCents(line.amount);
    const day = days.get(line.businessDate);
    if (day) day.push(line);
    else days.set(line.businessDate, [line]);
  }
  const running = zeroBalances();
  const byDay: DayFigures[] = [];
  for (const date of [...days.keys()].sort()) {
    const moved = zeroKinds();
    for (const line of days.get(date) ?? []) {
      applyEntry(running, line);
      moved[line.kind] += parseCents(line.amount);
    }
    byDay.push({ businessDate: date, moved, closing: { ...running } });
  }
  return { entries: lines.length, byDay, byMethod, totals: { ...running }, byKind };
}
