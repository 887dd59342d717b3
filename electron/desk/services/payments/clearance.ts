/**
 * Clearing or returning one payment (§6a): a payment_events row and its ledger entry, in one
 * change. An uncertified check is good funds only once cleared, a wire or DTC settlement once
 * collected; a certified check, bank draft or money order is good on receipt and has nothing to
 * clear. A returned payment is never good funds. A payment settles once: clearing what is already
 * cleared or returned, or returning what is already settled, is refused.
 */
import { isBusinessDay } from '../../../../shared/domain/calendar';
import { clearsBeforeGood } from '../../../../shared/domain/escrow';
import { instantToWallTime } from '../../../../shared/domain/time';
import type { PaymentView } from '../../../../shared/ipc/payments';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { BookStore, PaymentRecord, PaymentSettlement, ReadRepos, WriteRepos } from '../../store/port';
import { actorOf } from '../views';
import { paymentName, statusOf, toPaymentView } from './views';

export interface Settlement {
  readonly paymentId: number;
  readonly businessDate: string;
  readonly reason?: string | undefined;
}

const noPayment = () => new DeskFailure('NOT_FOUND', 'There is no such payment in this book', 'paymentId');

/** Refuses a day the money could not have moved: not a Federal Reserve business day, before receipt, after today. */
export function checkBusinessDate(date: string, p: Pick<PaymentRecord, 'receiptDate'>, at: string, label: string): void {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (!isBusinessDay(date, 'FED')) throw new DeskFailure('INVALID_INPUT', `${label}: ${date} is ${weekday === 0 || weekday === 6 ? 'a weekend' : 'a Federal Reserve holiday'}, not a day checks clear`, 'businessDate');
  if (date < p.receiptDate) throw new DeskFailure('INVALID_INPUT', `${label}: ${date} is before the payment was received (${p.receiptDate})`, 'businessDate');
  const today = instantToWallTime(Date.parse(at)).slice(0, 10);
  if (date > today) throw new DeskFailure('INVALID_INPUT', `${label}: ${date} is after today (${today}, New York)`, 'businessDate');
}

/** Why this payment cannot take `kind` now, or null. */
export function settlementRefusal(p: PaymentRecord, events: readonly { kind: PaymentSettlement; businessDate: string }[], kind: PaymentSettlement): string | null {
  const name = paymentName(p);
  if (!clearsBeforeGood(p.method)) return `The ${name} is good funds on receipt (§6a): there is nothing to ${kind === 'cleared' ? 'clear' : 'return'}`;
  const status = statusOf(events);
  const when = events.find((e) => e.kind === status)?.businessDate;
  if (status === 'cleared') return `The ${name} is already cleared (on ${when ?? '?'})`;
  if (status === 'returned') return `The ${name} was already returned (on ${when ?? '?'})`;
  return null;
}

/**
 * After the insert (which takes the journal's lock, so every competing change has committed):
 * the payment must carry exactly this one event, or another desk settled it meanwhile.
 */
export async function confirmAlone(tx: ReadRepos, programId: number, paymentIds: readonly number[]): Promise<void> {
  const events = await tx.payments.events(programId, paymentIds);
  const seen = new Map<number, number>();
  for (const e of events) seen.set(e.paymentId, (seen.get(e.paymentId) ?? 0) + 1);
  const clash = [...seen].find(([, n]) => n > 1);
  if (clash) throw new DeskFailure('CONFLICT', `Payment #${clash[0]} was settled on another desk at the same moment: nothing was saved; look at it again`, 'paymentId');
}

/** Writes the event and its ledger entry for one settlement; returns their ids. */
export async function writeSettlement(tx: WriteRepos, by: SessionUser, at: string, p: PaymentRecord, s: { kind: PaymentSettlement; businessDate: string; reason: string | null; bankFileId: number | null; memo: string }) {
  const [eventId] = await tx.intake.insertMany('payment_events', [{ paymentId: p.id, kind: s.kind, businessDate: s.businessDate, reason: s.reason, bankFileId: s.bankFileId, at, createdBy: by.id }]);
  const entryId = await tx.intake.insert('ledger_entries', {
    programId: p.programId, kind: s.kind, method: p.method, amount: p.amount, businessDate: s.businessDate, paymentId: p.id, electionId: p.electionId, memo: s.memo, at, createdBy: by.id,
  });
  return { eventId: eventId!, entryId };
}

async function settle(store: BookStore, by: SessionUser, kind: PaymentSettlement, input: Settlement): Promise<PaymentView> {
  const reason = kind === 'returned' ? (input.reason ?? '').trim() : null;
  if (kind === 'returned' && !reason) throw new DeskFailure('INVALID_INPUT', 'Reason for the return is required (e.g. NSF, stop payment)', 'reason');
  const label = kind === 'cleared' ? 'Cleared on' : 'Returned on';
  return store.change(actorOf(by), kind === 'cleared' ? 'payment.cleared' : 'payment.returned', async (tx, at) => {
    const p = await tx.payments.byId(input.paymentId);
    if (!p) throw noPayment();
    const before = await tx.payments.events(p.programId, [p.id]);
    const reversal = (await tx.payments.reversals(p.programId)).find((x) => x.paymentId === p.id);
    if (reversal) throw new DeskFailure('CONFLICT', `The ${paymentName(p)} was reversed as keyed wrong (${reversal.reason}): there is nothing to ${kind === 'cleared' ? 'clear' : 'return'}${reversal.replacedBy ? `; payment #${reversal.replacedBy} replaced it` : ''}`, 'paymentId');
    const refused = settlementRefusal(p, before, kind);
    if (refused) throw new DeskFailure('CONFLICT', refused, 'paymentId');
    checkBusinessDate(input.businessDate, p, at, label);
    const memo = kind === 'cleared' ? `${paymentName(p)} cleared` : `${paymentName(p)} returned: ${reason}`;
    const ids = await writeSettlement(tx, by, at, p, { kind, businessDate: input.businessDate, reason, bankFileId: null, memo });
    await confirmAlone(tx, p.programId, [p.id]);
    const events = await tx.payments.events(p.programId, [p.id]);
    const view = toPaymentView(p, events, await tx.payments.allocations(p.programId, [p.id]));
    const payload = {
      paymentId: p.id, programId: p.programId, method: p.method, amount: p.amount, checkNumber: p.checkNumber, businessDate: input.businessDate,
      ...(reason ? { reason } : {}), eventId: ids.eventId, ledgerEntryId: ids.entryId, before: { status: 'received' }, after: { status: kind },
    };
    return { payload, result: view };
  });
}

export const clearPayment = (store: BookStore, by: SessionUser, input: Settlement) => settle(store, by, 'cleared', input);
export const returnPayment = (store: BookStore, by: SessionUser, input: Settlement) => settle(store, by, 'returned', input);

/** One payment as the screen shows it. */
export function getPayment(store: BookStore, paymentId: number): Promise<PaymentView> {
  return store.read(async (r) => {
    const p = await r.payments.byId(paymentId);
    if (!p) throw noPayment();
    return toPaymentView(p, await r.payments.events(p.programId, [p.id]), await r.payments.allocations(p.programId, [p.id]));
  });
}
