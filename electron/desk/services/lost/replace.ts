/**
 * The replacement (§2c): a new certificate of like tenor — same class, registration (register
 * entry) and account, in the program's number sequence, firm rights = the original's less the
 * basic shares already exercised on it — cross-referenced both ways ('replaced-by' on the
 * original, 'replaces' on the new one) and the original cancelled, never deleted (§13). Refused
 * while anything blocks it (case-file.ts `blockers`), after expiration among them. One change.
 */
import type { CaseView } from '../../../../shared/ipc/lost';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore, JournalActor } from '../../store/port';
import { certificateNumber, rightsProgram } from '../certificates';
import { approvedBond, blockers, loadCase } from './case-file';
import { viewCase } from './cases';

export async function replaceCertificate(store: BookStore, by: JournalActor, input: { caseId: number }): Promise<CaseView> {
  if (by.id === null) throw new DeskFailure('FORBIDDEN', 'Replacements are issued by signed-in users');
  const userId = by.id;
  return store.change(by, 'lost.replaced', async (tx, at) => {
    const file = await loadCase(tx, input.caseId);
    const { terms } = await rightsProgram(tx, file.record.programId);
    const blocking = blockers(file, terms, Date.parse(at));
    if (blocking.length > 0) throw new DeskFailure('CONFLICT', `Case ${input.caseId} cannot be replaced yet: ${blocking.join('; ')}`, 'caseId');
    const original = file.certificate;
    const seq = (await tx.lost.highestSeq(original.programId)) + 1;
    const number = certificateNumber(seq);
    const firmRights = original.firmRights - file.exercised;
    const certificateId = await tx.certificates.insertOne(original.programId, at, { seq, number, class: original.class, entryId: original.entryId, account: original.account, units: original.units, firmRights, held: original.held });
    const cause = { caseId: input.caseId, kind: file.record.kind };
    await tx.certificates.addEvent({ certificateId: original.id, at, kind: 'cancelled', detail: { ...cause, reason: `Replaced by ${number} (${file.record.kind})` }, createdBy: userId });
    await tx.certificates.addEvent({ certificateId: original.id, at, kind: 'replaced-by', detail: { ...cause, certificateId, number }, createdBy: userId });
    await tx.certificates.addEvent({ certificateId, at, kind: 'replaces', detail: { ...cause, certificateId: original.id, number: original.number }, createdBy: userId });
    await tx.lost.insert('lost_case_events', { caseId: input.caseId, kind: 'replaced', detail: { certificateId, number, firmRights, exercisedOnOriginal: file.exercised }, at, createdBy: userId });
    const bond = approvedBond(file);
    return {
      payload: { caseId: input.caseId, original: { certificateId: original.id, number: original.number, firmRights: original.firmRights, cancelled: true }, replacement: { certificateId, number, class: original.class, account: original.account, firmRights }, exercisedOnOriginal: file.exercised, bondId: bond?.id ?? null },
      result: await viewCase(tx, input.caseId, at),
    };
  });
}
