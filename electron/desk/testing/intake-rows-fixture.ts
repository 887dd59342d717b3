/**
 * Test fixture: a day's mail on the XO book, written the way the intake screens write it —
 * through `tx.intake.*` inside one `store.change` per item — batches, envelopes, election forms
 * and DTC instructions with their payments (and clearance), odd-lot orders.
 */
import { toUtcIso, wallTimeToInstant } from '../../../shared/domain';
import { issueCertificates } from '../services/certificates';
import { actorOf } from '../services/views';
import type { BookStore, CertificateRecord, NewIntakeRow, NewRegisterEntry } from '../store/port';
import { XO_REGISTER, xoBookWithRegister, type XoBook } from './xo-register-fixture';

export interface IntakeBook extends XoBook {
  /** The XO certificates by number (RT-000001 …). */
  readonly certificates: ReadonlyMap<string, CertificateRecord>;
}

/** The XO register with a TIN on file for the Müllers (its last four kept: 6789), as an import writes it. */
export const XO_REGISTER_WITH_TIN: readonly NewRegisterEntry[] = XO_REGISTER.map((e) =>
  e.account === 'H-1002' ? { ...e, tinType: 'SSN', tinLast4: '6789', tinEncrypted: new Uint8Array([9, 9, 9, 9]) } : e,
);

/** The XO program, its register and its certificates issued. */
export async function xoIntakeBook(store: BookStore, entries: readonly NewRegisterEntry[] = XO_REGISTER): Promise<IntakeBook> {
  const book = await xoBookWithRegister(store, entries);
  await issueCertificates(store, actorOf(book.supervisor), book.programId);
  const certificates = await store.read((r) => r.certificates.list(book.programId, {}, 0, 1000));
  return { ...book, certificates: new Map(certificates.map((c) => [c.number, c])) };
}

const by = (book: XoBook) => actorOf(book.supervisor);

export async function openBatch(store: BookStore, book: XoBook, label = 'Morning mail', receiptDate = '2003-11-20'): Promise<number> {
  return store.change(by(book), 'test.batchOpened', async (tx, at) => {
    const id = await tx.intake.insert('mail_batches', { programId: book.programId, receiptDate, label, openedAt: at, openedBy: book.supervisor.id });
    return { payload: { id }, result: id };
  });
}

export interface EnvelopeKeyed {
  readonly seq: number;
  readonly itemCount: number;
  readonly stampedLocal?: string;
  readonly source?: string;
}

export async function addEnvelope(store: BookStore, book: XoBook, batchId: number, e: EnvelopeKeyed): Promise<number> {
  const stampedLocal = e.stampedLocal ?? '2003-11-20T09:15';
  return store.change(by(book), 'test.envelopeLogged', async (tx, at) => {
    const id = await tx.intake.insert('envelopes', {
      batchId, seq: e.seq, source: e.source ?? 'mail', stampedLocal, receivedAt: toUtcIso(wallTimeToInstant(stampedLocal)), itemCount: e.itemCount, createdAt: at, createdBy: book.supervisor.id,
    });
    return { payload: { id }, result: id };
  });
}

export interface PaymentKeyed {
  readonly method: string;
  readonly amount: string;
  readonly status?: 'received' | 'cleared' | 'returned';
  readonly checkNumber?: string;
  readonly payer?: string;
  readonly reference?: string;
}

export interface ElectionKeyed {
  readonly certificate: string;
  readonly basicShares: number | null;
  readonly oversubscriptionShares?: number;
  readonly facts?: Readonly<Record<string, unknown>>;
  readonly payments?: readonly PaymentKeyed[];
  readonly dtc?: { readonly voi: string; readonly participant: string; readonly name: string; readonly rights: number };
  readonly correctsId?: number;
}

/** One election (form or DTC instruction) with its payments and their clearance, in one change. */
export async function keyElection(store: BookStore, book: IntakeBook, ids: { batchId: number; envelopeId: number }, e: ElectionKeyed): Promise<number> {
  const certificate = book.certificates.get(e.certificate);
  if (!certificate) throw new Error(`No certificate ${e.certificate} in the XO book`);
  return store.change(by(book), 'test.electionKeyed', async (tx, at) => {
    const row: NewIntakeRow<'elections'> = {
      programId: book.programId, batchId: ids.batchId, envelopeId: ids.envelopeId, kind: e.dtc ? 'dtc' : 'form', certificateId: certificate.id,
      basicShares: e.basicShares, oversubscriptionShares: e.oversubscriptionShares ?? 0, facts: e.facts ?? { signed: true },
      voiNumber: e.dtc?.voi ?? null, participantNumber: e.dtc?.participant ?? null, participantName: e.dtc?.name ?? null, rightsSurrendered: e.dtc?.rights ?? null,
      correctsId: e.correctsId ?? null, keyedAt: at, keyedBy: book.supervisor.id,
    };
    const electionId = await tx.intake.insert('elections', row);
    for (const p of e.payments ?? []) {
      const paymentId = await tx.intake.insert('payments', {
        programId: book.programId, batchId: ids.batchId, envelopeId: ids.envelopeId, electionId, oddLotOrderId: null, method: p.method, amount: p.amount,
        checkNumber: p.checkNumber ?? (p.method === 'check' ? '1001' : null), abaRouting: p.method === 'check' ? '021000021' : null, bankAccount: p.method === 'check' ? '12345678' : null,
        payer: p.payer ?? 'Holder', reference: p.reference ?? null, keyedAt: at, keyedBy: book.supervisor.id,
      });
      if (p.status === 'cleared' || p.status === 'returned') {
        await tx.intake.insert('payment_events', { paymentId, kind: p.status, businessDate: '2003-11-21', reason: p.status === 'returned' ? 'NSF' : null, bankFileId: null, at, createdBy: book.supervisor.id });
      }
    }
    return { payload: { electionId }, result: electionId };
  });
}

/** Withdraws an election from the count (§4a: the reversing half of a correction). */
export async function reverseElection(store: BookStore, book: XoBook, electionId: number, reason = 'Keyed the wrong number of shares'): Promise<void> {
  await store.change(by(book), 'test.electionReversed', async (tx, at) => {
    await tx.intake.insert('election_reversals', { electionId, reason, reversedAt: at, reversedBy: book.supervisor.id });
    return { payload: { electionId }, result: null };
  });
}

export interface OddLotKeyed {
  readonly account: string;
  readonly action: 'sell' | 'buy-up';
  readonly shares: number;
}

export async function keyOddLot(store: BookStore, book: XoBook, ids: { batchId: number; envelopeId: number }, o: OddLotKeyed): Promise<number> {
  const [entry] = await store.read((r) => r.register.byAccount(book.programId, o.account));
  if (!entry) throw new Error(`No register entry for ${o.account}`);
  return store.change(by(book), 'test.oddLotKeyed', async (tx, at) => {
    const id = await tx.intake.insert('odd_lot_orders', {
      programId: book.programId, batchId: ids.batchId, envelopeId: ids.envelopeId, entryId: entry.id, account: o.account, action: o.action, shares: o.shares,
      orderedAt: '2003-11-20T14:15:00.000Z', orderDate: '2003-11-20', orderPrice: null, keyedAt: at, keyedBy: book.supervisor.id,
    });
    return { payload: { id }, result: id };
  });
}
