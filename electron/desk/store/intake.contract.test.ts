// The intake repository and schema on both stores: rows in and out as records, the rights
// already exercised, payments with their splits and events, and the rules the database itself
// holds (append-only, money as two-decimal text, a DTC instruction's fields, one odd-lot order per account).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueCertificates } from '../services/certificates';
import { actorOf } from '../services/views';
import { storeKit, type StoreKit } from '../testing/store-kit';
import { xoBookWithRegister, type XoBook } from '../testing/xo-register-fixture';
import type { BookStore, NewIntakeRow } from './port';

let kit: StoreKit;
let store: BookStore;
let xo: XoBook;
let certificateId: number;
let nomineeCertificateId: number;

beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  xo = await xoBookWithRegister(store);
  await issueCertificates(store, actorOf(xo.supervisor), xo.programId);
  const certificates = await store.read((r) => r.certificates.list(xo.programId, {}, 0, 100));
  certificateId = certificates.find((c) => c.account === 'H-1003')!.id;
  nomineeCertificateId = certificates.find((c) => c.account === 'H-1004')!.id;
});
afterEach(async () => {
  await store.close();
  await kit.cleanup();
});

const by = () => xo.supervisor.id;

/** A batch with one envelope, as a clerk opens them. */
async function batchWithEnvelope(): Promise<{ batchId: number; envelopeId: number }> {
  return store.change(actorOf(xo.supervisor), 'test.batch', async (tx, at) => {
    const batchId = await tx.intake.insert('mail_batches', { programId: xo.programId, receiptDate: '2003-11-20', label: 'Morning mail', openedAt: at, openedBy: by() });
    const envelopeId = await tx.intake.insert('envelopes', {
      batchId, seq: 1, source: 'mail', stampedLocal: '2003-11-20T09:15', receivedAt: '2003-11-20T14:15:00.000Z', itemCount: 2, createdAt: at, createdBy: by(),
    });
    return { payload: { batchId }, result: { batchId, envelopeId } };
  });
}

function election(ids: { batchId: number; envelopeId: number }, at: string, more: Partial<NewIntakeRow<'elections'>> = {}): NewIntakeRow<'elections'> {
  return {
    programId: xo.programId, batchId: ids.batchId, envelopeId: ids.envelopeId, kind: 'form', certificateId, basicShares: 500, oversubscriptionShares: 0,
    facts: { signed: true }, voiNumber: null, participantNumber: null, participantName: null, rightsSurrendered: null, correctsId: null, keyedAt: at, keyedBy: by(), ...more,
  };
}

function payment(ids: { batchId: number; envelopeId: number }, at: string, electionId: number, amount: string): NewIntakeRow<'payments'> {
  return {
    programId: xo.programId, batchId: ids.batchId, envelopeId: ids.envelopeId, electionId, oddLotOrderId: null, method: 'check', amount,
    checkNumber: '1001', abaRouting: '021000021', bankAccount: '12345678', payer: 'Nguyen Van An', reference: null, keyedAt: at, keyedBy: by(),
  };
}

describe('the intake repository', () => {
  it('writes rows and reads them back as records, JSON parsed and integers as numbers', async () => {
    const ids = await batchWithEnvelope();
    const electionId = await store.change(actorOf(xo.supervisor), 'test.election', async (tx, at) => {
      const id = await tx.intake.insert('elections', election(ids, at, { facts: { signed: true, medallionGuarantee: false } }));
      return { payload: { id }, result: id };
    });
    const read = await store.read((r) => r.intake.byId('elections', electionId));
    expect(read).toMatchObject({ id: electionId, kind: 'form', certificateId, basicShares: 500, facts: { signed: true, medallionGuarantee: false }, voiNumber: null });
    expect(await store.read((r) => r.intake.where('envelopes', 'batchId', ids.batchId))).toMatchObject([{ seq: 1, itemCount: 2, stampedLocal: '2003-11-20T09:15' }]);
    expect(await store.read((r) => r.intake.count('elections', 'batchId', ids.batchId))).toBe(1);
    expect(await store.read((r) => r.intake.count('elections'))).toBe(1);
  });

  it('counts the rights already exercised on a certificate, less what a reversal withdrew', async () => {
    const ids = await batchWithEnvelope();
    await store.change(actorOf(xo.supervisor), 'test.elections', async (tx, at) => {
      const first = await tx.intake.insert('elections', election(ids, at, { basicShares: 300 }));
      await tx.intake.insert('elections', election(ids, at, { basicShares: 100 }));
      await tx.intake.insert('election_reversals', { electionId: first, reason: 'Keyed 300 for 30', reversedAt: at, reversedBy: by() });
      await tx.intake.insert('elections', election(ids, at, { basicShares: 30, correctsId: first }));
      await tx.intake.insert('elections', election(ids, at, { kind: 'dtc', certificateId: nomineeCertificateId, basicShares: 0, voiNumber: 'VOI-1', participantNumber: '0352', participantName: 'Broker One', rightsSurrendered: 1 }));
      return { payload: {}, result: null };
    });
    expect(await store.read((r) => r.intake.basicExercised(certificateId))).toBe(130);
    expect(await store.read((r) => r.intake.rightsSurrendered(nomineeCertificateId))).toBe(1);
  });

  it('gives an election its payments — a split one by its allocation — each with its clearance', async () => {
    const ids = await batchWithEnvelope();
    const { a, b, split } = await store.change(actorOf(xo.supervisor), 'test.payments', async (tx, at) => {
      const a = await tx.intake.insert('elections', election(ids, at));
      const b = await tx.intake.insert('elections', election(ids, at, { basicShares: 10 }));
      const own = await tx.intake.insert('payments', payment(ids, at, a, '6575.00'));
      const split = await tx.intake.insert('payments', payment(ids, at, a, '100.00'));
      await tx.intake.insert('payment_allocations', { paymentId: split, electionId: a, amount: '60.00', reason: 'One check for two forms', allocatedAt: at, allocatedBy: by() });
      await tx.intake.insert('payment_allocations', { paymentId: split, electionId: b, amount: '40.00', reason: 'One check for two forms', allocatedAt: at, allocatedBy: by() });
      await tx.intake.insert('payment_events', { paymentId: own, kind: 'cleared', businessDate: '2003-11-21', reason: null, bankFileId: null, at, createdBy: by() });
      return { payload: {}, result: { a, b, split } };
    });
    const ofA = await store.read((r) => r.intake.paymentsOf(a));
    expect(ofA.map((p) => [p.payment.amount, p.applied, p.events.map((e) => e.kind)])).toEqual([['6575.00', '6575.00', ['cleared']], ['100.00', '60.00', []]]);
    expect((await store.read((r) => r.intake.paymentsOf(b))).map((p) => [p.payment.id, p.applied])).toEqual([[split, '40.00']]);
  });

  it('writes many rows at once as one key range, in order', async () => {
    const ids = await batchWithEnvelope();
    const written = await store.change(actorOf(xo.supervisor), 'test.bulk', async (tx, at) => {
      const rows = Array.from({ length: 700 }, () => election(ids, at, { basicShares: 1 }));
      return { payload: {}, result: await tx.intake.insertMany('elections', rows) };
    });
    expect(written).toHaveLength(700);
    expect(written).toEqual([...written].sort((x, y) => x - y));
    expect(await store.read((r) => r.intake.basicExercised(certificateId))).toBe(700);
  });

  it('refuses a column the table does not have, before the database sees it', async () => {
    await expect(store.read((r) => r.intake.where('elections', 'nonsense' as never, 1))).rejects.toThrow(/elections has no column nonsense/);
  });
});

describe('the rules the intake schema holds itself', () => {
  const refused = (sqlText: string, params: unknown[]) => kit.raw(sqlText, params).then(() => 'accepted', (e: Error) => e.message);

  it('refuses money that is not positive two-decimal text', async () => {
    const ids = await batchWithEnvelope();
    const electionId = await store.change(actorOf(xo.supervisor), 'test.election', async (tx, at) => ({ payload: {}, result: await tx.intake.insert('elections', election(ids, at)) }));
    const insert = `INSERT INTO payments (program_id, batch_id, envelope_id, election_id, method, amount, payer, keyed_at, keyed_by) VALUES ($1, $2, $3, $4, 'check', $5, 'X', 'now', $6)`;
    for (const amount of ['1.5', '-1.00', '0.00', '01.00', '1.2.34', '1,000.00', '12', 'abc.de']) {
      expect(await refused(insert, [xo.programId, ids.batchId, ids.envelopeId, electionId, amount, by()]), amount).not.toBe('accepted');
    }
    expect(await refused(insert, [xo.programId, ids.batchId, ids.envelopeId, electionId, '1234567.89', by()])).toBe('accepted');
  });

  it('keeps every intake row append-only, even for the owner', async () => {
    const ids = await batchWithEnvelope();
    expect(await refused('UPDATE envelopes SET item_count = 9 WHERE id = $1', [ids.envelopeId])).toMatch(/append-only/);
    expect(await refused('DELETE FROM mail_batches WHERE id = $1', [ids.batchId])).toMatch(/append-only/);
  });

  it('wants a DTC instruction’s VOI number, participant and rights surrendered, and no VOI number twice', async () => {
    const ids = await batchWithEnvelope();
    await expect(
      store.change(actorOf(xo.supervisor), 'test.dtc', async (tx, at) => ({ payload: {}, result: await tx.intake.insert('elections', election(ids, at, { kind: 'dtc', voiNumber: 'VOI-9' })) })),
    ).rejects.toThrow();
    const dtc = (at: string) => election(ids, at, { kind: 'dtc', certificateId: nomineeCertificateId, voiNumber: 'VOI-9', participantNumber: '0352', participantName: 'Broker', rightsSurrendered: 1 });
    await store.change(actorOf(xo.supervisor), 'test.dtc', async (tx, at) => ({ payload: {}, result: await tx.intake.insert('elections', dtc(at)) }));
    await expect(store.change(actorOf(xo.supervisor), 'test.dtc', async (tx, at) => ({ payload: {}, result: await tx.intake.insert('elections', dtc(at)) }))).rejects.toThrow();
    expect(await store.read((r) => r.intake.count('elections'))).toBe(1);
  });
});
