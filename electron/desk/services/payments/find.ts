/** Finding payments by what a clerk has in hand: a check number, an amount, part of the payer's name, a state. */
import type { PaymentView } from '../../../../shared/ipc/payments';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore, PaymentFilter } from '../../store/port';
import { toPaymentView } from './views';

export function findPayments(store: BookStore, programId: number, filter: PaymentFilter, limit: number): Promise<PaymentView[]> {
  return store.read(async (r) => {
    if (!(await r.programs.byId(programId))) throw new DeskFailure('NOT_FOUND', 'There is no such program in this book', 'programId');
    const found = await r.payments.find(programId, filter, limit);
    const ids = found.map((p) => p.id);
    const [events, allocations] = [await r.payments.events(programId, ids), await r.payments.allocations(programId, ids)];
    return found.map((p) => toPaymentView(p, events, allocations));
  });
}
