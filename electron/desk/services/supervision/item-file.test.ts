// One item opened (both stores): the form as keyed, each deficiency in words with its state,
// payments, envelope, decisions with who and why, and its history from the journal — entries
// naming this item and its payments only, actions in words.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookStore } from '../../store/port';
import { keyForm, queueBook, type QueueBook } from '../../testing/queue-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { decideItem } from './decide';
import { openItem } from './item-file';

let kit: StoreKit;
let store: BookStore;
let book: QueueBook;

beforeEach(async () => {
  kit = await storeKit();
  kit.clock.setWallClock('2003-12-03T15:00:00.000Z');
  store = await kit.open();
  book = await queueBook(store);
});
afterEach(async () => {
  await store.close();
  await kit.cleanup();
});

describe('an item opened', () => {
  it('shows the keyed form, the verdict in words, its payments, envelope, decisions and history', async () => {
    const id = await keyForm(store, book, 'H-1002/B', 10, { signed: false, taxFormOnFile: false });
    const other = await keyForm(store, book, 'H-1003/A', 10, { signed: false });
    await decideItem(store, book.checker, { programId: book.programId, item: { kind: 'election', id }, decision: 'waive', codes: ['UNSIGNED'], reason: 'Signature card on file matches', cureBy: null });
    const file = await openItem(store, book.checker, book.programId, { kind: 'election', id }, kit.clock.now());
    expect(file).toMatchObject({ itemWords: `Form ${id}`, status: 'open', certificate: book.numbers.get('H-1002/B'), keyedBy: 'Carla Clerk', yourHands: false, corrects: [] });
    expect(file.keyed).toContainEqual({ label: 'Basic shares', value: '10' });
    expect(file.keyed).toContainEqual({ label: 'Signed', value: 'No' });
    expect(file.deficiencies.map((d) => [d.code, d.state, d.waivable])).toEqual([['UNSIGNED', 'waived', true], ['MISSING_TIN', 'open', true]]);
    expect(file.deficiencies[0]!.description.length).toBeGreaterThan(10);
    expect(file.funds).toMatchObject({ good: '50.00', due: '0.00' });
    expect(file.payments).toMatchObject([{ method: 'money-order', amount: '50.00', applied: '50.00', checkNumber: '77001' }]);
    expect(file.envelope).toMatchObject({ batchId: book.ids.batchId, stamped: '2003-12-01T10:15', source: 'mail' });
    expect(file.decisions).toMatchObject([{ kind: 'waive', words: 'Waived', codes: ['UNSIGNED'], reason: 'Signature card on file matches', decidedBy: 'Vera Checker' }]);
    expect(file.holder.length).toBeGreaterThan(0);
    expect(file.history.map((h) => h.words)).toEqual(['Election keyed', 'Deficiency waived']);
    expect(file.history.every((h) => JSON.stringify(h.payload).includes(`"electionId":${id}`))).toBe(true);
    const theirs = await openItem(store, book.clerk, book.programId, { kind: 'election', id: other }, kit.clock.now());
    expect(theirs).toMatchObject({ yourHands: true, history: [{ action: 'election.keyed' }] });
  });
});
