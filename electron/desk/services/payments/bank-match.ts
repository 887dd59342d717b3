/**
 * Matching a bank file's lines to the book's payments: a check by its number and amount (and its
 * account, where the bank gives one); a wire or DTC settlement by its reference and amount. A line
 * that finds nothing, finds the wrong amount, or would clear what is already settled is not
 * applied: it goes on the report of unmatched lines with the reason in words.
 */
import { clearsBeforeGood, type EscrowMethod } from '../../../../shared/domain/escrow';
import { formatCents, parseCents } from '../../../../shared/domain/money';
import type { UnmatchedCode, UnmatchedLine } from '../../../../shared/ipc/payments';
import type { BankLine } from './bank-file';

/** A payment the file could name, with what has happened to it so far. */
export interface MatchCandidate {
  readonly id: number;
  readonly method: EscrowMethod;
  readonly amount: string;
  readonly checkNumber: string | null;
  readonly bankAccount: string | null;
  readonly reference: string | null;
  /** The business day it was received (the batch's receipt date). */
  readonly receivedOn: string;
  readonly settled: 'cleared' | 'returned' | null;
}

export interface MatchedLine {
  readonly line: number;
  readonly paymentId: number;
  readonly method: EscrowMethod;
  readonly amount: string;
  readonly outcome: 'cleared' | 'returned';
  readonly businessDate: string;
  readonly reason: string | null;
}

export interface MatchResult {
  readonly matched: readonly MatchedLine[];
  readonly unmatched: readonly UnmatchedLine[];
}

/** Check numbers are compared without leading zeros: banks pad them, clerks do not. */
export const checkKey = (n: string): string => n.trim().replace(/^0+(?=\d)/, '').toUpperCase();
export const referenceKey = (r: string): string => r.trim().toUpperCase();
const accountKey = (a: string): string => a.replace(/[\s-]/g, '').replace(/^0+(?=\d)/, '');

const dollars = (amount: string) => `$${formatCents(parseCents(amount))}`;

type Verdict = { readonly payment: MatchCandidate } | { readonly code: UnmatchedCode; readonly why: string };

/** The one payment a line names, or why none. */
function findPayment(l: BankLine, amount: string, byCheck: ReadonlyMap<string, MatchCandidate[]>, byReference: ReadonlyMap<string, MatchCandidate[]>): Verdict {
  const { checkNumber, reference, account } = l.read;
  const isCheck = checkNumber !== '';
  if (!isCheck && reference === '') return { code: 'NO_IDENTIFIER', why: 'the line gives neither a check number nor a reference' };
  let found = isCheck ? (byCheck.get(checkKey(checkNumber)) ?? []) : (byReference.get(referenceKey(reference)) ?? []);
  const named = isCheck ? `check number ${checkNumber}` : `reference ${reference}`;
  if (isCheck && account !== '') found = found.filter((p) => p.bankAccount === null || accountKey(p.bankAccount) === accountKey(account));
  if (found.length === 0) {
    const where = isCheck && account !== '' ? ` on account ${account}` : '';
    return { code: isCheck ? 'NO_SUCH_CHECK' : 'NO_SUCH_REFERENCE', why: `no payment with ${named}${where} in this program` };
  }
  const cents = parseCents(amount);
  const same = found.filter((p) => parseCents(p.amount) === cents);
  if (same.length === 0) return { code: 'AMOUNT_DIFFERS', why: `the bank says ${dollars(amount)}; ${named} is ${found.map((p) => dollars(p.amount)).join(' or ')} in the book` };
  if (same.length > 1) return { code: 'AMBIGUOUS', why: `${same.length} payments have ${named} and ${dollars(amount)} (payments ${same.map((p) => `#${p.id}`).join(', ')}): clear the right one by hand` };
  return { payment: same[0]! };
}

/** Why a found payment cannot take this line's outcome, or null when it can. */
function refusal(p: MatchCandidate, businessDate: string): { code: UnmatchedCode; why: string } | null {
  if (!clearsBeforeGood(p.method)) return { code: 'DOES_NOT_CLEAR', why: `payment #${p.id} is a ${p.method}: good funds on receipt (§6a), nothing to clear or return` };
  if (p.settled === 'cleared') return { code: 'ALREADY_CLEARED', why: `payment #${p.id} is already cleared` };
  if (p.settled === 'returned') return { code: 'ALREADY_RETURNED', why: `payment #${p.id} was already returned` };
  if (businessDate < p.receivedOn) return { code: 'BEFORE_RECEIPT', why: `the bank's date ${businessDate} is before payment #${p.id} was received (${p.receivedOn})` };
  return null;
}

function index(candidates: readonly MatchCandidate[], key: (p: MatchCandidate) => string | null): Map<string, MatchCandidate[]> {
  const out = new Map<string, MatchCandidate[]>();
  for (const p of candidates) {
    const k = key(p);
    if (k === null || k === '') continue;
    const list = out.get(k);
    if (list) list.push(p);
    else out.set(k, [p]);
  }
  return out;
}

/** Matches every line; a payment named by two lines of one file is applied once, the second reported. */
export function matchBankLines(lines: readonly BankLine[], candidates: readonly MatchCandidate[]): MatchResult {
  const byCheck = index(candidates.filter((p) => p.method !== 'wire' && p.method !== 'dtc'), (p) => (p.checkNumber === null ? null : checkKey(p.checkNumber)));
  const byReference = index(candidates.filter((p) => p.method === 'wire' || p.method === 'dtc'), (p) => (p.reference === null ? null : referenceKey(p.reference)));
  const taken = new Map<number, number>();
  const matched: MatchedLine[] = [];
  const unmatched: UnmatchedLine[] = [];
  for (const l of lines) {
    const miss = (code: UnmatchedCode, why: string) => unmatched.push({ line: l.line, read: l.read, code, why });
    if (!l.meaning) {
      miss('UNREADABLE', l.problem ?? 'the line does not read');
      continue;
    }
    const { amount, outcome, businessDate } = l.meaning;
    const verdict = findPayment(l, amount, byCheck, byReference);
    if ('code' in verdict) {
      miss(verdict.code, verdict.why);
      continue;
    }
    const p = verdict.payment;
    const earlier = taken.get(p.id);
    if (earlier !== undefined) {
      miss('TWICE_IN_FILE', `payment #${p.id} was already matched by line ${earlier} of this file`);
      continue;
    }
    const refused = refusal(p, businessDate);
    if (refused) {
      miss(refused.code, refused.why);
      continue;
    }
    taken.set(p.id, l.line);
    const reason = outcome === 'returned' ? l.read.returnReason || l.read.status : null;
    matched.push({ line: l.line, paymentId: p.id, method: p.method, amount: p.amount, outcome, businessDate, reason });
  }
  return { matched, unmatched };
}

/** The report of unmatched lines as CSV (RFC 4180, a header row): what was read and why it did not match. */
export function unmatchedCsv(unmatched: readonly UnmatchedLine[]): string {
  const quote = (s: string | number) => {
    const t = String(s);
    // A leading =, +, - or @ would be a formula to a spreadsheet: quoted with a leading apostrophe.
    const safe = /^[=+\-@]/.test(t) ? `'${t}` : t;
    return /[",\r\n]/.test(safe) || safe !== t ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const header = ['line', 'check_number', 'account', 'amount', 'date', 'status', 'return_reason', 'reference', 'code', 'why'];
  const rows = unmatched.map((u) => [u.line, u.read.checkNumber, u.read.account, u.read.amount, u.read.date, u.read.status, u.read.returnReason, u.read.reference, u.code, u.why].map(quote).join(','));
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}
