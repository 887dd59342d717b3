// The whole-program reading the supervisor desk stands on: every election's verdict equals the
// one the intake service gives it alone (assessStored), corrections carry their chain and hands,
// and decisions move an item's standing as §11 says (both stores).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BookStore } from '../../store/port';
import { AFTER_XO, batchAndEnvelope, cleanDraft, intakeBook, type IntakeBook } from '../../testing/intake-fixture';
import { storeKit, type StoreKit } from '../../testing/store-kit';
import { assessStored } from '../intake/assess';
import { correctElection, saveElection } from '../intake/elections';
import { actorOf } from '../views';
import { readProgramItems } from './program-items';

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

async function keyed(account: string, basic: number | null, more = {}): Promise<number> {
  const answer = await saveElection(store, actorOf(book.clerk), cleanDraft(ids, book.numbers.get(account)!, basic, more), true);
  if (!answer.saved) throw new Error('not saved');
  return answer.electionId;
}

async function decide(electionId: number, kind: string, codes: string[], cureBy: string | null = null): Promise<void> {
  await store.change(actorOf(book.supervisor), 'test.decided', async (tx, at) => {
    await tx.supervision.insert('decisions', { programId: book.programId, electionId, oddLotOrderId: null, kind, codes, cureBy, reason: 'test', decidedAt: at, decidedBy: book.supervisor.id });
    return { payload: {}, result: null };
  });
}

describe('the program items', () => {
  it('gives each election the verdict the intake service gives it alone', async () => {
    await keyed('H-1003/A', 100);
    await keyed('H-1002/B', 10, { signed: false });
    await keyed('H-1003/A', 20, { payments: [{ method: 'money-order', amount: '10.00', payer: 'X', checkNumber: '1' }] });
    const { items } = await store.read((r) => readProgramItems(r, book.programId, AFTER_XO));
    expect(items).toHaveLength(3);
    for (const item of items) {
      const alone = await store.read(async (r) => assessStored(r, item.election!, (await r.terms.history(book.programId)).at(-1)!.terms as never, item.certificate!, item.envelope.stampedLocal, AFTER_XO));
      expect(item.verdict).toEqual(alone);
    }
    expect(items.map((i) => i.standing.status)).toEqual(['clean', 'open', 'open']);
    expect(items[1]!.standing.open).toEqual(['UNSIGNED']);
  });

  it('follows a correction: the original is withdrawn, the correction carries the decisions and the hands of both', async () => {
    const first = await keyed('H-1002/B', 10, { signed: false });
    await decide(first, 'allow-cure', ['UNSIGNED'], '2003-12-05');
    const awaiting = await store.read((r) => readProgramItems(r, book.programId, new Date('2003-12-03T15:00:00Z')));
    expect(awaiting.byKey.get(`election:${first}`)!.standing).toMatchObject({ status: 'awaiting-cure', cureBy: '2003-12-05' });
    const lapsed = await store.read((r) => readProgramItems(r, book.programId, new Date('2003-12-06T15:00:00Z')));
    expect(lapsed.byKey.get(`election:${first}`)!.standing.status).toBe('cure-lapsed');
    kit.clock.advanceMinutes(10);
    const corrected = await correctElection(store, actorOf(book.supervisor), first, 'Signed form came back', cleanDraft(ids, book.numbers.get('H-1002/B')!, 10, { payments: [] }));
    const after = await store.read((r) => readProgramItems(r, book.programId, AFTER_XO));
    expect(after.byKey.get(`election:${first}`)!.standing.status).toBe('withdrawn');
    const replacement = after.byKey.get(`election:${corrected.electionId}`)!;
    expect(replacement.corrects).toEqual([first]);
    expect(replacement.decisions.map((d) => d.kind)).toEqual(['allow-cure']);
    expect([...replacement.hands].sort()).toEqual([book.clerk.id, book.supervisor.id].sort());
    // The signed form cured it: nothing is open, and the carried money order applies to it.
    expect(replacement.standing.status).toBe('accepted');
    expect(replacement.payments.map((p) => p.applied)).toEqual(['50.00']);
  });

  it('is accepted only when every deficiency is waived or cured, and ends at a rejection', async () => {
    const id = await keyed('H-1002/B', 10, { signed: false, taxFormOnFile: false });
    await decide(id, 'waive', ['UNSIGNED']);
    let item = (await store.read((r) => readProgramItems(r, book.programId, AFTER_XO))).byKey.get(`election:${id}`)!;
    expect(item.standing).toMatchObject({ status: 'open', open: ['MISSING_TIN'], waived: ['UNSIGNED'] });
    await decide(id, 'cured', ['MISSING_TIN']);
    item = (await store.read((r) => readProgramItems(r, book.programId, AFTER_XO))).byKey.get(`election:${id}`)!;
    expect(item.standing).toMatchObject({ status: 'accepted', open: [], cured: ['MISSING_TIN'] });
    const other = await keyed('H-1003/A', 10, { signed: false });
    await decide(other, 'reject', ['UNSIGNED']);
    item = (await store.read((r) => readProgramItems(r, book.programId, AFTER_XO))).byKey.get(`election:${other}`)!;
    expect(item.standing.status).toBe('rejected');
  });
});
