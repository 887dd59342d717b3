/**
 * Test fixture for intake: the XO offering with its register and issued certificates, a clerk,
 * and a batch of mail with one envelope — what the election form is keyed into.
 */
import type { ElectionDraft } from '../../../shared/ipc/intake-forms';
import type { SessionUser } from '../../../shared/ipc/types';
import { createUser } from '../services/accounts';
import { issueCertificates } from '../services/certificates';
import { addEnvelope, openBatch } from '../services/intake/mail-log';
import { actorOf } from '../services/views';
import type { BookStore } from '../store/port';
import { xoBookWithRegister, type XoBook } from './xo-register-fixture';

/** After the XO expiration (12/08/2003 5:00 p.m. ET): any stamp of the offering's days is in the past. */
export const AFTER_XO = new Date('2003-12-10T15:00:00.000Z');

export interface IntakeBook extends XoBook {
  readonly clerk: SessionUser;
  /** Certificate numbers by account and class ("H-1003/A"). */
  readonly numbers: ReadonlyMap<string, string>;
}

export async function intakeBook(store: BookStore): Promise<IntakeBook> {
  const xo = await xoBookWithRegister(store);
  await issueCertificates(store, actorOf(xo.supervisor), xo.programId);
  const summary = await createUser(store, xo.supervisor, { username: 'carla', displayName: 'Carla Clerk', password: 'correct horse battery', role: 'clerk' });
  const clerk: SessionUser = { id: summary.id, username: summary.username, displayName: summary.displayName, role: summary.role };
  const certificates = await store.read((r) => r.certificates.list(xo.programId, {}, 0, 100));
  return { ...xo, clerk, numbers: new Map(certificates.map((c) => [`${c.account}/${c.class}`, c.number])) };
}

/** A batch for the receipt date and one envelope stamped at `stamped` (New York wall time). */
export async function batchAndEnvelope(store: BookStore, book: IntakeBook, stamped = '2003-12-01T10:15', by: SessionUser = book.clerk): Promise<{ batchId: number; envelopeId: number }> {
  const batch = await openBatch(store, actorOf(by), { programId: book.programId, receiptDate: stamped.slice(0, 10) }, AFTER_XO);
  const envelope = await addEnvelope(store, actorOf(by), { batchId: batch.id, stampedLocal: stamped, source: 'mail', itemCount: 20 }, AFTER_XO);
  return { batchId: batch.id, envelopeId: envelope.id };
}

/** A clean form on `number` for `basic` shares paid by money order (good funds on receipt), with `more` over it. */
export function cleanDraft(ids: { batchId: number; envelopeId: number }, number: string, basic: number | null, more: Partial<ElectionDraft> = {}): ElectionDraft {
  return {
    ...ids,
    certificateNumber: number,
    basicShares: basic,
    oversubscriptionShares: 0,
    signed: true,
    signatureMatches: true,
    allJointHoldersSigned: true,
    fiduciary: false,
    capacity: '',
    fiduciaryEvidence: false,
    deliverElsewhere: false,
    medallion: false,
    taxFormOnFile: true,
    foreignInstruction: false,
    payments: basic === null ? [] : [{ method: 'money-order', amount: `${basic * 5}.00`, payer: 'Nguyen Van An', checkNumber: '77001' }],
    ...more,
  };
}
