import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskFailure } from '../../../../shared/ipc/result';
import type { BookStore } from '../../store/port';
import { AFTER_XO, cleanDraft, intakeBook, type IntakeBook } from '../../testing/intake-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { actorOf } from '../views';
import { saveElection } from './elections';
import { addEnvelope, listBatches, listEnvelopes, openBatch, stampInstant } from './mail-log';

let kit: StoreKit;
let store: BookStore;
let book: IntakeBook;

beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await intakeBook(store);
});
afterEach(async () => {
  await store.close();
  await kit.cleanup();
});

const refusal = async (p: Promise<unknown>): Promise<DeskFailure> => {
  const e = await p.then(() => null, (error: unknown) => error);
  expect(e).toBeInstanceOf(DeskFailure);
  return e as DeskFailure;
};
const journalCount = () => store.read((r) => r.journal.count());

describe('the mail log', () => {
  it('opens a batch for a receipt date and stamps envelopes in the order they come, in New York time', async () => {
    const clerk = actorOf(book.clerk);
    const batch = await openBatch(store, clerk, { programId: book.programId, receiptDate: '2003-12-08' }, AFTER_XO);
    expect(batch).toMatchObject({ programId: book.programId, receiptDate: '2003-12-08', label: 'Mail 12/08/2003 #1', openedBy: 'carla', closed: false, envelopes: 0 });
    const first = await addEnvelope(store, clerk, { batchId: batch.id, stampedLocal: '2003-12-08T16:59', source: 'mail', itemCount: 3 }, AFTER_XO);
    const second = await addEnvelope(store, clerk, { batchId: batch.id, stampedLocal: '2003-12-08T17:01', source: 'courier', itemCount: 1 }, AFTER_XO);
    // 4:59 p.m. EST is 21:59 UTC; the stamp is kept as keyed too.
    expect(first).toMatchObject({ seq: 1, stampedLocal: '2003-12-08T16:59', receivedAt: '2003-12-08T21:59:00.000Z', itemCount: 3 });
    expect(second).toMatchObject({ seq: 2, receivedAt: '2003-12-08T22:01:00.000Z', source: 'courier' });
    const stored = await store.read((r) => r.intake.where('envelopes', 'batchId', batch.id));
    expect(stored.map((e) => [e.seq, e.stampedLocal, e.receivedAt, e.createdBy])).toEqual([
      [1, '2003-12-08T16:59', '2003-12-08T21:59:00.000Z', book.clerk.id],
      [2, '2003-12-08T17:01', '2003-12-08T22:01:00.000Z', book.clerk.id],
    ]);
    const entries = await store.read((r) => r.journal.list({ limit: 3 }));
    expect(entries.map((e) => e.action)).toEqual(['intake.envelopeStamped', 'intake.envelopeStamped', 'intake.batchOpened']);
    expect(entries[0]!.payload).toMatchObject({ batchId: batch.id, seq: 2, stampedLocal: '2003-12-08T17:01', itemCount: 1 });

    const second2 = await openBatch(store, clerk, { programId: book.programId, receiptDate: '2003-12-08', label: 'Afternoon courier' }, AFTER_XO);
    expect(second2.label).toBe('Afternoon courier');
    expect(await listBatches(store, book.programId)).toMatchObject([
      { id: second2.id, envelopes: 0, itemsExpected: 0 },
      { id: batch.id, envelopes: 2, itemsExpected: 4, itemsKeyed: 0 },
    ]);
  });

  it('counts the items keyed from each envelope', async () => {
    const clerk = actorOf(book.clerk);
    const batch = await openBatch(store, clerk, { programId: book.programId, receiptDate: '2003-12-01' }, AFTER_XO);
    const envelope = await addEnvelope(store, clerk, { batchId: batch.id, stampedLocal: '2003-12-01T09:30', source: 'mail', itemCount: 2 }, AFTER_XO);
    await saveElection(store, clerk, cleanDraft({ batchId: batch.id, envelopeId: envelope.id }, book.numbers.get('H-1003/A')!, 100), false);
    expect(await listEnvelopes(store, batch.id)).toMatchObject([{ seq: 1, itemCount: 2, itemsKeyed: 1 }]);
    expect((await listBatches(store, book.programId))[0]).toMatchObject({ itemsExpected: 2, itemsKeyed: 1 });
  });

  it('refuses a receipt date after today, a stamp after the batch’s date or after now, an impossible time — the book unchanged', async () => {
    const clerk = actorOf(book.clerk);
    const before = await journalCount();
    const future = await refusal(openBatch(store, clerk, { programId: book.programId, receiptDate: '2003-12-11' }, AFTER_XO));
    expect([future.code, future.field, future.message]).toEqual(['INVALID_INPUT', 'receiptDate', 'Receipt date: 12/11/2003 is after today (12/10/2003 in New York); mail is logged on the day it came']);
    expect(await journalCount()).toBe(before);

    const batch = await openBatch(store, clerk, { programId: book.programId, receiptDate: '2003-12-08' }, AFTER_XO);
    const afterCount = await journalCount();
    const stamp = (stampedLocal: string, now = AFTER_XO) => refusal(addEnvelope(store, clerk, { batchId: batch.id, stampedLocal, source: 'mail', itemCount: 1 }, now));
    expect((await stamp('2003-12-09T08:00')).message).toBe("Time stamped: 12/09/2003 08:00 is after the batch's receipt date 12/08/2003; open a batch for that day");
    expect((await stamp('2003-12-08T24:10')).message).toBe('Time stamped: 24:10 is not a time of day (00:00 to 23:59)');
    expect((await stamp('2003-12-08T12:00', new Date('2003-12-08T16:30:00Z'))).message).toBe('Time stamped: 12/08/2003 12:00 is later than now in New York; key the time on the stamp');
    expect((await stamp('2003-02-30T10:00')).field).toBe('stampedLocal');
    expect(await journalCount()).toBe(afterCount);
    // The hour skipped when clocks spring forward (2003-04-06 02:00–03:00 in New York) was never on a stamp.
    expect(() => stampInstant('2003-04-06T02:30', '2003-04-07', AFTER_XO)).toThrow(/does not exist in New York/);
    // The hour repeated in the fall is taken at its first occurrence (EDT).
    expect(new Date(stampInstant('2003-10-26T01:30', '2003-10-26', AFTER_XO)).toISOString()).toBe('2003-10-26T05:30:00.000Z');
  });

  it('refuses an envelope for a closed batch, and a batch of a program that is not in the book', async () => {
    const clerk = actorOf(book.clerk);
    const batch = await openBatch(store, clerk, { programId: book.programId, receiptDate: '2003-12-08' }, AFTER_XO);
    await store.change(clerk, 'test.batchClosed', async (tx, at) => ({ payload: {}, result: await tx.intake.insert('batch_closings', { batchId: batch.id, closedAt: at, closedBy: book.clerk.id, control: {} }) }));
    const closed = await refusal(addEnvelope(store, clerk, { batchId: batch.id, stampedLocal: '2003-12-08T10:00', source: 'mail', itemCount: 1 }, AFTER_XO));
    expect([closed.code, closed.message]).toEqual(['CONFLICT', 'Batch Mail 12/08/2003 #1 is closed: open a new batch for more mail']);
    expect((await listBatches(store, book.programId))[0]?.closed).toBe(true);
    expect((await refusal(openBatch(store, clerk, { programId: 999, receiptDate: '2003-12-08' }, AFTER_XO))).code).toBe('NOT_FOUND');
  });
});
