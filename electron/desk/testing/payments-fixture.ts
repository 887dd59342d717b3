/**
 * For payments tests: the XO program with its register and issued certificates, a clerk, a mail
 * batch with an envelope, elections on the certificates, and payments written as intake writes
 * them — the payment and its 'deposited' ledger entry in one change, through tx.intake.
 */
import type { EscrowMethod } from '../../../shared/domain/escrow';
import type { SessionUser } from '../../../shared/ipc/types';
import { createUser } from '../services/accounts';
import { issueCertificates } from '../services/certificates';
import { actorOf } from '../services/views';
import type { BookStore, CertificateRecord } from '../store/port';
import { xoBookWithRegister } from './xo-register-fixture';

export interface PaymentsBook {
  readonly programId: number;
  /** sam: the first administrator, who supervises. */
  readonly supervisor: SessionUser;
  readonly clerk: SessionUser;
  readonly certificates: readonly CertificateRecord[];
}

export async function paymentsBook(store: BookStore): Promise<PaymentsBook> {
  const book = await xoBookWithRegister(store);
  await issueCertificates(store, actorOf(book.supervisor), book.programId);
  const u = await createUser(store, book.supervisor, { username: 'carl', displayName: 'Carl Clerk', password: 'correct horse battery', role: 'clerk' });
  const clerk: SessionUser = { id: u.id, username: u.username, displayName: u.displayName, role: u.role } as SessionUser;
  const certificates = await store.read(async (r) => r.certificates.list(book.programId, {}, 0, 100));
  return { programId: book.programId, supervisor: book.supervisor, clerk, certificates };
}

/** Opens a batch for a receipt date with one envelope stamped at 10:00 New York time. */
export function openBatch(store: BookStore, book: PaymentsBook, receiptDate: string, items = 20): Promise<{ batchId: number; envelopeId: number }> {
  return store.change(actorOf(book.clerk), 'intake.batchOpened', async (tx, at) => {
    const batchId = await tx.intake.insert('mail_batches', { programId: book.programId, receiptDate, label: `Mail ${receiptDate}`, openedAt: at, openedBy: book.clerk.id });
    const envelopeId = await tx.intake.insert('envelopes', {
      batchId, seq: 1, source: 'mail', stampedLocal: `${receiptDate}T10:00`, receivedAt: `${receiptDate}T15:00:00.000Z`, itemCount: items, createdAt: at, createdBy: book.clerk.id,
    });
    return { payload: { batchId, envelopeId }, result: { batchId, envelopeId } };
  });
}

/** An election form on the n-th certificate, exercising `basic` shares. */
export function keyElection(store: BookStore, book: PaymentsBook, where: { batchId: number; envelopeId: number }, certificate = 0, basic = 10): Promise<number> {
  return store.change(actorOf(book.clerk), 'intake.electionSaved', async (tx, at) => {
    const cert = book.certificates[certificate];
    if (!cert) throw new Error(`The fixture has no certificate ${certificate}`);
    const id = await tx.intake.insert('elections', {
      programId: book.programId, batchId: where.batchId, envelopeId: where.envelopeId, kind: 'form', certificateId: cert.id, basicShares: basic, oversubscriptionShares: 0,
      facts: { signed: true }, voiNumber: null, participantNumber: null, participantName: null, rightsSurrendered: null, correctsId: null, keyedAt: at, keyedBy: book.clerk.id,
    });
    return { payload: { electionId: id }, result: id };
  });
}

export interface KeyedPayment {
  readonly method: EscrowMethod;
  readonly amount: string;
  readonly checkNumber?: string;
  readonly abaRouting?: string;
  readonly bankAccount?: string;
  readonly payer?: string;
  readonly reference?: string;
  readonly electionId?: number | null;
}

/** A payment received in the batch, with its 'deposited' entry on the batch's receipt date. */
export function keyPayment(store: BookStore, book: PaymentsBook, where: { batchId: number; envelopeId: number }, p: KeyedPayment): Promise<number> {
  return store.change(actorOf(book.clerk), 'intake.paymentKeyed', async (tx, at) => {
    const batch = await tx.payments.batch(where.batchId);
    if (!batch) throw new Error('No such batch');
    const id = await tx.intake.insert('payments', {
      programId: book.programId, batchId: where.batchId, envelopeId: where.envelopeId, electionId: p.electionId ?? null, oddLotOrderId: null, method: p.method, amount: p.amount,
      checkNumber: p.checkNumber ?? null, abaRouting: p.abaRouting ?? null, bankAccount: p.bankAccount ?? null, payer: p.payer ?? 'Zofia Łódź-Nowak', reference: p.reference ?? null, keyedAt: at, keyedBy: book.clerk.id,
    });
    await tx.intake.insert('ledger_entries', {
      programId: book.programId, kind: 'deposited', method: p.method, amount: p.amount, businessDate: batch.receiptDate, paymentId: id, electionId: p.electionId ?? null,
      memo: `Payment #${id} deposited`, at, createdBy: book.clerk.id,
    });
    return { payload: { paymentId: id }, result: id };
  });
}

/** The same for a program already in the book (a desk's): its certificates read as they stand. */
export async function paymentsBookOf(store: BookStore, programId: number, supervisor: SessionUser, clerk: SessionUser): Promise<PaymentsBook> {
  const certificates = await store.read(async (r) => r.certificates.list(programId, {}, 0, 100));
  return { programId, supervisor, clerk, certificates };
}
