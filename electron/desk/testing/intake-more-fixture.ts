/**
 * Test fixture for nominees' DTC instructions, guaranteed deliveries and odd-lot orders: the XO
 * rights offering with a Cede & Co position (class A, 50,000 firm rights), optionally with terms
 * that allow guaranteed delivery (a cover period of 3 business days); an odd-lot program with a
 * register of odd and round lots, plan shares and a holder in an excluded jurisdiction; and a
 * mail batch with envelopes written through the intake repositories.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { oddLotTermsSchema, rightsOfferingTermsSchema, wallTimeToInstant, toUtcIso } from '../../../shared/domain';
import { XO_TERMS_JSON } from '../../../shared/domain/testing/terms';
import type { SessionUser } from '../../../shared/ipc/types';
import { createFirstAdmin } from '../services/accounts';
import { issueCertificates } from '../services/certificates';
import { createProgram } from '../services/programs';
import { recordTerms } from '../services/terms';
import { actorOf } from '../services/views';
import type { BookStore } from '../store/port';
import { entry, writeRegister, XO_REGISTER, XO_CUSIP } from './xo-register-fixture';

export interface IntakeBook {
  readonly programId: number;
  readonly supervisor: SessionUser;
}

/** The nominee's position: Cede & Co for its participants, class A. */
export const CEDE_ACCOUNT = 'H-9000';
export const CEDE_ENTRY = entry({ account: CEDE_ACCOUNT, class: 'A', units: '50000', registration: ['Cede & Co', '', '', ''], nominee: 'Cede & Co', address1: '55 Water Street', city: 'New York', state: 'NY', postalCode: '10041' }, 9);

/** The XO rights offering with its register, the Cede position, and certificates issued (the Cede position is RT-000008). */
export async function rightsIntakeBook(store: BookStore, options: { guaranteedDelivery?: boolean; supervisor?: SessionUser } = {}): Promise<IntakeBook> {
  const supervisor = options.supervisor ?? (await createFirstAdmin(store, { username: 'sam', displayName: 'Sam Supervisor', password: 'correct horse battery' }));
  const cusip = options.guaranteedDelivery ? '983764184' : XO_CUSIP; // check digits valid
  const program = await createProgram(store, supervisor, { kind: 'rights-offering', name: options.guaranteedDelivery ? 'XO Communications rights offering with guaranteed delivery' : 'XO Communications 2003 rights offering', issuer: 'XO Communications, Inc.', cusip, recordDate: '2003-10-10' });
  const json = options.guaranteedDelivery ? { ...XO_TERMS_JSON, guaranteedDelivery: { allowed: true, coverBusinessDays: 3 } } : XO_TERMS_JSON;
  await recordTerms(store, supervisor, { programId: program.id, reason: 'Original terms', terms: rightsOfferingTermsSchema.parse(json) });
  const book = { programId: program.id, supervisor };
  await writeRegister(store, book, [...XO_REGISTER, CEDE_ENTRY]);
  await issueCertificates(store, actorOf(supervisor), program.id);
  return book;
}

/** Odd-lot accounts: an odd lot, a round lot, one in Canada (excluded), one whose plan shares make it odd, one for buying up. */
export const ODD_LOT_REGISTER = [
  entry({ account: 'OL-1', class: '', units: '37' }, 2),
  entry({ account: 'OL-2', class: '', units: '150' }, 3),
  entry({ account: 'OL-3', class: '', units: '40', country: 'CA', state: 'ON', city: 'Toronto', postalCode: 'M5H 2N2' }, 4),
  entry({ account: 'OL-4', class: '', units: '120', planShares: '30' }, 5),
  entry({ account: 'OL-5', class: '', units: '60' }, 6),
];

const ODD_LOT_FILE = JSON.parse(readFileSync(fileURLToPath(new URL('../../../test/fixtures/xo-odd-lot-program.json', import.meta.url)), 'utf8')) as { name: string; issuer: string; cusip: string; recordDate: string; program: Record<string, unknown> };

/** The odd-lot program of test/fixtures/xo-odd-lot-program.json, Canada excluded, with its register. */
export async function oddLotIntakeBook(store: BookStore, options: { supervisor?: SessionUser } = {}): Promise<IntakeBook> {
  const supervisor = options.supervisor ?? (await createFirstAdmin(store, { username: 'sam', displayName: 'Sam Supervisor', password: 'correct horse battery' }));
  const f = ODD_LOT_FILE;
  const program = await createProgram(store, supervisor, { kind: 'odd-lot', name: f.name, issuer: f.issuer, cusip: f.cusip, recordDate: f.recordDate });
  const terms = oddLotTermsSchema.parse({ ...f.program, recordDate: f.recordDate, excludedJurisdictions: ['CA'] });
  await recordTerms(store, supervisor, { programId: program.id, reason: 'Original terms', terms });
  const book = { programId: program.id, supervisor };
  await writeRegister(store, book, ODD_LOT_REGISTER);
  return book;
}

/** Opens a batch for the receipt date and an envelope stamped at `stamped` (New York 'YYYY-MM-DDTHH:mm'); returns their ids. */
export async function openEnvelope(store: BookStore, book: IntakeBook, stamped: string, source = 'mail', itemCount = 20): Promise<{ batchId: number; envelopeId: number }> {
  return store.change(actorOf(book.supervisor), 'intake.test.envelope', async (tx, at) => {
    const receiptDate = stamped.slice(0, 10);
    const [existing] = (await tx.intake.where('mail_batches', 'programId', book.programId)).filter((b) => b.receiptDate === receiptDate);
    const batchId = existing?.id ?? (await tx.intake.insert('mail_batches', { programId: book.programId, receiptDate, label: `Mail of ${receiptDate}`, openedAt: at, openedBy: book.supervisor.id }));
    const seq = (await tx.intake.count('envelopes', 'batchId', batchId)) + 1;
    const envelopeId = await tx.intake.insert('envelopes', { batchId, seq, source, stampedLocal: stamped, receivedAt: toUtcIso(wallTimeToInstant(stamped)), itemCount, createdAt: at, createdBy: book.supervisor.id });
    return { payload: { batchId, envelopeId }, result: { batchId, envelopeId } };
  });
}
