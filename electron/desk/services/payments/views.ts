/** A stored payment as the screens see it: its state derived from its events, never stored on it. */
import { clearsBeforeGood } from '../../../../shared/domain/escrow';
import { isGoodFunds } from '../../../../shared/domain/funds';
import type { PaymentView } from '../../../../shared/ipc/payments';
import type { PaymentAllocationRecord, PaymentEventRecord, PaymentRecord } from '../../store/port';

export function statusOf(events: readonly Pick<PaymentEventRecord, 'kind'>[]): PaymentView['status'] {
  // A return after a clearance (a late return) still leaves the money not good.
  if (events.some((e) => e.kind === 'returned')) return 'returned';
  return events.some((e) => e.kind === 'cleared') ? 'cleared' : 'received';
}

/** §6a, with DTC settlement counted like a wire: good once collected. */
export function goodFunds(p: Pick<PaymentRecord, 'method'>, status: PaymentView['status']): boolean {
  return isGoodFunds(p.method === 'dtc' ? 'wire' : p.method, status);
}

export function toPaymentView(p: PaymentRecord, events: readonly PaymentEventRecord[], allocations: readonly PaymentAllocationRecord[]): PaymentView {
  const mine = events.filter((e) => e.paymentId === p.id);
  const status = statusOf(mine);
  const settled = mine.find((e) => e.kind === status) ?? null;
  return {
    id: p.id,
    programId: p.programId,
    batchId: p.batchId,
    electionId: p.electionId,
    method: p.method,
    amount: p.amount,
    checkNumber: p.checkNumber,
    abaRouting: p.abaRouting,
    bankAccount: p.bankAccount,
    payer: p.payer,
    reference: p.reference,
    keyedAt: p.keyedAt,
    status,
    statusDate: settled?.businessDate ?? null,
    returnReason: status === 'returned' ? (settled?.reason ?? null) : null,
    goodFunds: goodFunds(p, status),
    clears: clearsBeforeGood(p.method),
    allocations: allocations.filter((a) => a.paymentId === p.id).map((a) => ({ electionId: a.electionId, amount: a.amount })),
  };
}

/** How a payment is named in messages and memos: "check 1001 ($615.00)". */
export function paymentName(p: Pick<PaymentRecord, 'id' | 'method' | 'checkNumber' | 'reference' | 'amount'>): string {
  const id = p.checkNumber ? ` ${p.checkNumber}` : p.reference ? ` ${p.reference}` : ` #${p.id}`;
  return `${p.method.replace('-', ' ')}${id} ($${p.amount})`;
}
