/**
 * Correcting a mis-keyed payment, as an escrow agent does (§6b): the ledger stays append-only, so
 * the wrong payment is never edited — it is reversed (a payment_reversals row and a 'reversed'
 * ledger entry taking its deposit back out of what is held) and the right one keyed in its place,
 * for the same item, batch and envelope, with its own 'deposited' entry: ONE change, one journal
 * entry with the reason. A reversed payment leaves the batch's figures, its deposit slip and the
 * bank clearance; the tie-out expects exactly one 'reversed' entry for it.
 *
 * Both entries are dated the batch's receipt date, the business day the envelope's money was
 * deposited: the ledger by day then shows what that day's deposit really held (the instant of the
 * correction is on each entry and in the journal).
 *
 * Only a payment whose money has not moved since it was keyed can be reversed. A cleared payment
 * is money in escrow: if it was keyed for the wrong item a supervisor applies it where it belongs
 * (a split), and what was received beyond what is due is refunded (§4b). A returned payment is
 * already out of what is held: the holder's new payment is keyed as a payment of its own. A split
 * payment is the supervisor's, and a closed batch's figures are final.
 */
import type { PaymentKeyed } from '../../../../shared/ipc/intake-forms';
import type { CorrectedPaymentView } from '../../../../shared/ipc/payments';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { BookStore, PaymentRecord, WriteRepos } from '../../store/port';
import { actorOf } from '../views';
import { carriedHolder, isCarried } from './carried';
import { paymentName, toPaymentView } from './views';

export interface PaymentCorrection {
  readonly paymentId: number;
  readonly reason: string;
  /** The payment as it should have been keyed; null when none should have been keyed at all. */
  readonly replacement: PaymentKeyed | null;
}

const conflict = (message: string) => new DeskFailure('CONFLICT', message, 'paymentId');

/**
 * Why this payment cannot simply be reversed, in words that say what to do instead; null when it
 * can. A payment carried to a corrected item is reversed like one never moved: nobody split it.
 */
async function reversalRefusal(tx: WriteRepos, p: PaymentRecord): Promise<string | null> {
  const name = paymentName(p);
  const earlier = (await tx.payments.reversals(p.programId)).find((x) => x.paymentId === p.id);
  if (earlier) return `The ${name} was already reversed (${earlier.reason})${earlier.replacedBy ? `: correct payment #${earlier.replacedBy}, which replaced it` : ''}`;
  const events = await tx.payments.events(p.programId, [p.id]);
  const cleared = events.find((e) => e.kind === 'cleared');
  const returned = events.find((e) => e.kind === 'returned');
  if (returned) return `The ${name} was returned on ${returned.businessDate} (${returned.reason ?? 'unpaid'}): it is already out of what is held; key the holder’s new payment as a payment of its own`;
  if (cleared) return `The ${name} cleared on ${cleared.businessDate}: its money is in escrow and cannot be reversed; a supervisor applies it to the right item (a split), and what is received beyond what is due is refunded`;
  const allocations = await tx.payments.allocations(p.programId, [p.id]);
  if (allocations.length > 0 && !(await isCarried(tx, p, allocations))) return `The ${name} was split by a supervisor: only a supervisor’s new split changes how it is applied`;
  if (allocations.length > 0 && (await carriedHolder(tx, allocations)) === null) return `The ${name} was carried to items that were all reversed since: it applies to no item; a supervisor applies it where it belongs`;
  if ((await tx.intake.where('batch_closings', 'batchId', p.batchId, 1)).length > 0) return `The ${name} is in a closed batch: its figures are final; key the correction in an open batch`;
  return null;
}

/** The item the payment applies to now: its own, or for a payment carried by corrections, the live end of its item's chain. */
async function holderOf(tx: WriteRepos, p: PaymentRecord): Promise<number | null> {
  const allocations = await tx.payments.allocations(p.programId, [p.id]);
  return allocations.length === 0 ? p.electionId : carriedHolder(tx, allocations);
}

/** The payment as it should have been keyed, for the item that holds the reversed one now. */
async function writeReplacement(tx: WriteRepos, p: PaymentRecord, keyed: PaymentKeyed, at: string, by: number, reason: string): Promise<number> {
  const electionId = await holderOf(tx, p);
  const id = await tx.intake.insert('payments', {
    programId: p.programId, batchId: p.batchId, envelopeId: p.envelopeId, electionId, oddLotOrderId: p.oddLotOrderId, method: keyed.method, amount: keyed.amount,
    checkNumber: keyed.checkNumber ?? null, abaRouting: keyed.abaRouting ?? null, bankAccount: keyed.bankAccount ?? null, payer: keyed.payer, reference: keyed.reference ?? null, keyedAt: at, keyedBy: by,
  });
  await tx.intake.insert('ledger_entries', {
    programId: p.programId, kind: 'deposited', method: keyed.method, amount: keyed.amount, businessDate: p.receiptDate, paymentId: id, electionId,
    memo: `Keyed again in place of payment #${p.id}: ${reason}`, at, createdBy: by,
  });
  return id;
}

/** `payments.correct`: reverses a mis-keyed payment and keys the right one (if any), in one journaled change. */
export async function correctPayment(store: BookStore, user: SessionUser, input: PaymentCorrection): Promise<CorrectedPaymentView> {
  const reason = input.reason.trim();
  if (reason === '') throw new DeskFailure('INVALID_INPUT', 'Reason for the correction is required (e.g. amount keyed as 500.00, the check says 50.00)', 'reason');
  const found = await store.read((r) => r.payments.byId(input.paymentId));
  if (!found) throw new DeskFailure('NOT_FOUND', 'There is no such payment in this book', 'paymentId');
  return store.change(actorOf(user), 'payment.corrected', async (tx, at) => {
    // The batch first, then the journal: the order every intake save takes them in.
    await tx.intake.holdBatch(found.batchId);
    await tx.intake.serializeWriters();
    const p = (await tx.payments.byId(input.paymentId))!;
    const refused = await reversalRefusal(tx, p);
    if (refused) throw conflict(refused);
    const replacedBy = input.replacement ? await writeReplacement(tx, p, input.replacement, at, user.id, reason) : null;
    const reversalId = await tx.intake.insert('payment_reversals', { paymentId: p.id, replacedBy, reason, reversedAt: at, reversedBy: user.id });
    const entryId = await tx.intake.insert('ledger_entries', {
      programId: p.programId, kind: 'reversed', method: p.method, amount: p.amount, businessDate: p.receiptDate, paymentId: p.id, electionId: p.electionId,
      memo: `${paymentName(p)} reversed as keyed wrong: ${reason}`, at, createdBy: user.id,
    });
    const replacement = replacedBy === null ? null : (await tx.payments.byId(replacedBy))!;
    const payload = {
      paymentId: p.id, programId: p.programId, batchId: p.batchId, electionId: p.electionId, oddLotOrderId: p.oddLotOrderId, reason, reversalId, reversedEntryId: entryId,
      reversed: { method: p.method, amount: p.amount, checkNumber: p.checkNumber, abaRouting: p.abaRouting, bankAccount: p.bankAccount, payer: p.payer, reference: p.reference },
      replacement: replacement && { paymentId: replacement.id, method: replacement.method, amount: replacement.amount, checkNumber: replacement.checkNumber, abaRouting: replacement.abaRouting, bankAccount: replacement.bankAccount, payer: replacement.payer, reference: replacement.reference },
    };
    const view = replacement && toPaymentView(replacement, [], []);
    return { payload, result: { reversedId: p.id, replacement: view } };
  });
}
