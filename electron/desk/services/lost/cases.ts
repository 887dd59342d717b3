/**
 * Lost-certificate cases (§2c): opened from a certificate number with the affidavit of loss as
 * received — and the stop goes on the certificate in the same change, so anything keyed against
 * it afterwards carries the stopped-certificate deficiency. A mutilated certificate's remains
 * are recorded when surrendered; a recovered original is recorded (its stop stays). Each is one
 * change with one journal entry; the affidavit's TIN is kept as its last four digits only.
 */
import type { CaseKind } from '../../../../shared/domain/lost';
import type { Affidavit, CaseView } from '../../../../shared/ipc/lost';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore, JournalActor, ReadRepos, WriteRepos } from '../../store/port';
import { rightsProgram } from '../certificates';
import { caseView, loadCase, recoveredOn, replacementOf, warnings } from './case-file';

export interface OpenCaseInput {
  readonly programId: number;
  readonly certificateNumber: string;
  readonly kind: CaseKind;
  readonly discoveredOn: string;
  readonly circumstances: string;
  readonly policeReport?: string | undefined;
  readonly affidavit: Affidavit;
}

const userOf = (by: JournalActor): number => {
  if (by.id === null) throw new DeskFailure('FORBIDDEN', 'Lost-certificate cases are kept by signed-in users');
  return by.id;
};

/** The case as it stands, with its warnings and blockers judged at `at`. */
export async function viewCase(r: ReadRepos, caseId: number, at: string): Promise<CaseView> {
  const file = await loadCase(r, caseId);
  const { terms } = await rightsProgram(r, file.record.programId);
  return caseView(file, terms, Date.parse(at));
}

export async function listCases(r: ReadRepos, programId: number, at: string): Promise<CaseView[]> {
  const records = await r.lost.where('lost_cases', 'programId', programId);
  const out: CaseView[] = [];
  for (const c of records) out.push(await viewCase(r, c.id, at));
  return out;
}

async function certificateToStop(tx: WriteRepos, input: OpenCaseInput) {
  const [certificate] = await tx.certificates.byNumber(input.certificateNumber, input.programId);
  if (!certificate) throw new DeskFailure('NOT_FOUND', `Certificate number: ${input.certificateNumber} is not a certificate of this program`, 'certificateNumber');
  const earlier = await tx.lost.where('lost_cases', 'certificateId', certificate.id);
  if (earlier.length > 0) throw new DeskFailure('CONFLICT', `Certificate number: ${certificate.number} already has case ${earlier[0]?.id} (opened ${earlier[0]?.openedAt.slice(0, 10)}); it is stopped already`, 'certificateNumber');
  const events = await tx.certificates.events(certificate.id);
  if (events.some((e) => e.kind === 'cancelled')) throw new DeskFailure('CONFLICT', `Certificate number: ${certificate.number} was cancelled; a case is opened on the certificate that replaced it`, 'certificateNumber');
  const [entry] = await tx.register.entriesByIds([certificate.entryId]);
  if (!entry) throw new Error(`Certificate ${certificate.number} names register entry ${certificate.entryId}, which the book does not have`);
  return { certificate, entry };
}

export async function openCase(store: BookStore, by: JournalActor, input: OpenCaseInput): Promise<CaseView> {
  const userId = userOf(by);
  const policeReport = input.policeReport?.trim() ?? '';
  if (input.kind === 'stolen' && policeReport === '') throw new DeskFailure('INVALID_INPUT', 'Police report: a theft needs the police report reference', 'policeReport');
  return store.change(by, 'lost.caseOpened', async (tx, at) => {
    const { terms } = await rightsProgram(tx, input.programId);
    const { certificate, entry } = await certificateToStop(tx, input);
    const row = {
      programId: input.programId, certificateId: certificate.id, kind: input.kind, discoveredOn: input.discoveredOn, circumstances: input.circumstances,
      policeReport: policeReport === '' ? null : policeReport, affidavit: input.affidavit, openedAt: at, openedBy: userId,
    };
    const caseId = await tx.lost.insert('lost_cases', row);
    await tx.certificates.addEvent({ certificateId: certificate.id, at, kind: 'stopped', detail: { caseId, kind: input.kind }, createdBy: userId });
    const view = await viewCase(tx, caseId, at);
    const warned = warnings({ certificate, entry, exercised: view.firmRights - view.rightsLeft }, input.affidavit, terms, Date.parse(at));
    return { payload: { caseId, certificateId: certificate.id, number: certificate.number, kind: input.kind, discoveredOn: input.discoveredOn, policeReport: row.policeReport, affidavit: input.affidavit, stopped: true, warnings: warned }, result: view };
  });
}

/** A case still to act on: not replaced, not recovered. */
async function openCaseFile(tx: WriteRepos, caseId: number, doing: string) {
  const file = await loadCase(tx, caseId);
  if (replacementOf(file)) throw new DeskFailure('CONFLICT', `Case ${caseId} was closed by the replacement ${replacementOf(file)?.number}: nothing can be ${doing}`, 'caseId');
  if (recoveredOn(file) !== null) throw new DeskFailure('CONFLICT', `Case ${caseId}: the original was recovered on ${recoveredOn(file)}; nothing can be ${doing}`, 'caseId');
  return file;
}

export async function recordRemains(store: BookStore, by: JournalActor, input: { caseId: number; identifiable: boolean; description: string }): Promise<CaseView> {
  const userId = userOf(by);
  return store.change(by, 'lost.remainsSurrendered', async (tx, at) => {
    const file = await openCaseFile(tx, input.caseId, 'surrendered');
    if (file.record.kind !== 'mutilated') throw new DeskFailure('CONFLICT', `Case ${input.caseId} is of a ${file.record.kind} certificate: only a mutilated one has remains to surrender`, 'caseId');
    await tx.lost.insert('lost_case_events', { caseId: input.caseId, kind: 'remains-surrendered', detail: { identifiable: input.identifiable, description: input.description }, at, createdBy: userId });
    return { payload: { caseId: input.caseId, number: file.certificate.number, identifiable: input.identifiable, description: input.description }, result: await viewCase(tx, input.caseId, at) };
  });
}

/** The original turned up: recorded, reported in its turn; its stop stays (the holder keys nothing on it). */
export async function recordRecovery(store: BookStore, by: JournalActor, input: { caseId: number; recoveredOn: string; how: string }): Promise<CaseView> {
  const userId = userOf(by);
  return store.change(by, 'lost.recovered', async (tx, at) => {
    const file = await loadCase(tx, input.caseId);
    if (recoveredOn(file) !== null) throw new DeskFailure('CONFLICT', `Case ${input.caseId}: the original was already recorded as recovered on ${recoveredOn(file)}`, 'caseId');
    if (input.recoveredOn < file.record.discoveredOn) throw new DeskFailure('INVALID_INPUT', `Recovered on: ${input.recoveredOn} is before the loss was discovered (${file.record.discoveredOn})`, 'recoveredOn');
    await tx.lost.insert('lost_case_events', { caseId: input.caseId, kind: 'recovered', detail: { recoveredOn: input.recoveredOn, how: input.how }, at, createdBy: userId });
    await tx.certificates.addEvent({ certificateId: file.certificate.id, at, kind: 'recovered', detail: { caseId: input.caseId, recoveredOn: input.recoveredOn, stopStays: true }, createdBy: userId });
    return { payload: { caseId: input.caseId, number: file.certificate.number, recoveredOn: input.recoveredOn, how: input.how, stopStays: true }, result: await viewCase(tx, input.caseId, at) };
  });
}

export { openCaseFile };
