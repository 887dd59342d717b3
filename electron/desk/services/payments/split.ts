/**
 * A supervisor's split of one payment across elections (one check for several certificates): the
 * parts name their elections and sum exactly, to the cent, to the payment; a reason is required.
 * Once split, the allocations are what apply the payment to elections. A split is final (the
 * tables are append-only): a payment already split, or returned, is not split again. Money moves
 * nowhere, so the escrow ledger is untouched.
 */
import { formatCents, parseCents } from '../../../../shared/domain/money';
import type { PaymentView } from '../../../../shared/ipc/payments';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { BookStore, WriteRepos } from '../../store/port';
import { actorOf } from '../views';
import { paymentName, statusOf, toPaymentView } from './views';

export interface SplitInput {
  readonly paymentId: number;
  readonly allocations: readonly { readonly electionId: number; readonly amount: string }[];
  readonly reason: string;
}

/** Refuses parts that do not add up exactly; names the difference. */
export function checkSplitSums(paymentAmount: string, parts: readonly { amount: string }[]): void {
  const sum = parts.reduce((s, p) => s + parseCents(p.amount), 0n);
  const want = parseCents(paymentAmount);
  if (sum !== want) {
    const diff = sum > want ? `$${formatCents(sum - want)} too much` : `$${formatCents(want - sum)} short`;
    throw new DeskFailure('INVALID_INPUT', `Allocations: they add up to $${formatCents(sum)}, the payment is $${formatCents(want)} (${diff})`, 'allocations');
  }
}

async function checkElections(tx: WriteRepos, programId: number, input: SplitInput): Promise<void> {
  const seen = new Set<number>();
  for (const [i, part] of input.allocations.entries()) {
    const field = `allocations.${i}.electionId`;
    if (seen.has(part.electionId)) throw new DeskFailure('INVALID_INPUT', `Election: #${part.electionId} is named twice in the split`, field);
    seen.add(part.electionId);
    const election = await tx.payments.election(part.electionId);
    if (!election || election.programId !== programId) throw new DeskFailure('NOT_FOUND', `Election: there is no election #${part.electionId} in this program`, field);
    if (election.reversed) throw new DeskFailure('CONFLICT', `Election: #${part.electionId} was reversed (§4a); apply the payment to the election that corrects it`, field);
  }
}

export async function splitPayment(store: BookStore, by: SessionUser, input: SplitInput): Promise<PaymentView> {
  if (by.role === 'clerk') throw new DeskFailure('FORBIDDEN', 'Only a supervisor may split a payment across elections', 'paymentId');
  const reason = input.reason.trim();
  if (reason === '') throw new DeskFailure('INVALID_INPUT', 'Reason for the split is required', 'reason');
  return store.change(actorOf(by), 'payment.split', async (tx, at) => {
    const p = await tx.payments.byId(input.paymentId);
    if (!p) throw new DeskFailure('NOT_FOUND', 'There is no such payment in this book', 'paymentId');
    const existing = await tx.payments.allocations(p.programId, [p.id]);
    if (existing.length > 0) throw new DeskFailure('CONFLICT', `The ${paymentName(p)} is already split across ${existing.length} elections: a split is final`, 'paymentId');
    const events = await tx.payments.events(p.programId, [p.id]);
    if (statusOf(events) === 'returned') throw new DeskFailure('CONFLICT', `The ${paymentName(p)} was returned: it pays for nothing, so there is nothing to split`, 'paymentId');
    checkSplitSums(p.amount, input.allocations);
    await checkElections(tx, p.programId, input);
    const rows = input.allocations.map((a) => ({ paymentId: p.id, electionId: a.electionId, amount: a.amount, reason, allocatedAt: at, allocatedBy: by.id }));
    await tx.intake.insertMany('payment_allocations', rows);
    // A competing split on another desk fails its unique (payment, election) rule or shows here.
    const after = await tx.payments.allocations(p.programId, [p.id]);
    if (after.length !== rows.length) throw new DeskFailure('CONFLICT', `The ${paymentName(p)} was split on another desk at the same moment: nothing was saved`, 'paymentId');
    const payload = { paymentId: p.id, programId: p.programId, amount: p.amount, reason, allocations: input.allocations.map((a) => ({ electionId: a.electionId, amount: a.amount })), before: { electionId: p.electionId } };
    return { payload, result: toPaymentView(p, events, after) };
  });
}
