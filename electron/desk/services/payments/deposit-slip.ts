/**
 * The deposit slip of a batch: its payments by method (checks with number, routing and account;
 * wires and DTC settlements by reference), with counts and totals to the cent. The batch report
 * prints it; the figures come from here alone.
 */
import { ESCROW_METHODS } from '../../../../shared/domain/escrow';
import { formatCents, parseCents } from '../../../../shared/domain/money';
import type { DepositSlipView } from '../../../../shared/ipc/payments';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore, ReadRepos } from '../../store/port';

export async function depositSlipOf(r: ReadRepos, batchId: number): Promise<DepositSlipView> {
  const batch = await r.payments.batch(batchId);
  if (!batch) throw new DeskFailure('NOT_FOUND', 'There is no such batch in this book', 'batchId');
  const payments = await r.payments.ofBatch(batchId);
  const methods = ESCROW_METHODS.map((method) => {
    const mine = payments.filter((p) => p.method === method);
    const items = mine.map((p) => ({ paymentId: p.id, checkNumber: p.checkNumber, abaRouting: p.abaRouting, bankAccount: p.bankAccount, payer: p.payer, reference: p.reference, amount: p.amount }));
    return { method, count: mine.length, total: formatCents(mine.reduce((s, p) => s + parseCents(p.amount), 0n)), items };
  }).filter((m) => m.count > 0);
  const total = formatCents(payments.reduce((s, p) => s + parseCents(p.amount), 0n));
  return { batchId, programId: batch.programId, receiptDate: batch.receiptDate, label: batch.label, methods, count: payments.length, total };
}

export const depositSlip = (store: BookStore, batchId: number): Promise<DepositSlipView> => store.read((r) => depositSlipOf(r, batchId));
