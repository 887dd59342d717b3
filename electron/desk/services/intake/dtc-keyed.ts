/**
 * A saved DTC instruction read back as it was keyed, for the screen that corrects it (§4a): the
 * form opens with what was keyed, so the clerk changes only what was wrong.
 */
import type { KeyedDtcInstruction } from '../../../../shared/ipc/intake-more';
import { formatCents, parseCents } from '../../../../shared/domain/money';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore, IntakeRecord, ReadRepos } from '../../store/port';
import type { DtcFacts } from './dtc-assess';

/**
 * The settlement applied to an instruction as it stands: its amount, and whether it is collected
 * (every applied payment cleared). A correction keeps both exactly as received.
 */
export async function settlementOf(r: ReadRepos, electionId: number): Promise<{ amount: string; settled: boolean; payments: Awaited<ReturnType<ReadRepos['intake']['paymentsOf']>> }> {
  const payments = await r.intake.paymentsOf(electionId);
  const amount = formatCents(payments.reduce((s, p) => s + parseCents(p.applied), 0n));
  const settled = payments.length > 0 && payments.every((p) => p.events.some((e) => e.kind === 'cleared'));
  return { amount, settled, payments };
}

/** A DTC instruction of the book, or NOT_FOUND in words (an election form is not one). */
export async function dtcInstructionById(r: ReadRepos, electionId: number): Promise<IntakeRecord<'elections'>> {
  const e = await r.intake.byId('elections', electionId);
  if (!e || e.kind !== 'dtc') throw new DeskFailure('NOT_FOUND', `Instruction: there is no DTC instruction ${electionId} in this book`, 'electionId');
  return e;
}

/**
 * The instruction in the shape it is keyed in. `certified` is the certification as the engine took
 * it: keyed with an oversubscription but without its owners' lines it did not count, and reads as
 * not made (keying it again either way gives the engine the same facts).
 */
export function keyedDtcInstruction(store: BookStore, electionId: number): Promise<KeyedDtcInstruction> {
  return store.read(async (r) => {
    const e = await dtcInstructionById(r, electionId);
    const certificate = await r.certificates.byId(e.certificateId);
    if (!certificate) throw new DeskFailure('NOT_FOUND', `Instruction ${electionId}: its nominee position is not in this book`, 'electionId');
    const lines = [...(await r.intake.where('nominee_certification_lines', 'electionId', e.id))].sort((a, b) => a.line - b.line);
    const { amount, settled } = await settlementOf(r, e.id);
    const reversed = (await r.intake.count('election_reversals', 'electionId', e.id)) > 0;
    return {
      electionId: e.id, reversed, envelopeId: e.envelopeId, certificateNumber: certificate.number,
      voiNumber: e.voiNumber ?? '', participantNumber: e.participantNumber ?? '', participantName: e.participantName ?? '',
      rightsSurrendered: e.rightsSurrendered ?? 0, basicShares: e.basicShares ?? 0, oversubscriptionShares: e.oversubscriptionShares,
      amount, settled, certified: (e.facts as DtcFacts).nomineeCertified,
      lines: lines.map((l) => ({ ownerReference: l.ownerReference, recordDateHolding: l.recordDateHolding, basicExercised: l.basicExercised, oversubscriptionRequested: l.oversubscriptionRequested })),
    };
  });
}
