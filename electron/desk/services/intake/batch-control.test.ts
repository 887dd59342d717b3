// Batch control on both stores: the figures of a keyed batch, worked out by hand from the rules
// (§4b deemed exercise, §6a good funds); an unbalanced batch refused in words, leaving the book
// as it was; a balanced one closed once, journaled, and taking no more items.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookStore } from '../../store/port';
import { addEnvelope, keyElection, keyOddLot, openBatch, reverseElection, xoIntakeBook, type IntakeBook } from '../../testing/intake-rows-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { actorOf } from '../views';
import { assertBatchOpen, batchControl, batchSummaries, closeBatch, holdOpenBatch } from './batch-control';

let kit: StoreKit;
let store: BookStore;
let book: IntakeBook;
beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await xoIntakeBook(store);
});
afterEach(async () => {
  await store.close();
  await kit.cleanup();
});

/** A morning's mail: three envelopes stating 3, 2 and 2 items; the third has only one keyed so far. */
async function morningMail() {
  const batchId = await openBatch(store, book);
  const env = [await addEnvelope(store, book, batchId, { seq: 1, itemCount: 3 }), await addEnvelope(store, book, batchId, { seq: 2, itemCount: 2, source: 'dtc' }), await addEnvelope(store, book, batchId, { seq: 3, itemCount: 2, stampedLocal: '2003-11-20T10:02' })];
  const at = (i: number) => ({ batchId, envelopeId: env[i]! });
  const full = await keyElection(store, book, at(0), { certificate: 'RT-000004', basicShares: 100, payments: [{ method: 'money-order', amount: '500.00' }] });
  const noNumber = await keyElection(store, book, at(0), { certificate: 'RT-000004', basicShares: null, payments: [{ method: 'check', amount: '250.00', status: 'cleared' }] });
  const unsigned = await keyElection(store, book, at(0), { certificate: 'RT-000002', basicShares: 200, facts: { signed: false }, payments: [{ method: 'check', amount: '1000.00', checkNumber: '2002' }] });
  const dtc = await keyElection(store, book, at(1), { certificate: 'RT-000005', basicShares: 5, dtc: { voi: 'VOI-0001', participant: '0352', name: 'Broker One', rights: 5 }, payments: [{ method: 'dtc', amount: '25.00', status: 'cleared' }] });
  await keyOddLot(store, book, at(1), { account: 'H-1005', action: 'sell', shares: 40 });
  const oversub = await keyElection(store, book, at(2), { certificate: 'RT-000002', basicShares: 10, oversubscriptionShares: 5, payments: [{ method: 'wire', amount: '75.00', status: 'cleared', reference: 'FED-77' }] });
  return { batchId, env, at, ids: { full, noNumber, unsigned, dtc, oversub } };
}

const journalCount = () => store.read((r) => r.journal.count());

describe('batch control figures', () => {
  it('counts items, shares, amounts by method and deficiencies from the rows keyed', async () => {
    const { batchId } = await morningMail();
    const view = await store.read((r) => batchControl(r, batchId));
    const f = view.figures;
    expect(f.items).toEqual({ forms: 4, dtc: 1, oddLots: 1, covers: 0, total: 6, stated: 7, corrections: 0, reversed: 0 });
    expect(f.envelopes.map((e) => [e.seq, e.stated, e.keyed.total, e.difference])).toEqual([[1, 3, 3, 0], [2, 2, 2, 0], [3, 2, 1, -1]]);
    // Basic written 100 + 200 + 5 + 10; §4b gives the blank form 50 ($250 at $5), the unsigned one's check has not cleared.
    expect(f.shares).toEqual({ basicWritten: 315, basicNotIndicated: 1, oversubscriptionWritten: 5, basicDeemed: 165, oversubscriptionPaid: 5, rightsSurrendered: 5, oddLotSell: 40, oddLotBuyUp: 0 });
    expect(f.methods).toEqual([
      { method: 'check', payments: 2, amount: '1250.00' },
      { method: 'money-order', payments: 1, amount: '500.00' },
      { method: 'wire', payments: 1, amount: '75.00' },
      { method: 'dtc', payments: 1, amount: '25.00' },
    ]);
    expect(f.amountTotal).toEqual({ method: 'total', payments: 5, amount: '1850.00' });
    expect(Object.fromEntries(f.deficiencies.map((d) => [d.code, d.items]))).toEqual({ UNSIGNED: 1, NO_GOOD_FUNDS: 1, OVERSUB_WITHOUT_FULL_BASIC: 1 });
    expect(f.electionsWithDeficiencies).toBe(2);
    expect(view.deficiencyTitles['UNSIGNED']).toBe('Not signed');
    expect(f.balanced).toBe(false);
    expect(view.differences).toEqual(['Envelope 3: 2 items stated, 1 keyed (1 short)']);
    expect(view.elections.map((e) => [e.certificateNumber, e.envelopeSeq, e.deficiencies])).toEqual([
      ['RT-000004', 1, []], ['RT-000004', 1, []], ['RT-000002', 1, ['UNSIGNED', 'NO_GOOD_FUNDS']], ['RT-000005', 2, []], ['RT-000002', 3, ['OVERSUB_WITHOUT_FULL_BASIC']],
    ]);
  });

  it('counts a correction once as an item, and only the correcting election’s shares', async () => {
    const { batchId, at, ids } = await morningMail();
    await reverseElection(store, book, ids.full);
    await keyElection(store, book, at(0), { certificate: 'RT-000004', basicShares: 90, correctsId: ids.full });
    const f = (await store.read((r) => batchControl(r, batchId))).figures;
    expect(f.items).toMatchObject({ forms: 4, total: 6, corrections: 1, reversed: 1 });
    expect(f.envelopes[0]).toMatchObject({ stated: 3, difference: 0 });
    expect(f.shares.basicWritten).toBe(315 - 100 + 90);
    // The payment came with the first keying and stays received in the batch: amounts are what came in.
    expect(f.amountTotal.amount).toBe('1850.00');
  });

  it('lists a program’s batches, newest receipt date first, open or closed', async () => {
    const older = await openBatch(store, book, 'Courier', '2003-11-19');
    const newer = await openBatch(store, book, 'Morning mail', '2003-11-20');
    await addEnvelope(store, book, newer, { seq: 1, itemCount: 1 });
    expect(await store.read((r) => batchSummaries(r, book.programId))).toEqual([
      { batchId: newer, label: 'Morning mail', receiptDate: '2003-11-20', envelopes: 1, closed: false },
      { batchId: older, label: 'Courier', receiptDate: '2003-11-19', envelopes: 0, closed: false },
    ]);
  });
});

describe('closing a batch', () => {
  it('refuses an unbalanced batch, naming each difference, and leaves the book as it was', async () => {
    const { batchId } = await morningMail();
    const before = await journalCount();
    await expect(closeBatch(store, actorOf(book.supervisor), { batchId, envelopesCounted: 3 })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `Batch ${batchId} (Morning mail, 2003-11-20) does not balance, so it cannot be closed: Envelope 3: 2 items stated, 1 keyed (1 short)`,
    });
    await expect(closeBatch(store, actorOf(book.supervisor), { batchId, envelopesCounted: 4 })).rejects.toMatchObject({
      field: 'envelopesCounted',
      message: expect.stringContaining('Envelopes counted: 4 counted in the tray, 3 in the mail log (1 more in the tray); Envelope 3'),
    });
    expect(await journalCount()).toBe(before);
    expect(await store.read((r) => r.intake.count('batch_closings'))).toBe(0);
  });

  it('closes a balanced batch once, keeps its figures, journals it, and takes no more items', async () => {
    const { batchId, at } = await morningMail();
    await keyElection(store, book, at(2), { certificate: 'RT-000004', basicShares: 1, payments: [{ method: 'certified-check', amount: '5.00' }] });
    const closed = await closeBatch(store, actorOf(book.supervisor), { batchId, envelopesCounted: 3 });
    expect(closed).toMatchObject({ batchId, items: 7, amount: '1855.00' });
    const [closing] = await store.read((r) => r.intake.where('batch_closings', 'batchId', batchId));
    expect(closing?.control).toMatchObject({ envelopesCounted: 3, balanced: true, items: { total: 7, stated: 7 }, amountTotal: { amount: '1855.00' } });
    const [entry] = await store.read((r) => r.journal.list({ limit: 1 }));
    expect(entry).toMatchObject({ action: 'batch.closed', username: 'sam', payload: { batchId, envelopes: 3, items: { total: 7 }, amountTotal: { payments: 6, amount: '1855.00' } } });
    const view = await store.read((r) => batchControl(r, batchId));
    expect(view.closed).toEqual({ at: closed.closedAt, by: 'sam' });

    await expect(closeBatch(store, actorOf(book.supervisor), { batchId, envelopesCounted: 3 })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/was closed \w+ \d+, \d{4}, \d+:\d\d [ap]\.m\. New York time: it takes no more items/) });
    // An item saved the way every intake save must: the batch held and checked inside its change.
    const saveInto = () =>
      store.change(actorOf(book.supervisor), 'election.keyed', async (tx) => {
        await holdOpenBatch(tx, batchId);
        return { payload: {}, result: null };
      });
    await expect(saveInto()).rejects.toMatchObject({ code: 'CONFLICT', field: 'batchId', message: expect.stringContaining('it takes no more items — open a new batch for this mail') });
    await expect(store.read((r) => assertBatchOpen(r, batchId))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(store.read((r) => assertBatchOpen(r, 999_999))).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'batchId' });
    expect(await store.read((r) => r.intake.count('batch_closings'))).toBe(1);
  });

  it('lets one of two changes on the same batch run at a time: a closing counts the item saved with it', async () => {
    const { batchId, at } = await morningMail();
    const envelopeId = at(2).envelopeId;
    const certificateId = book.certificates.get('RT-000004')!.id;
    // Started together: the item's change and the closing. Whichever holds the batch first, the
    // book ends consistent — the closing balanced with the item, or refused without it.
    const save = store.change(actorOf(book.supervisor), 'election.keyed', async (tx, when) => {
      await holdOpenBatch(tx, batchId);
      const id = await tx.intake.insert('elections', {
        programId: book.programId, batchId, envelopeId, kind: 'form', certificateId, basicShares: 1, oversubscriptionShares: 0, facts: { signed: true },
        voiNumber: null, participantNumber: null, participantName: null, rightsSurrendered: null, correctsId: null, keyedAt: when, keyedBy: book.supervisor.id,
      });
      return { payload: { id }, result: id };
    });
    const close = closeBatch(store, actorOf(book.supervisor), { batchId, envelopesCounted: 3 });
    const [saved, closed] = await Promise.allSettled([save, close]);
    const items = await store.read((r) => r.intake.count('elections', 'batchId', batchId));
    const closings = await store.read((r) => r.intake.where('batch_closings', 'batchId', batchId));
    if (closed.status === 'fulfilled') {
      expect(saved.status).toBe('fulfilled');
      expect(closings[0]?.control).toMatchObject({ items: { forms: items - 1, dtc: 1 }, balanced: true }); // every election but the DTC instruction is a form
    } else {
      expect(closings).toEqual([]);
    }
  });
});
