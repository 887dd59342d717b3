/**
 * The escrow ledger's tie-out: the ledger against what it records. Every payment has exactly one
 * 'deposited' entry of its method and amount; every clearance or return has exactly one entry of
 * its kind for that payment, of the payment's amount; no clearing entry stands without what it
 * records; no balance goes below zero; a supervisor's split sums exactly to its payment. A ledger
 * that does not tie says so, with each difference named — never hidden.
 */
import { applyEntry, zeroBalances, type Balances, type EscrowBalance, type EscrowMethod, type LedgerKind } from './escrow';
import { formatCents, parseCents } from './money';

export interface TiePayment {
  readonly id: number;
  readonly method: EscrowMethod;
  readonly amount: string;
  /** Withdrawn as keyed wrong (a payment reversal): its one 'reversed' entry takes its deposit back out. */
  readonly reversed?: boolean;
}

export interface TieEvent {
  readonly id: number;
  readonly paymentId: number;
  readonly kind: 'cleared' | 'returned';
}

export interface TieEntry {
  readonly id: number;
  readonly kind: LedgerKind;
  readonly method: EscrowMethod;
  readonly amount: string;
  readonly businessDate: string;
  readonly paymentId: number | null;
}

export interface TieAllocation {
  readonly paymentId: number;
  readonly amount: string;
}

export const DIFFERENCE_CODES = [
  'NO_DEPOSIT_ENTRY', 'EXTRA_DEPOSIT_ENTRY', 'NO_EVENT_ENTRY', 'EXTRA_EVENT_ENTRY', 'ENTRY_WITHOUT_EVENT',
  'ENTRY_WITHOUT_PAYMENT', 'AMOUNT_DIFFERS', 'METHOD_DIFFERS', 'BALANCE_BELOW_ZERO', 'SPLIT_DOES_NOT_SUM',
] as const;
export type DifferenceCode = (typeof DIFFERENCE_CODES)[number];

export interface TieDifference {
  readonly code: DifferenceCode;
  readonly paymentId: number | null;
  readonly entryId: number | null;
  /** In words: what was expected and what the ledger holds. */
  readonly message: string;
}

export interface TieOutResult {
  readonly ties: boolean;
  readonly payments: number;
  readonly events: number;
  readonly entries: number;
  readonly differences: readonly TieDifference[];
}

const money = (amount: string) => `$${formatCents(parseCents(amount))}`;

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** One payment's entries of one kind against the one the book says there should be (or none). */
function checkEntries(p: TiePayment, kind: LedgerKind, expected: boolean, entries: readonly TieEntry[], out: TieDifference[]): void {
  const label = `Payment #${p.id} (${p.method}, ${money(p.amount)})`;
  if (expected && entries.length === 0) {
    const code = kind === 'deposited' ? 'NO_DEPOSIT_ENTRY' : 'NO_EVENT_ENTRY';
    out.push({ code, paymentId: p.id, entryId: null, message: `${label}: no '${kind}' ledger entry` });
  }
  if (!expected) {
    for (const e of entries) out.push({ code: 'ENTRY_WITHOUT_EVENT', paymentId: p.id, entryId: e.id, message: `Ledger entry #${e.id} says ${label} was ${kind}, but no such event is recorded` });
    return;
  }
  for (const extra of entries.slice(1)) {
    const code = kind === 'deposited' ? 'EXTRA_DEPOSIT_ENTRY' : 'EXTRA_EVENT_ENTRY';
    out.push({ code, paymentId: p.id, entryId: extra.id, message: `Ledger entry #${extra.id}: a second '${kind}' entry for ${label}` });
  }
  for (const e of entries) {
    if (parseCents(e.amount) !== parseCents(p.amount)) out.push({ code: 'AMOUNT_DIFFERS', paymentId: p.id, entryId: e.id, message: `Ledger entry #${e.id} (${kind}) is ${money(e.amount)}; ${label} is ${money(p.amount)}` });
    if (e.method !== p.method) out.push({ code: 'METHOD_DIFFERS', paymentId: p.id, entryId: e.id, message: `Ledger entry #${e.id} (${kind}) says ${e.method}; ${label} is ${p.method}` });
  }
}

const PAYMENT_KINDS: readonly LedgerKind[] = ['deposited', 'cleared', 'returned', 'reversed'];

/** Runs the balances forward day by day and names the first day each one goes below zero. */
function checkBalances(entries: readonly TieEntry[], out: TieDifference[]): void {
  const sorted = [...entries].sort((a, b) => (a.businessDate < b.businessDate ? -1 : a.businessDate > b.businessDate ? 1 : a.id - b.id));
  const running: Balances = zeroBalances();
  const reported = new Set<EscrowBalance>();
  let k = 0;
  while (k < sorted.length) {
    const day = sorted[k]!.businessDate;
    for (; k < sorted.length && sorted[k]!.businessDate === day; k++) applyEntry(running, sorted[k]!);
    for (const balance of ['pending', 'good'] as const) {
      if (running[balance] < 0n && !reported.has(balance)) {
        reported.add(balance);
        out.push({ code: 'BALANCE_BELOW_ZERO', paymentId: null, entryId: null, message: `The ${balance === 'good' ? 'good funds' : 'received-not-yet-good'} balance is $${formatCents(running[balance])} at the end of ${day}: more left it than came in` });
      }
    }
  }
}

function checkSplits(payments: ReadonlyMap<number, TiePayment>, allocations: readonly TieAllocation[], out: TieDifference[]): void {
  for (const [paymentId, parts] of groupBy(allocations, (a) => a.paymentId)) {
    const p = payments.get(paymentId);
    const sum = parts.reduce((s, a) => s + parseCents(a.amount), 0n);
    if (!p || sum !== parseCents(p.amount)) {
      const of = p ? money(p.amount) : 'a payment not in the book';
      out.push({ code: 'SPLIT_DOES_NOT_SUM', paymentId, entryId: null, message: `Payment #${paymentId}: its split adds up to $${formatCents(sum)}, the payment is ${of}` });
    }
  }
}

/** Ties the ledger out against the payments, their events and their splits. */
export function tieOut(input: { payments: readonly TiePayment[]; events: readonly TieEvent[]; entries: readonly TieEntry[]; allocations?: readonly TieAllocation[] }): TieOutResult {
  const differences: TieDifference[] = [];
  const payments = new Map(input.payments.map((p) => [p.id, p]));
  const eventKinds = groupBy(input.events, (e) => e.paymentId);
  const byPayment = groupBy(input.entries.filter((e) => e.paymentId !== null), (e) => e.paymentId!);
  for (const p of input.payments) {
    const mine = byPayment.get(p.id) ?? [];
    const happened = new Set((eventKinds.get(p.id) ?? []).map((e) => e.kind));
    const expected = (kind: LedgerKind) => kind === 'deposited' || (kind === 'reversed' ? p.reversed === true : happened.has(kind as 'cleared' | 'returned'));
    for (const kind of PAYMENT_KINDS) checkEntries(p, kind, expected(kind), mine.filter((e) => e.kind === kind), differences);
  }
  for (const e of input.entries) {
    const unknownPayment = e.paymentId !== null && !payments.has(e.paymentId);
    const needsPayment = e.paymentId === null && PAYMENT_KINDS.includes(e.kind);
    if (unknownPayment || needsPayment) differences.push({ code: 'ENTRY_WITHOUT_PAYMENT', paymentId: e.paymentId, entryId: e.id, message: `Ledger entry #${e.id} (${e.kind}, ${money(e.amount)}) names no payment in the book` });
  }
  checkBalances(input.entries, differences);
  checkSplits(payments, input.allocations ?? [], differences);
  return { ties: differences.length === 0, payments: input.payments.length, events: input.events.length, entries: input.entries.length, differences };
}
