/**
 * Notices of Guaranteed Delivery (§5b), where the terms allow them (the XO terms do not). An
 * eligible institution guarantees that the holder's certificates follow within the terms' cover
 * period; payment must come by expiration. The certificates are due by 5:00 p.m. New York time on
 * the cover period's last business day, counted from the day the notice was received on the
 * terms' business-day calendar. A certificate arriving is a cover row; once every certificate of
 * the notice has come in time the election is complete; when the due time passes without them
 * (or one came late) the engine's GUARANTEED_DELIVERY_NOT_COVERED rejects it.
 */
import { addBusinessDays, type CalendarName, type RightsOfferingTerms } from '../../../../shared/domain';
import type { GuaranteedNoticeInput, GuaranteedNoticeView } from '../../../../shared/ipc/intake-more';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { SessionUser } from '../../../../shared/ipc/types';
import { UniqueViolation, type BookStore, type CertificateRecord, type IntakeRecord, type ReadRepos, type WriteRepos } from '../../store/port';
import { actorOf } from '../views';
import { assessStored } from './assess';
import { noticeCover } from './guaranteed-cover';
import { holdEnvelopeBatch, itemContext, moneyOf, rightsTerms, type ItemContext } from './item-context';

/** The terms' cover period, or a refusal in words where the terms do not allow guaranteed delivery. */
function coverDays(c: ItemContext, terms: RightsOfferingTerms): number {
  if (!terms.guaranteedDelivery.allowed) {
    throw new DeskFailure('INVALID_INPUT', `Guaranteed delivery: the terms of “${c.program.name}” do not allow it (§5b) — the certificate itself must arrive by expiration`, 'institution');
  }
  return terms.guaranteedDelivery.coverBusinessDays;
}

/** The certificates are due on the cover period's last business day after the notice's receipt date. */
export const noticeDueDate = (receivedLocal: string, days: number, terms: RightsOfferingTerms): string => addBusinessDays(receivedLocal.slice(0, 10), days, terms.businessDays as CalendarName);

async function noticeCertificates(r: ReadRepos, c: ItemContext, input: GuaranteedNoticeInput): Promise<CertificateRecord[]> {
  const found: CertificateRecord[] = [];
  for (const [i, number] of input.certificateNumbers.entries()) {
    const [certificate] = await r.certificates.byNumber(number, c.program.id);
    if (!certificate) throw new DeskFailure('NOT_FOUND', `Certificate numbers: ${number} is not a certificate of this program`, `certificateNumbers.${i}`);
    if (certificate.account !== input.account) throw new DeskFailure('INVALID_INPUT', `Certificate numbers: ${number} belongs to account ${certificate.account}, not ${input.account}`, `certificateNumbers.${i}`);
    if (found.some((f) => f.id === certificate.id)) throw new DeskFailure('INVALID_INPUT', `Certificate numbers: ${number} is named twice`, `certificateNumbers.${i}`);
    found.push(certificate);
  }
  return found;
}

async function checkNotice(r: ReadRepos, certificates: readonly CertificateRecord[], input: GuaranteedNoticeInput): Promise<void> {
  let left = 0;
  for (const cert of certificates) left += Math.max(0, cert.firmRights - (await r.intake.basicExercised(cert.id)));
  if ((await r.intake.where('guaranteed_deliveries', 'programId', certificates[0]!.programId)).some((n) => (n.certificateNumbers as string[]).includes(certificates[0]!.number))) {
    throw new DeskFailure('CONFLICT', `Certificate number: ${certificates[0]!.number} already has a notice of guaranteed delivery`, 'certificateNumbers.0');
  }
  if (input.rights < 1) throw new DeskFailure('INVALID_INPUT', 'Rights: a notice guarantees at least 1 right', 'rights');
  if (input.rights > left) throw new DeskFailure('INVALID_INPUT', `Rights: ${input.rights} is more than the ${left} rights left on the certificates named`, 'rights');
  if (input.basicShares > input.rights) throw new DeskFailure('INVALID_INPUT', `Basic shares: ${input.basicShares} is more than the ${input.rights} rights guaranteed`, 'basicShares');
}

async function writeNotice(tx: WriteRepos, c: ItemContext, certificates: readonly CertificateRecord[], input: GuaranteedNoticeInput, dueDate: string, at: string, by: number) {
  const electionId = await tx.intake.insert('elections', {
    programId: c.program.id, batchId: c.batch.id, envelopeId: c.envelope.id, kind: 'form', certificateId: certificates[0]!.id,
    basicShares: input.basicShares, oversubscriptionShares: input.oversubscriptionShares, facts: { signed: true, guaranteedDelivery: true },
    voiNumber: null, participantNumber: null, participantName: null, rightsSurrendered: null, correctsId: null, keyedAt: at, keyedBy: by,
  });
  const noticeId = await tx.intake.insert('guaranteed_deliveries', {
    programId: c.program.id, electionId, institution: input.institution, certificateNumbers: certificates.map((x) => x.number), rights: input.rights, dueDate, keyedAt: at, keyedBy: by,
  });
  const p = input.payment;
  const amount = moneyOf(p.amount);
  const reference = p.reference === '' ? null : p.reference;
  const paymentId = await tx.intake.insert('payments', {
    programId: c.program.id, batchId: c.batch.id, envelopeId: c.envelope.id, electionId, oddLotOrderId: null, method: p.method, amount,
    checkNumber: p.method.endsWith('check') ? reference : null, abaRouting: null, bankAccount: null, payer: p.payer, reference, keyedAt: at, keyedBy: by,
  });
  await tx.intake.insert('ledger_entries', { programId: c.program.id, kind: 'deposited', method: p.method, amount, businessDate: c.batch.receiptDate, paymentId, electionId, memo: `Payment with the guaranteed delivery of ${input.institution}`, at, createdBy: by });
  return { electionId, noticeId };
}

/** Keys a notice with its payment in one change; the certificates' due date comes from the terms' cover period. */
export async function keyGuaranteedNotice(store: BookStore, user: SessionUser, input: GuaranteedNoticeInput, asOf: Date): Promise<GuaranteedNoticeView> {
  const noticeId = await store.change(actorOf(user), 'intake.guaranteedDeliveryKeyed', async (tx, at) => {
    await holdEnvelopeBatch(tx, input.envelopeId);
    const c = await itemContext(tx, input.envelopeId);
    const terms = rightsTerms(c);
    const days = coverDays(c, terms);
    const certificates = await noticeCertificates(tx, c, input);
    await checkNotice(tx, certificates, input);
    const dueDate = noticeDueDate(c.envelope.stampedLocal, days, terms);
    const ids = await writeNotice(tx, c, certificates, input, dueDate, at, user.id);
    const payload = { ...ids, programId: c.program.id, envelopeId: c.envelope.id, institution: input.institution, account: input.account, certificateNumbers: input.certificateNumbers, rights: input.rights, basicShares: input.basicShares, oversubscriptionShares: input.oversubscriptionShares, dueDate, payment: { method: input.payment.method, amount: moneyOf(input.payment.amount) } };
    return { payload, result: ids.noticeId };
  });
  return store.read(async (r) => noticeView(r, (await r.intake.byId('guaranteed_deliveries', noticeId))!, asOf));
}

/** Records a certificate that arrived for a notice, in the envelope it came in. */
export async function coverGuaranteedNotice(store: BookStore, user: SessionUser, input: { noticeId: number; envelopeId: number; certificateNumber: string }, asOf: Date): Promise<GuaranteedNoticeView> {
  try {
    await store.change(actorOf(user), 'intake.guaranteedDeliveryCovered', async (tx, at) => {
      await holdEnvelopeBatch(tx, input.envelopeId);
      const notice = await tx.intake.byId('guaranteed_deliveries', input.noticeId);
      if (!notice) throw new DeskFailure('NOT_FOUND', 'Notice: there is no such notice of guaranteed delivery', 'noticeId');
      const c = await itemContext(tx, input.envelopeId);
      if (c.program.id !== notice.programId) throw new DeskFailure('INVALID_INPUT', 'Envelope: it belongs to another program than the notice', 'envelopeId');
      const numbers = notice.certificateNumbers as string[];
      if (!numbers.includes(input.certificateNumber)) throw new DeskFailure('INVALID_INPUT', `Certificate number: ${input.certificateNumber} is not named on this notice (${numbers.join(', ')})`, 'certificateNumber');
      const [certificate] = await tx.certificates.byNumber(input.certificateNumber, notice.programId);
      const already = (await tx.intake.where('guaranteed_delivery_covers', 'noticeId', notice.id)).some((x) => x.certificateId === certificate!.id);
      if (already) throw new DeskFailure('CONFLICT', `Certificate number: ${input.certificateNumber} has already arrived for this notice`, 'certificateNumber');
      const coverId = await tx.intake.insert('guaranteed_delivery_covers', { noticeId: notice.id, certificateId: certificate!.id, envelopeId: c.envelope.id, keyedAt: at, keyedBy: user.id });
      return { payload: { coverId, noticeId: notice.id, certificate: input.certificateNumber, envelopeId: c.envelope.id, receivedLocal: c.envelope.stampedLocal, dueDate: notice.dueDate }, result: coverId };
    });
  } catch (error) {
    if (error instanceof UniqueViolation) throw new DeskFailure('CONFLICT', `Certificate number: ${input.certificateNumber} was recorded for this notice on another desk a moment ago`, 'certificateNumber');
    throw error;
  }
  return store.read(async (r) => noticeView(r, (await r.intake.byId('guaranteed_deliveries', input.noticeId))!, asOf));
}

async function noticeView(r: ReadRepos, notice: IntakeRecord<'guaranteed_deliveries'>, asOf: Date): Promise<GuaranteedNoticeView> {
  const terms = (await r.terms.history(notice.programId)).at(-1)!.terms as RightsOfferingTerms;
  const { state, arrived } = await noticeCover(r, notice, terms, asOf);
  const election = (await r.intake.byId('elections', notice.electionId))!;
  const certificate = (await r.certificates.byId(election.certificateId))!;
  const envelope = (await r.intake.byId('envelopes', election.envelopeId))!;
  const covered = arrived.length > 0 ? [certificate.number] : [];
  return {
    noticeId: notice.id, electionId: notice.electionId, institution: notice.institution, account: certificate.account, certificateNumbers: notice.certificateNumbers as string[],
    covered, rights: notice.rights, dueDate: notice.dueDate, state, assessment: await assessStored(r, election, terms, certificate, envelope.stampedLocal, asOf),
  };
}

/** A program's notices, those still awaiting their certificates first (by due date), then the rest. */
export function listGuaranteedNotices(store: BookStore, programId: number, asOf: Date): Promise<GuaranteedNoticeView[]> {
  return store.read(async (r) => {
    const views = await Promise.all((await r.intake.where('guaranteed_deliveries', 'programId', programId)).map((n) => noticeView(r, n, asOf)));
    const rank = (v: GuaranteedNoticeView) => (v.state === 'awaiting' ? 0 : 1);
    return views.sort((a, b) => rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate) || a.noticeId - b.noticeId);
  });
}
