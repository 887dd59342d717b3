/**
 * Nominees' exercises through DTC's rights subscription program (ASOP). Each instruction is an
 * exercise unit of its own on the nominee's position (Cede & Co's certificate): for the engine,
 * like a certificate holding the rights it surrendered. The instructions of one position never
 * surrender more rights than it has. The Nominee Holder Certification comes with it, one line per
 * beneficial owner; an oversubscription without the certification is a deficiency (the engine's
 * NOMINEE_CERTIFICATION_MISSING). Payment is by DTC settlement: collected funds, like a wire.
 */
import type { DtcInstructionInput, DtcInstructionView, DtcPreview, DtcPreviewInput, NomineePositionView } from '../../../../shared/ipc/intake-more';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { BookStore, CertificateRecord, IntakeRecord, ReadRepos, WriteRepos } from '../../store/port';
import { actorOf } from '../views';
import { assessDtc, assessKeyedDtc, type DtcFacts } from './dtc-assess';
import { dtcInstructionById } from './dtc-keyed';
import { holdEnvelopeBatch, itemContext, moneyOf, rightsTerms, type ItemContext } from './item-context';

/** A nominee's position: a certificate of the program whose registration names a nominee. */
export async function nomineePosition(r: ReadRepos, programId: number, number: string): Promise<{ certificate: CertificateRecord; view: NomineePositionView }> {
  const [certificate] = await r.certificates.byNumber(number, programId);
  if (!certificate) throw new DeskFailure('NOT_FOUND', `Certificate number: ${number} is not a certificate of this program`, 'certificateNumber');
  const entry = await r.register.entryById(certificate.entryId);
  if (!entry || entry.nominee.trim() === '') {
    throw new DeskFailure('INVALID_INPUT', `Certificate number: ${number} is not a nominee’s position (no nominee such as Cede & Co on its registration); key a holder’s form as an election instead`, 'certificateNumber');
  }
  const surrendered = await r.intake.rightsSurrendered(certificate.id);
  return {
    certificate,
    view: { certificateId: certificate.id, number: certificate.number, nominee: entry.nominee, class: certificate.class, firmRights: certificate.firmRights, surrendered, left: Math.max(0, certificate.firmRights - surrendered) },
  };
}

/** The refusals that come before the engine: a VOI keyed twice, more rights than the position has left, more shares than rights. */
export async function checkInstruction(r: ReadRepos, c: ItemContext, input: DtcInstructionInput, position: NomineePositionView, correcting?: IntakeRecord<'elections'>): Promise<void> {
  // A correction keeps its instruction's VOI number: the one it replaces is reversed in the same change.
  const same = correcting?.voiNumber === input.voiNumber ? undefined : await r.intake.electionByVoi(c.program.id, input.voiNumber);
  if (same) throw new DeskFailure('CONFLICT', `VOI number: ${input.voiNumber} is already keyed in this program (participant ${same.participantNumber ?? '?'})`, 'voiNumber');
  if (input.rightsSurrendered < 1) throw new DeskFailure('INVALID_INPUT', 'Rights surrendered: an instruction surrenders at least 1 right', 'rightsSurrendered');
  if (input.rightsSurrendered > position.left) {
    throw new DeskFailure('INVALID_INPUT', `Rights surrendered: ${input.rightsSurrendered} is more than the ${position.left} rights left on ${position.number} (${position.firmRights} firm rights, ${position.surrendered} already surrendered)`, 'rightsSurrendered');
  }
  if (input.basicShares > input.rightsSurrendered) {
    throw new DeskFailure('INVALID_INPUT', `Basic shares: ${input.basicShares} is more than the ${input.rightsSurrendered} rights surrendered`, 'basicShares');
  }
  checkCertification(input);
}

/** The certification's lines must tie to the instruction they certify. */
function checkCertification(input: DtcInstructionInput): void {
  if (input.lines.length === 0) return;
  const basic = input.lines.reduce((n, l) => n + l.basicExercised, 0);
  const over = input.lines.reduce((n, l) => n + l.oversubscriptionRequested, 0);
  if (basic !== input.basicShares) throw new DeskFailure('INVALID_INPUT', `Certification: its owners’ basic exercises add up to ${basic}, the instruction’s basic shares are ${input.basicShares}`, 'lines');
  if (over !== input.oversubscriptionShares) throw new DeskFailure('INVALID_INPUT', `Certification: its owners’ oversubscription requests add up to ${over}, the instruction asks ${input.oversubscriptionShares}`, 'lines');
  const seen = new Set<string>();
  input.lines.forEach((l, i) => {
    if (seen.has(l.ownerReference)) throw new DeskFailure('INVALID_INPUT', `Certification line ${i + 1}: beneficial owner ${l.ownerReference} is on an earlier line`, `lines.${i}.ownerReference`);
    seen.add(l.ownerReference);
  });
}

/** What the clerk keyed as the engine's facts: certified only with the certification (and its lines, when oversubscribing). */
export function dtcFactsOf(input: Pick<DtcInstructionInput, 'certified' | 'lines' | 'oversubscriptionShares' | 'settled'>): DtcFacts {
  return { signed: true, nomineeCertified: input.certified && (input.oversubscriptionShares === 0 || input.lines.length > 0), settled: input.settled };
}

/**
 * The engine's view of an instruction before it is saved (as the clerk types). Correcting one, the
 * instruction it replaces is reversed in the same change: its rights count as not surrendered.
 */
export function previewDtcInstruction(store: BookStore, input: DtcPreviewInput): Promise<DtcPreview> {
  return store.read(async (r) => {
    const { correcting, ...keyed } = input;
    const c = await itemContext(r, keyed.envelopeId);
    const terms = rightsTerms(c);
    const { certificate, view } = await nomineePosition(r, c.program.id, keyed.certificateNumber);
    const assessment = assessKeyedDtc(terms, c.envelope, certificate, keyed, dtcFactsOf(keyed));
    return { position: correcting === undefined ? view : await withoutCorrected(r, view, correcting), assessment };
  });
}

/** The position as it stands once the instruction being corrected is reversed. */
async function withoutCorrected(r: ReadRepos, view: NomineePositionView, electionId: number): Promise<NomineePositionView> {
  const e = await dtcInstructionById(r, electionId);
  if ((await r.intake.count('election_reversals', 'electionId', e.id)) > 0) {
    throw new DeskFailure('CONFLICT', `Instruction ${e.id} (VOI ${e.voiNumber ?? '?'}) was already corrected: correct the instruction that replaced it`, 'electionId');
  }
  if (e.certificateId !== view.certificateId) return view;
  const surrendered = view.surrendered - (e.rightsSurrendered ?? 0);
  return { ...view, surrendered, left: Math.max(0, view.firmRights - surrendered) };
}

/** Records what the clerk keyed: the instruction, its certification lines, its DTC payment and the ledger's deposit (and clearance when settled). */
export async function writeInstruction(tx: WriteRepos, c: ItemContext, certificate: CertificateRecord, input: DtcInstructionInput, at: string, by: number): Promise<number> {
  const electionId = await writeInstructionOnly(tx, c, certificate, input, at, by, null);
  const amount = moneyOf(input.amount);
  const paymentId = await tx.intake.insert('payments', {
    programId: c.program.id, batchId: c.batch.id, envelopeId: c.envelope.id, electionId, oddLotOrderId: null, method: 'dtc', amount,
    checkNumber: null, abaRouting: null, bankAccount: null, payer: `${input.participantName} (DTC ${input.participantNumber})`, reference: input.voiNumber, keyedAt: at, keyedBy: by,
  });
  const ledger = (kind: 'deposited' | 'cleared', memo: string) =>
    tx.intake.insert('ledger_entries', { programId: c.program.id, kind, method: 'dtc', amount, businessDate: c.batch.receiptDate, paymentId, electionId, memo, at, createdBy: by });
  await ledger('deposited', `DTC settlement for VOI ${input.voiNumber}`);
  if (input.settled) {
    await tx.intake.insert('payment_events', { paymentId, kind: 'cleared', businessDate: c.batch.receiptDate, reason: null, bankFileId: null, at, createdBy: by });
    await ledger('cleared', `DTC settlement collected for VOI ${input.voiNumber}`);
  }
  return electionId;
}

/** The instruction and its certification lines (a correction carries the payment of the one it corrects). */
export async function writeInstructionOnly(tx: WriteRepos, c: ItemContext, certificate: CertificateRecord, input: DtcInstructionInput, at: string, by: number, correctsId: number | null): Promise<number> {
  const electionId = await tx.intake.insert('elections', {
    programId: c.program.id, batchId: c.batch.id, envelopeId: c.envelope.id, kind: 'dtc', certificateId: certificate.id,
    basicShares: input.basicShares, oversubscriptionShares: input.oversubscriptionShares, facts: dtcFactsOf(input),
    voiNumber: input.voiNumber, participantNumber: input.participantNumber, participantName: input.participantName, rightsSurrendered: input.rightsSurrendered,
    correctsId, keyedAt: at, keyedBy: by,
  });
  if (input.lines.length > 0) {
    await tx.intake.insertMany('nominee_certification_lines', input.lines.map((l, i) => ({ electionId, line: i + 1, ...l })));
  }
  return electionId;
}

/** Keys one instruction in one change (journaled with what was keyed); returns it as saved, assessed. */
export async function keyDtcInstruction(store: BookStore, user: SessionUser, input: DtcInstructionInput): Promise<DtcInstructionView> {
  const electionId = await store.change(actorOf(user), 'intake.dtcInstructionKeyed', async (tx, at) => {
    await holdEnvelopeBatch(tx, input.envelopeId);
    const c = await itemContext(tx, input.envelopeId);
    rightsTerms(c);
    await tx.intake.serializeWriters(); // the position's sum is checked with no other desk adding to it
    const { certificate, view } = await nomineePosition(tx, c.program.id, input.certificateNumber);
    await checkInstruction(tx, c, input, view);
    const id = await writeInstruction(tx, c, certificate, input, at, user.id);
    return { payload: { electionId: id, programId: c.program.id, batchId: c.batch.id, envelopeId: c.envelope.id, certificate: certificate.number, ...keyedPayload(input) }, result: id };
  });
  return store.read(async (r) => instructionView(r, (await r.intake.byId('elections', electionId))!));
}

export const keyedPayload = (input: DtcInstructionInput) => ({
  voiNumber: input.voiNumber, participantNumber: input.participantNumber, participantName: input.participantName,
  rightsSurrendered: input.rightsSurrendered, basicShares: input.basicShares, oversubscriptionShares: input.oversubscriptionShares,
  amount: moneyOf(input.amount), settled: input.settled, certified: input.certified, certificationLines: input.lines.length,
});

export async function instructionView(r: ReadRepos, e: IntakeRecord<'elections'>): Promise<DtcInstructionView> {
  const certificate = (await r.certificates.byId(e.certificateId))!;
  const lines = await r.intake.count('nominee_certification_lines', 'electionId', e.id);
  const facts = e.facts as DtcFacts;
  return {
    electionId: e.id, voiNumber: e.voiNumber ?? '', participantNumber: e.participantNumber ?? '', participantName: e.participantName ?? '',
    certificateNumber: certificate.number, rightsSurrendered: e.rightsSurrendered ?? 0, basicShares: e.basicShares ?? 0, oversubscriptionShares: e.oversubscriptionShares,
    certified: facts.nomineeCertified, lines, keyedAt: e.keyedAt, assessment: await assessDtc(r, e, certificate),
  };
}

/** Every unreversed DTC instruction of a program, newest first (at most 500). */
export function listDtcInstructions(store: BookStore, programId: number): Promise<DtcInstructionView[]> {
  return store.read(async (r) => {
    const rows = (await r.intake.where('elections', 'kind', 'dtc')).filter((e) => e.programId === programId);
    const open: IntakeRecord<'elections'>[] = [];
    for (const e of rows.reverse()) if ((await r.intake.count('election_reversals', 'electionId', e.id)) === 0) open.push(e);
    return Promise.all(open.slice(0, 500).map((e) => instructionView(r, e)));
  });
}
