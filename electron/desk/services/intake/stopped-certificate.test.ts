// A stop reaches the clerk's form: an election keyed on a certificate after its loss was reported
// carries CERTIFICATE_STOPPED, through the election service itself; one keyed before does not
// change afterwards (both stores).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookStore } from '../../store/port';
import { batchAndEnvelope, cleanDraft, intakeBook, type IntakeBook } from '../../testing/intake-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { openCase } from '../lost/cases';
import { actorOf } from '../views';
import { batchItems } from './election-views';
import { saveElection } from './elections';

let kit: StoreKit;
let store: BookStore;
let book: IntakeBook;
let ids: { batchId: number; envelopeId: number };

beforeEach(async () => {
  kit = await storeKit();
  store = await kit.open();
  book = await intakeBook(store);
  ids = await batchAndEnvelope(store, book);
});
afterEach(async () => {
  await store.close();
  await kit.cleanup();
});

const AFFIDAVIT = { received: true, ownerName: 'Nguyễn Văn An', tinLast4: '6789', address: '77 Bellaire Blvd, Houston TX 77036', rights: 999, notEndorsedOrPledged: true };

describe('an election on a stopped certificate', () => {
  it('carries CERTIFICATE_STOPPED when keyed after the stop, and the one keyed before keeps its verdict', async () => {
    const number = book.numbers.get('H-1003/A')!;
    const before = await saveElection(store, actorOf(book.clerk), cleanDraft(ids, number, 100), true);
    expect(before.saved && before.verdict.deficiencies).toEqual([]);
    kit.clock.advanceMinutes(5); // the holder calls: the certificate is lost
    await openCase(store, actorOf(book.clerk), { programId: book.programId, certificateNumber: number, kind: 'lost', discoveredOn: '2003-11-19', circumstances: 'Lost in a house move last week', affidavit: AFFIDAVIT });
    kit.clock.advanceMinutes(5);
    const after = await saveElection(store, actorOf(book.clerk), cleanDraft(ids, number, 100), true);
    expect(after.saved && after.verdict.deficiencies.map((d) => d.code)).toEqual(['CERTIFICATE_STOPPED']);
    const items = await batchItems(store, ids.batchId);
    expect(items.map((i) => i.codes)).toEqual([[], ['CERTIFICATE_STOPPED']]);
  });
});
