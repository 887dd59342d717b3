/**
 * Correcting a DTC instruction (§4a, as a form is corrected in elections.ts correctElection): the
 * instruction keyed wrong is reversed with its reason and the instruction keyed again as a new
 * election naming it, under the same VOI number, in ONE change and one journal entry. Two live
 * instructions with one VOI number stay impossible: the database's own index and trigger allow a
 * VOI's instructions only as one chain whose every row but the last is reversed (migration 20,
 * schema-intake-fixes.ts), whatever two desks do at once.
 *
 * The settlement that came with the instruction stays as it was received and is applied to the
 * corrected one (a payment_allocations row, as a corrected form's payments are). A different amount
 * or settlement is not an instruction correction: the settlement is corrected as a payment first.
 */
import type { CorrectDtcInstructionInput, DtcInstructionView } from '../../../../shared/ipc/intake-more';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { BookStore } from '../../store/port';
import { actorOf } from '../views';
import { checkInstruction, instructionView, keyedPayload, nomineePosition, writeInstructionOnly } from './dtc';
import { settlementOf } from './dtc-keyed';
import { holdEnvelopeBatch, itemContext, moneyOf, rightsTerms } from './item-context';

export async function correctDtcInstruction(store: BookStore, user: SessionUser, input: CorrectDtcInstructionInput): Promise<DtcInstructionView> {
  const reason = input.reason.trim();
  if (reason === '') throw new DeskFailure('INVALID_INPUT', 'Reason for the correction is required', 'reason');
  const first = await store.read((r) => r.intake.byId('elections', input.electionId));
  if (!first || first.kind !== 'dtc') throw new DeskFailure('NOT_FOUND', 'There is no such DTC instruction in this book', 'electionId');
  const electionId = await store.change(actorOf(user), 'intake.dtcInstructionCorrected', async (tx, at) => {
    await holdEnvelopeBatch(tx, first.envelopeId);
    await tx.intake.serializeWriters(); // the position's sum is checked with no other desk adding to it
    if ((await tx.intake.count('election_reversals', 'electionId', first.id)) > 0) {
      throw new DeskFailure('CONFLICT', `Instruction ${first.id} (VOI ${first.voiNumber ?? '?'}) was already corrected: correct the instruction that replaced it`, 'electionId');
    }
    // Its own envelope and batch, closed or not: the receipt stamp stands for the corrected instruction.
    const c = await itemContext(tx, first.envelopeId, { mustBeOpen: false });
    rightsTerms(c);
    const instruction = { ...input.instruction, envelopeId: first.envelopeId };
    const { amount: received, settled, payments: kept } = await settlementOf(tx, first.id);
    if (moneyOf(instruction.amount) !== received) {
      throw new DeskFailure('INVALID_INPUT', `Amount: the instruction’s settlement of $${received} stays as received; a different amount is a correction of the settlement (a payment), not of the instruction`, 'amount');
    }
    if (instruction.settled !== settled) {
      throw new DeskFailure('INVALID_INPUT', `Settled: the settlement is ${settled ? 'collected' : 'not collected yet'} as keyed; its clearance is recorded on the payment, not by correcting the instruction`, 'settled');
    }
    // The reversal first: the position's rights left then leave out the instruction being replaced.
    await tx.intake.insert('election_reversals', { electionId: first.id, reason, reversedAt: at, reversedBy: user.id });
    const { certificate, view } = await nomineePosition(tx, c.program.id, instruction.certificateNumber);
    await checkInstruction(tx, c, instruction, view, first);
    const id = await writeInstructionOnly(tx, c, certificate, instruction, at, user.id, first.id);
    for (const p of kept) {
      await tx.intake.insert('payment_allocations', { paymentId: p.payment.id, electionId: id, amount: p.applied, reason: `Correction of instruction ${first.id}: ${reason}`, allocatedAt: at, allocatedBy: user.id });
    }
    const payload = {
      reversed: { electionId: first.id, voiNumber: first.voiNumber, reason }, electionId: id, programId: c.program.id, batchId: c.batch.id, envelopeId: c.envelope.id,
      certificate: certificate.number, carriedPayments: kept.map((p) => ({ paymentId: p.payment.id, amount: p.applied })), ...keyedPayload(instruction),
    };
    return { payload, result: id };
  });
  return store.read(async (r) => instructionView(r, (await r.intake.byId('elections', electionId))!));
}
